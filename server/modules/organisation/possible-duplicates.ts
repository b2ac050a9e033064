/**
 * One rule for "this organisation may already be registered", used when an organisation is created (form and
 * POST) and when a file is imported: the same name (legal-form prefix, case and diacritics ignored) in the same
 * commune, or the same legal representative (case and diacritics ignored) in the same province, within the
 * caller's scope. The SQL side is organisation-search.repo.ts matchDuplicates; the keys below group the rows of
 * one file among themselves by the same rule.
 */
import { sql } from 'kysely';
import { organisationNameKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { orgScopeFilter } from '../auth/scope.js';
import { type DuplicateSubject, scopeSql } from './organisation-search.repo.js';

/** An organisation being entered, as typed. */
export interface DuplicateInput {
  name?: string | null;
  communeId?: number | null;
  provinceId?: number | null;
  legalRepName?: string | null;
}

/** The representative as compared: trimmed and single-spaced (then folded by hoptac_fold in SQL). */
const cleanRep = (s: string) => s.trim().replace(/\s+/g, ' ');

/** What the rule compares of an organisation being entered (`nameKey`: organisationNameKey, or a memo of it). */
export function duplicateSubject(
  input: DuplicateInput,
  nameKey: (name: string) => string = organisationNameKey,
): DuplicateSubject {
  return {
    nameKey: (input.name && nameKey(input.name)) || undefined,
    communeId: input.communeId ?? undefined,
    legalRep: (input.legalRepName && cleanRep(input.legalRepName)) || undefined,
    provinceId: input.provinceId ?? undefined,
  };
}

/** A representative folded as hoptac_fold does (lower case, no diacritics, đ → d). */
export const foldRepresentative = (v: string) =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

/**
 * The keys under which two subjects are possible duplicates of each other: same name key in the same commune,
 * same representative in the same province. The representative is folded by `fold` (foldRepresentative, or a
 * memo of it).
 */
export function duplicateKeys(
  s: DuplicateSubject,
  fold: (v: string) => string = foldRepresentative,
): { name?: string; rep?: string } {
  return {
    name: s.nameKey && s.communeId !== undefined ? `${s.communeId}|${s.nameKey}` : undefined,
    rep: s.legalRep && s.provinceId !== undefined ? `${s.provinceId}|${fold(s.legalRep)}` : undefined,
  };
}

/** A stored organisation found by the duplicate rule for a file's rows. */
export interface DuplicateMatch {
  id: number;
  reg_code: string;
  name: string;
  legal_rep_name: string | null;
}

/** The key of a subject's name lookup in findDuplicatesByKey's answer (the same as duplicateKeys' name key). */
export const nameLookupKey = (s: DuplicateSubject) =>
  s.nameKey && s.communeId !== undefined ? `${s.communeId}|${s.nameKey}` : undefined;
/** The key of a subject's representative lookup: its province and the representative as sent (unfolded). */
export const repLookupKey = (s: DuplicateSubject) =>
  s.legalRep && s.provinceId !== undefined ? `${s.provinceId}|${s.legalRep}` : undefined;

/**
 * The organisations in the caller's scope that may be the same as the subjects of a file (each with its commune
 * and province), by the rule of matchDuplicates (organisation-search.repo.ts): the same name key in the commune,
 * the same representative folded by hoptac_fold in the province. Each distinct (name key, commune) and
 * (representative, province) of the file is looked up once, in one statement, instead of once per row: a file
 * whose rows share a representative (one person heading many cooperatives) otherwise multiplies the matches by
 * its rows. `byName` is keyed by nameLookupKey, `byRep` by repLookupKey; each list is ordered as matchDuplicates
 * orders a subject's matches (name_sort, then id).
 */
export async function findDuplicatesByKey(
  ctx: Ctx,
  subjects: DuplicateSubject[],
): Promise<{ byName: Map<string, DuplicateMatch[]>; byRep: Map<string, DuplicateMatch[]> }> {
  const names = new Map<string, [string, number]>();
  const reps = new Map<string, [string, number]>();
  for (const s of subjects) {
    const n = nameLookupKey(s);
    if (n) names.set(n, [s.nameKey!, s.communeId!]);
    const r = repLookupKey(s);
    if (r) reps.set(r, [s.legalRep!, s.provinceId!]);
  }
  const byName = new Map<string, DuplicateMatch[]>();
  const byRep = new Map<string, DuplicateMatch[]>();
  if (!names.size && !reps.size) return { byName, byRep };
  const inScope = sql.join([sql`true`, ...scopeSql(orgScopeFilter(ctx))], sql` and `);
  const n = [...names.values()];
  const r = [...reps.values()];
  const rows = await sql<DuplicateMatch & { by_rep: boolean; k: string; place: number }>`
    with n as (
      select * from unnest(${n.map((x) => x[0])}::text[], ${n.map((x) => x[1])}::int[]) as n(k, place)
    ), r as (
      select k, place, hoptac_fold(k) as rep_key
      from unnest(${r.map((x) => x[0])}::text[], ${r.map((x) => x[1])}::int[]) as r(k, place)
    )
    select * from (
      select false as by_rep, n.k, n.place, o.id, o.reg_code, o.name, o.legal_rep_name, o.name_sort
        from n join organisation o on o.name_key = n.k and o.commune_id = n.place
        where ${inScope}
      union all
      select true, r.k, r.place, o.id, o.reg_code, o.name, o.legal_rep_name, o.name_sort
        from r join organisation o on hoptac_fold(o.legal_rep_name) = r.rep_key and o.province_id = r.place
        where ${inScope}
    ) m
    order by by_rep, k, place, name_sort collate "C", id`.execute(ctx.db);
  for (const x of rows.rows) {
    const map = x.by_rep ? byRep : byName;
    const key = `${x.place}|${x.k}`;
    const m: DuplicateMatch = {
      id: x.id,
      reg_code: x.reg_code,
      name: x.name,
      legal_rep_name: x.legal_rep_name,
    };
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  }
  return { byName, byRep };
}
