/**
 * Registration code (mã số) = tax code: 10 digits, or 10 digits + "-" + 3 digits for a dependent unit
 * (NĐ 92/2024 Art. 14). The check-digit rule is not in our sources, so only the form is validated.
 */
export function normaliseRegistrationCode(input: string): string {
  return input.replace(/[\s.]/g, '').replace(/[–—]/g, '-');
}

/** True when the code has the form of a tax code or a dependent-unit code. */
export function isRegistrationCode(code: string): boolean {
  return /^\d{10}(-\d{3})?$/.test(code);
}
