/** A cell as the import keeps it: the value Excel stored, never a formula to evaluate. */
export type RawCell = string | number | boolean | Date | null | FormulaWithoutResult | CellError;

/** A formula cell saved without its computed value: we never evaluate formulas, so it reads as empty. */
export interface FormulaWithoutResult {
  formulaWithoutResult: true;
}

/** An Excel error value such as #N/A or #REF!. */
export interface CellError {
  cellError: string;
}

/** True for the marker of a formula without a cached result. */
export function isFormulaWithoutResult(v: RawCell): v is FormulaWithoutResult {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formulaWithoutResult' in v;
}

/** True for an Excel error value. */
export function isCellError(v: RawCell): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'cellError' in v;
}

function percentText(n: number): string {
  return `${Number((n * 100).toPrecision(15))}%`;
}

/**
 * Converts an exceljs cell value to a RawCell: rich text joined, hyperlinks to their text, formulas to their
 * cached result (never evaluated), numbers formatted as percentages to "12,5%"-style text so 12% reads as 12.
 */
export function toRawCell(value: unknown, numFmt?: string): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return numFmt?.includes('%') && Number.isFinite(value) ? percentText(value) : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (
        v.result === undefined ||
        v.result === null ||
        (typeof v.result === 'object' && !(v.result instanceof Date))
      ) {
        if (typeof v.result === 'object' && v.result && 'error' in (v.result as object))
          return { cellError: String((v.result as { error: unknown }).error) };
        return { formulaWithoutResult: true };
      }
      // exceljs' streaming reader turns an error result (t="e") into NaN.
      if (typeof v.result === 'number' && !Number.isFinite(v.result)) return { cellError: '' };
      return toRawCell(v.result, numFmt);
    }
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    if ('error' in v) return { cellError: String(v.error) };
    if ('text' in v) return typeof v.text === 'string' ? v.text : toRawCell(v.text, numFmt);
  }
  return String(value);
}

/** True when a cell holds nothing but spaces. */
export function isBlank(v: RawCell): boolean {
  return v === null || (typeof v === 'string' && v.replace(/[\s\u200b\ufeff]/g, '') === '');
}
