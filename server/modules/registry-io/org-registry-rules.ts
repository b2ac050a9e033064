import { type Kysely, sql } from 'kysely';
import { ENDED_STATUSES } from '../../../core/registry/enums.js';
import { isEnded } from '../../../core/registry/lifecycle.js';
import type { DB } from '../../db/schema.js';
import { hasTable } from './bulk.js';
import type { RowOutcome } from './import-types.js';
import type { OrgInput } from './org-classify.js';
import { orgHeader } from './org-prepare.js';

/** A row that passed the per-row checks, with the stored organisation it updates (if any). */
export interface Candidate {
  outcome: RowOutcome;
  data: OrgInput;
  stored?: { id: number; kind: string; commune_id: number; name_key: string; legal_status: string };
}

interface NameState {
  kind: string;
  communeId: number;
  nameKey: string;
  ended: boolean;
  row?: number;
}

type Holder = { reg_code: string; kind: string; commune_id: number; name_key: string; legal_status: string };

/**
 * Registry rows the rules read, fetched for the whole file while its rows are checked one by one (on PostgreSQL
 * beside the read of the stored organisations): the retired codes among the file's codes, and the organisations
 * not ended holding the file's name keys. The rules take from them exactly what their own queries would return.
 */
export interface RulesPrefetch {
  /** Retired codes among the file's codes; null when the table does not exist. */
  retired: Set<string> | null;
  /** The name keys looked up, and the live organisations holding them. */
  keys: Set<string>;
  holders: Holder[];
}

/** Reads ahead what applyRegistryRules needs for a file's codes and name keys. */
export async function prefetchRules(
  db: Kysely<DB>,
  codes: string[],
  nameKeys: string[],
): Promise<RulesPrefetch> {
  const [retired, holders] = await Promise.all([
    (async () => {
      if (!(await hasTable(db, 'organisation_retired_code'))) return null;
      if (!codes.length) return new Set<string>();
      const r = await sql<{ reg_code: string }>`select reg_code from organisation_retired_code
        where reg_code = any(${codes}::text[])`.execute(db);
      return new Set(r.rows.map((x) => x.reg_code));
    })(),
    liveHolders(db, nameKeys),
  ]);
  return { retired, keys: new Set(nameKeys), holders };
}

async function liveHolders(db: Kysely<DB>, keys: string[]): Promise<Holder[]> {
  if (!keys.length) return [];
  return db
    .selectFrom('organisation')
    .select(['reg_code', 'kind', 'commune_id', 'name_key', 'legal_status'])
    .where('name_key', '=', (eb) => eb.fn.any(eb.val(keys)))
    .where('legal_status', 'not in', [...ENDED_STATUSES])
    .execute();
}

/** The key under which a name must be unique: HTX/LHHTX nationwide, THT within the commune. */
const nameClass = (s: { kind: string; communeId: number; nameKey: string }) =>
  s.kind === 'THT' ? `THT|${s.communeId}|${s.nameKey}` : `HTX|${s.nameKey}`;

function fail(c: Candidate, key: string, message: string) {
  c.outcome.issues.push({ row: c.outcome.row, column: orgHeader(key), header: null, message });
  c.outcome.action = null;
}

/**
 * The registry rules the organisation service applies on create and edit, applied to a whole file at once:
 * a code once given up is never reused (NĐ 92/2024 Art. 14); an HTX/LHHTX name is unique nationwide among
 * those not ended (Luật HTX 2023 Art. 50(5)(a)), a THT name within its commune (NĐ 92/2024 Art. 17(1)), checked
 * only when the name, kind, commune or ended state changes, against the registry as the file leaves it; an
 * ended organisation cannot be revived and ending one goes through a lifecycle event, not an import; the kind
 * cannot change while union links are open. Failing rows become invalid. `pre` is prefetchRules of the file's codes
 * and name keys; `nameKey` the file's organisationNameKey memo.
 */
