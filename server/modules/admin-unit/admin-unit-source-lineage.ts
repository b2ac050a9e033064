/** Derives old → new lineage (communes, districts, provinces) from the mapping and the reconciled versions. */
import type { LineageRow, UnitLevel } from './admin-unit-source.js';
import { bareKey, matchKey, spellingKey, syllables } from './admin-unit-source-names.js';
import {
  type CodeEntry,
  codedMappings,
  entryId,
  hasOwn2023Row,
  isSplit,
  key2023,
  type PreModel,
  REFORM_DATE,
  ROUND_2025_DATE,
  reformKey,
} from './admin-unit-source-pre.js';
import type { RawSources } from './admin-unit-source-raw.js';

/** Lookups into the post-2025 list. */
export interface PostIndex {
  /** Official code as printed in the package → code used in our rows (package code errors fixed). */
  code: (packageCode: string) => string;
  /** `${provinceCode}|${matchKey(full commune name)}` → code. */
  communeByName: Map<string, string>;
  provinceByName: Map<string, string>;
  provinceOfCommune: Map<string, string>;
  /** bareKey → code of each đặc khu (special zones that replaced island districts). */
  specialZoneByName: Map<string, string>;
}

const postCommuneKey = (code: string) => `post:C:${code}`;
const postProvinceKey = (code: string) => `post:P:${code}`;

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  const s = m.get(k);
  if (s) s.add(v);
  else m.set(k, new Set([v]));
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function groupCodes(entries: CodeEntry[], key: (e: CodeEntry) => string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const e of entries) push(m, key(e), e.code);
  return m;
}

/** Builds all lineage rows; partial is set when an old unit's territory went to more than one new unit. */
export function buildLineage(raw: RawSources, model: PreModel, post: PostIndex): LineageRow[] {
  const rows = new Map<string, LineageRow>();
  const link = (oldKey: string, targets: Iterable<string>, effectiveDate: string) => {
    const list = [...targets];
    for (const newKey of list)
      rows.set(`${oldKey}>${newKey}`, { oldKey, newKey, effectiveDate, partial: list.length > 1 });
  };
  const entry = (level: UnitLevel, code: string) => model.entries.get(entryId(level, code));
  const all = [...model.entries.values()];
  const inForce = all.filter((e) => e.level === 3 && e.atReform);
  const ended = all.filter((e) => e.level === 3 && hasOwn2023Row(e));

  // Commune → new communes: the coded list first, then the null-code batch read by names.
  const targets = new Map<string, Set<string>>();
  for (const m of codedMappings(raw)) addTo(targets, m.old_ward_code!, post.code(m.new_ward_code));
  const nullTargets = resolveNullCodeRows(raw, model, post, inForce, ended, targets);
  for (const x of inForce) {
    const t = targets.get(x.code);
    // The one new commune the mapping forgot (see buildPreModel) kept the old code.
    link(reformKey(3, x.code), [...(t ?? [x.code])].sort().map(postCommuneKey), REFORM_DATE);
  }

  // 2023 communes gone by the reform → the commune that absorbed them (1/1/2025 round).
  const successor = new Map<string, string>();
  for (const e of all) if (e.level === 3 && e.atReform) successor.set(e.code, e.code);
  const byDistrict2023 = new Map<string, CodeEntry[]>();
  for (const x of inForce) push(byDistrict2023, x.v2023?.parentCode ?? x.atReform!.parentCode!, x);
  for (const y of ended.filter((e) => !e.atReform)) {
    const x = inferAbsorber(
      y,
      byDistrict2023.get(y.v2023!.parentCode!) ?? [],
      targets,
      nullTargets.get(y.code),
    );
    if (x) successor.set(y.code, x);
  }
  for (const e of ended) {
    const x = successor.get(e.code);
    if (x) link(key2023(e), [reformKey(3, x)], ROUND_2025_DATE);
  }

  // Districts: in force at the reform → new communes of their communes; 2023 districts gone → their successors.
  const reformCommunesOf = groupCodes(inForce, (x) => x.atReform!.parentCode!);
  const communes2023Of = groupCodes(
    all.filter((e) => e.level === 3 && e.v2023),
    (c) => c.v2023!.parentCode!,
  );
  for (const d of all.filter((e) => e.level === 2)) {
    if (d.atReform) {
      const cs = reformCommunesOf.get(d.code) ?? [];
      const t = new Set(cs.flatMap((c) => [...(targets.get(c) ?? [c])]));
      const zone = post.specialZoneByName.get(bareKey(d.atReform.fullName));
      if (cs.length === 0 && zone) t.add(zone);
      link(reformKey(2, d.code), [...t].sort().map(postCommuneKey), REFORM_DATE);
    }
    if (hasOwn2023Row(d)) {
      const next = (communes2023Of.get(d.code) ?? [])
        .map((c) => successor.get(c))
        .filter((x) => x !== undefined);
      const districts = new Set(next.map((x) => entry(3, x)!.atReform!.parentCode!));
      link(
        key2023(d),
        [...districts].sort().map((c) => reformKey(2, c)),
        ROUND_2025_DATE,
      );
    }
  }

  // Provinces: through their communes; a renamed province (Thừa Thiên Huế → Huế) links its two versions.
  const newProvinces = new Map<string, Set<string>>();
  for (const x of inForce) {
    const province = entry(2, x.atReform!.parentCode!)!.atReform!.parentCode!;
    for (const t of targets.get(x.code) ?? [x.code])
      addTo(newProvinces, province, post.provinceOfCommune.get(t)!);
  }
  for (const p of all.filter((e) => e.level === 1)) {
    if (hasOwn2023Row(p) && p.atReform) link(key2023(p), [reformKey(1, p.code)], ROUND_2025_DATE);
    if (p.atReform)
      link(
        reformKey(1, p.code),
        [...(newProvinces.get(p.code) ?? [])].sort().map(postProvinceKey),
        REFORM_DATE,
      );
  }
  return [...rows.values()].sort((a, b) =>
    a.oldKey < b.oldKey ? -1 : a.oldKey > b.oldKey ? 1 : a.newKey < b.newKey ? -1 : 1,
  );
}

