import type { Kysely, Selectable } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { MemberTable } from '../../db/tables/registry.js';
import { inOrgScope, requireUser } from '../auth/scope.js';
import type { Classified, RowOutcome } from './import-types.js';
import {
  type MemberInput,
  type MemberPrepared,
  memberHeader,
  memberKeys,
  ZMemberImportRow,
} from './member-prepare.js';
import { organisationsByCode } from './report-classify.js';
import type { RowIssue } from './row-values.js';

/** One member to insert (id null) or update. */
export interface MemberWrite {
  id: number | null;
  organisationId: number;
  data: MemberInput;
}

type MemberRow = Selectable<MemberTable>;

function storedAsInput(m: MemberRow): Record<string, unknown> {
  return {
    memberType: m.member_type,
    fullName: m.full_name,
    birthDate: m.birth_date,
    gender: m.gender,
    ethnicity: m.ethnicity,
    nationality: m.nationality,
    idNumber: m.id_number,
    orgCode: m.org_code,
    address: m.address,
    capitalPledged: m.capital_pledged,
    capitalPaid: m.capital_paid,
    joinedOn: m.joined_on,
    leftOn: m.left_on,
  };
}

/**
 * Classifies member rows: the organisation must exist in the caller's subtree; a member already in its
 * register (same ID number, else same name and birth date; erased members excluded) is updated or left
 * unchanged, any other row is inserted. Each row is validated after merging it over the stored member.
 */
export async function classifyMembers(
  db: Kysely<DB>,
  ctx: Ctx,
  p: MemberPrepared,
  lock: boolean,
): Promise<Classified<MemberWrite>> {
  const user = requireUser(ctx);
  const orgs = await organisationsByCode(db, [
    ...new Set(p.drafts.map((d) => d.regCode).filter((c): c is string => !!c)),
  ]);
  const orgIds = [...new Set([...orgs.values()].map((o) => o.id))];
  let q = db
    .selectFrom('member')
    .selectAll()
    .where('erased_at', 'is', null)
    .where('organisation_id', '=', (eb) => eb.fn.any(eb.val(orgIds.length ? orgIds : [0])))
    .orderBy('id');
  if (lock) q = q.forUpdate();
  const index = new Map<string, MemberRow>();
  for (const m of await q.execute()) {
    const k = memberKeys({ idNumber: m.id_number, fullName: m.full_name, birthDate: m.birth_date });
    for (const key of [k.id, k.nameBirth])
      if (key && !index.has(`${m.organisation_id}|${key}`)) index.set(`${m.organisation_id}|${key}`, m);
  }
  const out: Classified<MemberWrite> = { outcomes: [], inserts: [], updates: [] };
  for (const d of p.drafts) {
    const issues: RowIssue[] = [...d.issues];
    const add = (key: string, message: string) =>
      issues.push({ row: d.row, column: memberHeader(key), header: null, message });
    const org = d.regCode ? orgs.get(d.regCode) : undefined;
    if (
      d.regCode &&
      (!org || !inOrgScope(user, { id: org.id, provinceId: org.province_id, communeId: org.commune_id }))
    ) {
      add('regCode', `Không có tổ chức mã số ${d.regCode} trong phạm vi quản lý của bạn.`);
    }
    const keys = memberKeys(d.provided);
    const stored = org
      ? (keys.id && index.get(`${org.id}|${keys.id}`)) ||
        (keys.nameBirth && index.get(`${org.id}|${keys.nameBirth}`)) ||
        undefined
      : undefined;
    const base = stored ? storedAsInput(stored) : {};
    const parsed = ZMemberImportRow.safeParse({ ...base, ...d.provided });
    if (!parsed.success)
      for (const iss of parsed.error.issues) add(String(iss.path[0] ?? 'fullName'), iss.message);
    let action: RowOutcome['action'] = null;
    if (!issues.length && parsed.success && org) {
      const same =
        stored &&
        Object.entries(base).every(
          ([k, v]) => ((parsed.data as Record<string, unknown>)[k] ?? null) === (v ?? null),
        );
      action = !stored ? 'insert' : same ? 'unchanged' : 'update';
      if (action !== 'unchanged')
        (stored ? out.updates : out.inserts).push({
          id: stored?.id ?? null,
          organisationId: org.id,
          data: parsed.data,
        });
    }
    out.outcomes.push({ row: d.row, action, issues, warnings: d.warnings });
  }
  return out;
}