export async function applyRegistryRules(
  db: Kysely<DB>,
  candidates: Candidate[],
  nameKey: (name: string) => string,
  pre: RulesPrefetch,
): Promise<void> {
  const ended = (s: string) => isEnded(s);
  for (const c of candidates) {
    const s = c.stored;
    if (!s || s.legal_status === c.data.legalStatus) continue;
    if (ended(s.legal_status))
      fail(c, 'legalStatus', 'Tổ chức đã giải thể/chấm dứt hoạt động; không thể đổi lại tình trạng pháp lý.');
    else if (ended(c.data.legalStatus))
      fail(
        c,
        'legalStatus',
        'Giải thể/chấm dứt hoạt động được ghi nhận bằng sự kiện "Giải thể" trong hồ sơ tổ chức, không nhập trực tiếp tình trạng này.',
      );
  }
  const live = candidates.filter((c) => c.outcome.action);
  const newCodes = live.filter((c) => !c.stored).map((c) => c.data.regCode);
  // The retired codes among the file's codes were read ahead (prefetchRules); only new codes are checked.
  const retired = newCodes.length ? pre.retired : null;
  if (retired) {
    for (const c of live)
      if (!c.stored && retired.has(c.data.regCode))
        fail(
          c,
          'regCode',
          `Mã số ${c.data.regCode} đã từng được cấp cho một tổ chức khác; mã số không được dùng lại (NĐ 92/2024, Điều 14).`,
        );
  }
  const kindChanged = live.filter((c) => c.outcome.action && c.stored && c.stored.kind !== c.data.kind);
  if (kindChanged.length) {
    const ids = kindChanged.map((c) => c.stored!.id);
    const links = await db
      .selectFrom('organisation_union_member')
      .select(['union_id', 'member_id'])
      .where('left_on', 'is', null)
      .where((eb) =>
        eb.or([eb('union_id', '=', eb.fn.any(eb.val(ids))), eb('member_id', '=', eb.fn.any(eb.val(ids)))]),
      )
      .execute();
    for (const c of kindChanged) {
      const asUnion = links.some((l) => l.union_id === c.stored!.id);
      const asMember = links.some((l) => l.member_id === c.stored!.id);
      if ((asUnion && c.data.kind !== 'LHHTX') || (asMember && c.data.kind !== 'HTX')) {
        fail(
          c,
          'kind',
          'Không thể đổi loại hình khi tổ chức đang là liên hiệp có thành viên hoặc là thành viên của liên hiệp.',
        );
      }
    }
  }
  await checkNames(
    db,
    candidates.filter((c) => c.outcome.action),
    nameKey,
    pre,
  );
}

async function checkNames(
  db: Kysely<DB>,
  valid: Candidate[],
  nameKey: (name: string) => string,
  pre: RulesPrefetch,
) {
  const finalState = new Map<string, NameState>();
  const keys = [...new Set(valid.map((c) => nameKey(c.data.name)))];
  if (!keys.length) return;
  // The read-ahead holders of these keys, plus a query for keys it did not cover (a row keeping its stored name).
  const wanted = new Set(keys);
  const holders = pre.holders.filter((h) => wanted.has(h.name_key));
  const missing = keys.filter((k) => !pre.keys.has(k));
  if (missing.length) holders.push(...(await liveHolders(db, missing)));
  for (const h of holders)
    finalState.set(h.reg_code, { kind: h.kind, communeId: h.commune_id, nameKey: h.name_key, ended: false });
  for (const c of valid) {
    finalState.set(c.data.regCode, {
      kind: c.data.kind,
      communeId: c.data.communeId,
      nameKey: nameKey(c.data.name),
      ended: isEnded(c.data.legalStatus),
      row: c.outcome.row,
    });
  }
  const byClass = new Map<string, string[]>();
  for (const [code, s] of finalState) {
    if (s.ended) continue;
    const k = nameClass(s);
    const list = byClass.get(k);
    if (list) list.push(code);
    else byClass.set(k, [code]);
  }
  for (const c of valid) {
    const s = finalState.get(c.data.regCode)!;
    if (s.ended || !c.outcome.action) continue;
    const st = c.stored;
    const matters =
      !st ||
      st.name_key !== s.nameKey ||
      st.kind !== s.kind ||
      st.commune_id !== s.communeId ||
      isEnded(st.legal_status) !== s.ended;
    if (!matters) continue;
    const others = (byClass.get(nameClass(s)) ?? []).filter((code) => code !== c.data.regCode);
    if (!others.length) continue;
    const rows = others.map((code) => finalState.get(code)!.row).filter((r): r is number => r !== undefined);
    const where = rows.length ? ` (dòng ${rows.join(', ')} của tệp)` : '';
    fail(
      c,
      'name',
      s.kind === 'THT'
        ? `Tên "${c.data.name}" trùng với một tổ hợp tác khác đang hoạt động trong cùng xã/phường${where} (NĐ 92/2024, Điều 17).`
        : `Tên "${c.data.name}" trùng với một hợp tác xã hoặc liên hiệp hợp tác xã khác chưa giải thể trên toàn quốc${where} (Luật HTX 2023, Điều 50).`,
    );
  }
}