/**
 * Reads the mapping rows without an old code by names: a commune in force at the reform gains extra targets
 * (split communes); an older commune gets its new commune recorded, used only to find who absorbed it.
 */
function resolveNullCodeRows(
  raw: RawSources,
  model: PreModel,
  post: PostIndex,
  inForce: CodeEntry[],
  ended: CodeEntry[],
  targets: Map<string, Set<string>>,
): Map<string, Set<string>> {
  const provinceOfDistrict = (d: string) => model.entries.get(entryId(2, d))!.v2023!.parentCode!;
  // Exact names first, then ignoring diacritics (the batch writes 'Đồng Quốc Bình' for 'Đổng Quốc Bình').
  const finders = [bareKey, spellingKey].map((key) => {
    const byReformDistrict = groupCodes(
      inForce,
      (x) => `${x.atReform!.parentCode}|${key(x.atReform!.fullName)}`,
    );
    const by2023District = groupCodes(
      inForce.filter((x) => x.v2023),
      (x) => `${x.v2023!.parentCode}|${key(x.atReform!.fullName)}`,
    );
    const endedByName = new Map<string, CodeEntry[]>();
    for (const y of ended)
      push(endedByName, `${provinceOfDistrict(y.v2023!.parentCode!)}|${key(y.v2023!.fullName)}`, y);
    return (
      province: string,
      reformDistrict: string | undefined,
      district2023: string | undefined,
      name: string,
    ) => {
      const k = key(name);
      for (const xs of [
        byReformDistrict.get(`${reformDistrict}|${k}`),
        by2023District.get(`${district2023}|${k}`),
      ]) {
        if (xs?.length === 1) return { inForce: xs[0] };
      }
      let ys = endedByName.get(`${province}|${k}`) ?? [];
      if (ys.length > 1)
        ys = ys.filter((y) => y.v2023!.parentCode === reformDistrict || y.v2023!.parentCode === district2023);
      return ys.length === 1 ? { ended: ys[0].code } : undefined;
    };
  });
  const nullTargets = new Map<string, Set<string>>();
  for (const m of raw.mappings) {
    if (m.old_ward_code !== null || !m.old_ward_name || !m.old_district_name || !m.old_province_name)
      continue;
    const province = model.provinceCode.get(matchKey(m.old_province_name));
    const newProvince = post.provinceByName.get(matchKey(m.new_province_name));
    const n = post.communeByName.get(`${newProvince}|${matchKey(m.new_ward_name)}`);
    if (!province || !n) continue;
    const dk = `${province}|${matchKey(m.old_district_name)}`;
    const args = [
      province,
      model.reformDistrict.get(dk),
      model.district2023.get(dk),
      m.old_ward_name,
    ] as const;
    const hit = finders[0](...args) ?? finders[1](...args);
    if (hit?.inForce) addTo(targets, hit.inForce, n);
    else if (hit?.ended) addTo(nullTargets, hit.ended, n);
  }
  return nullTargets;
}

/** True when the unit in force at the reform is new or renamed in 2024–25, the usual sign of a merger. */
const changed = (x: CodeEntry) => !x.v2023 || isSplit(x);

/**
 * Finds the commune in force at the reform that absorbed an older commune, among those of its 2023 district:
 * same code, else same name, else a shared new commune in the mapping, narrowed by merger signs
 * (renamed, shares a syllable). Undefined when still ambiguous.
 */
function inferAbsorber(
  y: CodeEntry,
  local: CodeEntry[],
  targets: Map<string, Set<string>>,
  yTargets: Set<string> | undefined,
): string | undefined {
  const name = bareKey(y.v2023!.fullName);
  const sameName = local.filter((x) => bareKey(x.atReform!.fullName) === name);
  if (sameName.length === 1) return sameName[0].code;
  const words = syllables(name);
  const shares = (x: CodeEntry) => [...syllables(bareKey(x.atReform!.fullName))].some((w) => words.has(w));
  let cands = yTargets
    ? local.filter((x) => [...(targets.get(x.code) ?? [])].some((t) => yTargets.has(t)))
    : local.filter((x) => changed(x) && shares(x));
  if (cands.length === 1) return cands[0].code;
  for (const narrow of [changed, shares]) {
    const next = cands.filter(narrow);
    if (next.length === 1) return next[0].code;
    if (next.length > 1) cands = next;
  }
  return undefined;
}
