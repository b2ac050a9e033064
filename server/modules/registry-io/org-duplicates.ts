import type { Kysely } from 'kysely';
import { foldVietnamese, organisationNameKey } from '../../../core/text.js';
import type { DB } from '../../db/schema.js';
import type { PossibleDuplicate } from './import-types.js';
import type { OrgPrepared } from './org-prepare.js';

/** At most this many groups, of at most this many members each; the dry run is a review aid, not a report. */
export const MAX_DUPLICATE_GROUPS = 500;
const MAX_GROUP_MEMBERS = 50;

interface Member {
  regCode: string;
  row?: number;
  existing?: { id: number; regCode: string; name: string };
  shown: string;
}

function group(map: Map<string, Member[]>, key: string, m: Member) {
  const list = map.get(key);
  if (list) list.push(m);
  else map.set(key, [m]);
}

/**
 * Organisations that may be one and the same under different codes, among the file and the registry: the
 * same normalised name (legal-form prefix ignored) in one commune, or the same legal representative in one
 * commune. A row updating a stored organisation is that organisation, not a duplicate of it.
 */
export async function findPossibleDuplicates(db: Kysely<DB>, p: OrgPrepared): Promise<PossibleDuplicate[]> {
  const rows = p.drafts.filter((d) => d.regCode && d.commune);
  const communes = [...new Set(rows.map((d) => d.commune!.id))];
  const stored = communes.length
    ? await db
        .selectFrom('organisation')
        .select(['id', 'reg_code', 'name', 'name_key', 'commune_id', 'legal_rep_name'])
        .where('commune_id', '=', (eb) => eb.fn.any(eb.val(communes)))
        .execute()
    : [];
  const inFile = new Set(rows.map((d) => d.regCode!));
  const byName = new Map<string, Member[]>();
  const byRep = new Map<string, Member[]>();
  for (const d of rows) {
    const name = typeof d.provided.name === 'string' ? d.provided.name : null;
    const rep = typeof d.provided.legalRepName === 'string' ? d.provided.legalRepName : null;
    if (name)
      group(byName, `${d.commune!.id}|${organisationNameKey(name)}`, {
        regCode: d.regCode!,
        row: d.row,
        shown: name,
      });
    if (rep)
      group(byRep, `${d.commune!.id}|${foldVietnamese(rep)}`, {
        regCode: d.regCode!,
        row: d.row,
        shown: rep,
      });
  }
  for (const o of stored) {
    if (inFile.has(o.reg_code)) continue;
    const existing = { id: o.id, regCode: o.reg_code, name: o.name };
    const nameKey = `${o.commune_id}|${o.name_key}`;
    if (byName.has(nameKey)) group(byName, nameKey, { regCode: o.reg_code, existing, shown: o.name });
    if (o.legal_rep_name) {
      const repKey = `${o.commune_id}|${foldVietnamese(o.legal_rep_name)}`;
      if (byRep.has(repKey)) group(byRep, repKey, { regCode: o.reg_code, existing, shown: o.legal_rep_name });
    }
  }
  const out: PossibleDuplicate[] = [];
  for (const [reason, map] of [
    ['same_name', byName],
    ['same_representative', byRep],
  ] as const) {
    for (const [key, members] of map) {
      const codes = [...new Set(members.map((m) => m.regCode))];
      if (codes.length < 2 || out.length >= MAX_DUPLICATE_GROUPS) continue;
      const communeId = Number(key.split('|')[0]);
      out.push({
        reason,
        value: members[0].shown,
        communeId,
        communeName: p.units.communeById.get(communeId)?.fullName ?? '',
        rows: members
          .filter((m) => m.row !== undefined)
          .map((m) => m.row!)
          .slice(0, MAX_GROUP_MEMBERS),
        regCodes: codes.slice(0, MAX_GROUP_MEMBERS),
        existing: members
          .filter((m) => m.existing)
          .map((m) => m.existing!)
          .slice(0, MAX_GROUP_MEMBERS),
      });
    }
  }
  return out;
}
