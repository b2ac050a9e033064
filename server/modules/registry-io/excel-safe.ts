const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Neutralises text that a spreadsheet would read as a formula (DESIGN.md §5, CSV/formula injection): a cell
 * beginning with = + - @, tab or CR gets a leading apostrophe. The import removes that apostrophe again
 * (cell-parse.ts unneutralise), so an export imports back unchanged.
 */
export function neutralise(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** A value ready for an exported cell: text neutralised, numbers beyond exact range written as text. */
export function safeCell(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return neutralise(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  return neutralise(String(v));
}

/** An amount kept exact: a number cell when it fits a double exactly, else text. */
export function moneyCell(v: string | null | undefined): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}

/** An ISO date as a date cell (UTC midnight, what Excel stores as a whole day). */
export function dateCell(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
