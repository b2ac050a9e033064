import type { Ctx } from '../../context.js';
import {
  duplicateKeys,
  duplicateSubject,
  findDuplicatesByKey,
  foldRepresentative,
  nameLookupKey,
  repLookupKey,
} from '../organisation/possible-duplicates.js';
import type { PossibleDuplicate } from './import-types.js';
import { memoised, type OrgPrepared } from './org-prepare.js';

/** At most this many groups, of at most this many members each; the dry run is a review aid, not a report. */
export const MAX_DUPLICATE_GROUPS = 500;
const MAX_GROUP_MEMBERS = 50;

interface Member {
  regCode: string;
  row?: number;
  existing?: { id: number; regCode: string; name: string };
  shown: string;
}

interface Group {
  communeId: number;
  communeName: string;
  provinceName: string;
  members: Member[];
  /** Ids of the stored organisations among the members. */
  stored: Set<number>;
}

/**
 * Organisations that may be one and the same under different codes, among the file and the registry, by the rule
 * of the create-time check (organisation/possible-duplicates.ts): the same normalised name (legal-form prefix
 * ignored) in one commune, or the same legal representative in one province, registry rows limited to the
 * caller's scope. A row updating a stored organisation is that organisation, not a duplicate of it.
 */
export async function findPossibleDuplicates(ctx: Ctx, p: OrgPrepared): Promise<PossibleDuplicate[]> {
  const rows = p.drafts.filter((d) => d.regCode && d.commune);
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const subjects = rows.map((d) =>
    duplicateSubject(
      {
        name: text(d.provided.name),
        communeId: d.commune!.id,
        provinceId: d.commune!.provinceId,
        legalRepName: text(d.provided.legalRepName),
      },
      p.nameKey,
    ),
  );
  const fold = memoised(foldRepresentative);
  const stored = await findDuplicatesByKey(ctx, subjects);
  const inFile = new Set(rows.map((d) => d.regCode!));
  const byName = new Map<string, Group>();
  const byRep = new Map<string, Group>();
  const add = (map: Map<string, Group>, key: string, d: (typeof rows)[number], m: Member) => {
    let g = map.get(key);
    if (!g) {
      // A group is found through a row of the file: it is shown at that row's commune and province.
      g = {
        communeId: d.commune!.id,
        communeName: d.commune!.fullName,
        provinceName: d.commune!.provinceName,
        members: [],
        stored: new Set(),
      };
      map.set(key, g);
    }
    if (m.existing) {
      if (g.stored.has(m.existing.id)) return;
      g.stored.add(m.existing.id);
    }
    g.members.push(m);
  };
  // A group takes the stored matches of each lookup once: every row with the same lookup has the same matches.
  const looked = new Set<string>();
  const firstLookup = (group: string, lookup: string) => {
    const k = `${group}\u0000${lookup}`;
    if (looked.has(k)) return false;
    looked.add(k);
    return true;
  };
  rows.forEach((d, i) => {
    const keys = duplicateKeys(subjects[i], fold);
    if (keys.name) {
      add(byName, keys.name, d, { regCode: d.regCode!, row: d.row, shown: text(d.provided.name)! });
      const lookup = nameLookupKey(subjects[i])!;
      if (firstLookup(keys.name, lookup))
        for (const o of stored.byName.get(lookup) ?? []) {
          if (inFile.has(o.reg_code)) continue;
          const existing = { id: o.id, regCode: o.reg_code, name: o.name };
          add(byName, keys.name, d, { regCode: o.reg_code, existing, shown: o.name });
        }
    }
    if (keys.rep) {
      add(byRep, keys.rep, d, { regCode: d.regCode!, row: d.row, shown: text(d.provided.legalRepName)! });
      const lookup = repLookupKey(subjects[i])!;
      if (firstLookup(keys.rep, lookup))
        for (const o of stored.byRep.get(lookup) ?? []) {
          if (inFile.has(o.reg_code) || !o.legal_rep_name) continue;
          const existing = { id: o.id, regCode: o.reg_code, name: o.name };
          add(byRep, keys.rep, d, { regCode: o.reg_code, existing, shown: o.legal_rep_name });
        }
    }
  });
  const out: PossibleDuplicate[] = [];
  for (const [reason, map] of [
    ['same_name', byName],
    ['same_representative', byRep],
  ] as const) {
    for (const g of map.values()) {
      const codes = [...new Set(g.members.map((m) => m.regCode))];
      if (codes.length < 2 || out.length >= MAX_DUPLICATE_GROUPS) continue;
      out.push({
        reason,
        value: g.members[0].shown,
        communeId: g.communeId,
        communeName: g.communeName,
        provinceName: g.provinceName,
        rows: g.members
          .filter((m) => m.row !== undefined)
          .map((m) => m.row!)
          .slice(0, MAX_GROUP_MEMBERS),
        regCodes: codes.slice(0, MAX_GROUP_MEMBERS),
        existing: g.members
          .filter((m) => m.existing)
          .map((m) => m.existing!)
          .slice(0, MAX_GROUP_MEMBERS),
      });
    }
  }
  return out;
}
