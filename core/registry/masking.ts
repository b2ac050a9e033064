/**
 * Masking of members' personal data (Law on Personal Data Protection 91/2025/QH15; DESIGN.md §5): lists
 * show masked values by default, the full values only through an audited reveal. Pure and
 * property-tested: a masked value never carries more of the original than the rule below allows.
 *   ID number   the last 3 characters behind a fixed run of 9 stars ("*********123"), so the length
 *               (CCCD 12 digits vs CMND 9 digits vs passport) is not disclosed; nothing when shorter than 6.
 *   birth date  the year only ("**∕**∕1980").
 *   address     the last comma-separated part only (province or commune); nothing without a comma.
 *   ethnicity   hidden ("***"): ethnic origin is sensitive personal data (NĐ 13/2023/NĐ-CP Art. 2(4)).
 * A member that is an organisation (it has an org_code) is not a data subject: nothing is masked.
 */

/** What a masked value's hidden part is made of. */
export const MASK_CHAR = '*';
/** ID numbers reveal this many trailing characters. */
export const ID_VISIBLE_CHARS = 3;
const ID_STARS = MASK_CHAR.repeat(9);
const HIDDEN = MASK_CHAR.repeat(3);

/** Masks an ID number to "*********123"; null stays null. */
export function maskIdNumber(value: string | null): string | null {
  if (value === null) return null;
  const s = value.trim();
  if (s.length < 2 * ID_VISIBLE_CHARS) return ID_STARS + HIDDEN;
  return ID_STARS + s.slice(-ID_VISIBLE_CHARS);
}

/** Masks an ISO birth date 'YYYY-MM-DD' to '**∕**∕YYYY'; anything else to '**∕**∕****'. */
export function maskBirthDate(value: string | null): string | null {
  if (value === null) return null;
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(value);
  return `**/**/${m ? m[1] : '****'}`;
}

/** Masks an address to '***, <last comma-separated part>'; '***' when there is no comma. */
export function maskAddress(value: string | null): string | null {
  if (value === null) return null;
  const parts = value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return HIDDEN;
  return `${HIDDEN}, ${parts[parts.length - 1]}`;
}

/** Hides a value entirely ('***'); null stays null. */
export function maskHidden(value: string | null): string | null {
  return value === null ? null : HIDDEN;
}

/** The personal fields of a member record that masking touches. */
export interface MaskableMember {
  id_number: string | null;
  birth_date: string | null;
  address: string | null;
  ethnicity: string | null;
  org_code: string | null;
}

/** A copy of the member with its personal data masked (organisations are returned unchanged). */
export function maskMember<T extends MaskableMember>(m: T): T {
  if (m.org_code) return { ...m };
  return {
    ...m,
    id_number: maskIdNumber(m.id_number),
    birth_date: maskBirthDate(m.birth_date),
    address: maskAddress(m.address),
    ethnicity: maskHidden(m.ethnicity),
  };
}
