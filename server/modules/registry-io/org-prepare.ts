import { normaliseRegistrationCode } from '../../../core/registry/registration-code.js';
import { organisationNameKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { requireUser } from '../auth/scope.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { flagDuplicateKeys } from './import-types.js';
import type { SheetData, SheetRow } from './read-sheet.js';
import { normaliseUnitCode, resolveCommune } from './resolve-commune.js';
import { type RowIssue, typeRow } from './row-values.js';
import { type CommuneRef, type UnitLookups, unitLookups } from './unit-lookups.js';

/** One organisation row read from the file, before it is compared with the registry. */
export interface OrgDraft {
  row: number;
  regCode: string | null;
  /** Values for ZOrganisationInput keys that the file gives (communeId resolved); a key left out is kept. */
  provided: Record<string, unknown>;
  commune: CommuneRef | null;
  issues: RowIssue[];
  warnings: RowIssue[];
}

/** The rows of an organisation file, with the lookups used to read them. */
export interface OrgPrepared {
  drafts: OrgDraft[];
  units: UnitLookups;
  /** organisationNameKey, remembered per name: the fingerprint, the rules and the duplicate check all key by it. */
  nameKey(name: string): string;
}

/** `f` with a memory of the texts already given (one file's worth: a file repeats names and people). */
export function memoised<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const v = f(text);
    seen.set(text, v);
    return v;
  };
}

/** organisationNameKey with a memory of the names already keyed. */
export const nameKeyMemo = () => memoised(organisationNameKey);

const HEADER = new Map(ORGANISATION_COLUMNS.map((c) => [c.key, c.header]));
/** The template header of a column key, for messages. */
export const orgHeader = (key: string) => HEADER.get(key) ?? key;

// Fields that cannot be empty: an empty cell leaves the current value (or the default for a new row).
const KEEP_WHEN_EMPTY = new Set(['kind', 'name', 'legalStatus']);
const BOOLEANS = new Set(['creditFund', 'paperOnly']);
const NOT_INPUT = new Set(['regCode', 'communeCode', 'communeName', 'province', 'pre2025CommuneCode']);

function rawOf(r: SheetRow, sheet: SheetData, key: string) {
  for (const [col, spec] of sheet.header.columns) if (spec.key === key) return r.cells[col];
  return undefined;
}

function regCodeOf(r: SheetRow, sheet: SheetData, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let code = normaliseRegistrationCode(value);
  // A code typed as a number loses its leading zero (Hà Nội codes start with 01).
  if (typeof rawOf(r, sheet, 'regCode') === 'number' && /^\d{9}$/.test(code)) code = `0${code}`;
  return code;
}

function draftOf(r: SheetRow, sheet: SheetData, units: UnitLookups, homeProvinceId: number | null): OrgDraft {
  const typed = typeRow(r, sheet.header, sheet.date1904);
  const v = typed.values;
  const d: OrgDraft = {
    row: r.row,
    regCode: regCodeOf(r, sheet, v.regCode),
    provided: {},
    commune: null,
    issues: typed.issues,
    warnings: typed.warnings,
  };
  const issue = (key: string, message: string) =>
    d.issues.push({ row: r.row, column: orgHeader(key), header: null, message });
  if (!d.regCode && !typed.issues.some((i) => i.column === orgHeader('regCode')))
    issue('regCode', 'Thiếu mã số HTX/THT.');
  for (const [key, value] of Object.entries(v)) {
    if (NOT_INPUT.has(key)) continue;
    if (value === null && KEEP_WHEN_EMPTY.has(key)) continue;
    d.provided[key] = value === null && BOOLEANS.has(key) ? false : value;
  }
  if (typeof d.provided.vsicCode === 'string' && /^\d{3}$/.test(d.provided.vsicCode))
    d.provided.vsicCode = `0${d.provided.vsicCode}`;
  const place = resolveCommune(
    {
      communeCode: v.communeCode as string | null,
      communeName: v.communeName as string | null,
      province: v.province as string | null,
    },
    units,
    homeProvinceId,
  );
  if (!place.ok) issue(place.column, place.message);
  else if (place.commune) {
    d.commune = place.commune;
    d.provided.communeId = place.commune.id;
  }
  if ('pre2025CommuneCode' in v) {
    const code = v.pre2025CommuneCode as string | null;
    if (code === null) d.provided.pre2025CommuneId = null;
    else {
      const id = units.pre2025ByCode.get(normaliseUnitCode(code));
      if (id === undefined)
        issue('pre2025CommuneCode', `Không có xã cũ mã "${code}" trong danh mục trước 01/07/2025.`);
      else d.provided.pre2025CommuneId = id;
    }
  }
  return d;
}

/**
 * Reads every row of an organisation file into drafts: typed cells, the commune by code or name, and
 * registration codes repeated within the file (all rows sharing a code are invalid: which one is right
 * cannot be told).
 */
export async function prepareOrganisations(ctx: Ctx, sheet: SheetData): Promise<OrgPrepared> {
  const units = await unitLookups(ctx.db);
  const user = requireUser(ctx);
  const drafts = sheet.rows.map((r) => draftOf(r, sheet, units, user.scope.provinceId));
  flagDuplicateKeys(
    drafts,
    (d) => d.regCode || null,
    (d, others) => ({
      column: orgHeader('regCode'),
      header: null,
      message: `Mã số ${d.regCode} xuất hiện ở nhiều dòng trong tệp (dòng ${others.join(', ')}); mỗi tổ chức chỉ được có một dòng.`,
    }),
  );
  return { drafts, units, nameKey: nameKeyMemo() };
}
