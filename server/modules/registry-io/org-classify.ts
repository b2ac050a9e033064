import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { ZOrganisationInput } from '../../../core/registry/organisation-input.js';
import { checkOrganisationRules } from '../../../core/registry/organisation-rules.js';
import { vietnameseSortKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { OrganisationTable } from '../../db/tables/registry.js';
import { inHomeScope, requireUser } from '../auth/scope.js';
import type { Classified, RowOutcome } from './import-types.js';
import { type OrgDraft, type OrgPrepared, orgHeader } from './org-prepare.js';
import { applyRegistryRules, type Candidate, prefetchRules } from './org-registry-rules.js';
import type { RowIssue } from './row-values.js';

/** The organisation as ZOrganisationInput parses it (field of activity filled in by the rules). */
export type OrgInput = z.output<typeof ZOrganisationInput>;

/** One organisation to insert (id null) or update. */
export interface OrgWrite {
  id: number | null;
  data: OrgInput;
  provinceId: number;
  /** organisation.name_key and name_sort of data.name, computed with the classification (outside the commit's transaction). */
  nameKey?: string;
  nameSort?: string;
}

type OrgRow = Selectable<OrganisationTable>;

/** The comparable fields of a stored organisation, shaped like the input. */
export function storedAsInput(o: OrgRow): Record<string, unknown> {
  return {
    kind: o.kind,
    creditFund: o.credit_fund,
    regCode: o.reg_code,
    name: o.name,
    shortName: o.short_name,
    communeId: o.commune_id,
    pre2025CommuneId: o.pre2025_commune_id,
    address: o.address,
    phone: o.phone,
    email: o.email,
    foundedOn: o.founded_on,
    registeredOn: o.registered_on,
    registeringAuthority: o.registering_authority,
    charterCapital: o.charter_capital,
    legalRepName: o.legal_rep_name,
    legalRepTitle: o.legal_rep_title,
    vsicCode: o.vsic_code,
    field: o.field,
    agriSubtype: o.agri_subtype,
    newModel: o.new_model,
    governance: o.governance,
    legalStatus: o.legal_status,
    paperOnly: o.paper_only,
  };
}

const COLUMN_OF_PATH: Record<string, string> = {
  communeId: 'communeCode',
  pre2025CommuneId: 'pre2025CommuneCode',
};
const WHOLE_ROW = 'Toàn dòng';

/** True when every input field equals the stored one (null and absent are the same). */
export function sameAsStored(data: OrgInput, stored: Record<string, unknown>): boolean {
  return Object.entries(stored).every(
    ([k, v]) => ((data as Record<string, unknown>)[k] ?? null) === (v ?? null),
  );
}

/** Loads the stored organisations with the file's codes; on commit the rows are locked until the end. */
export async function loadExisting(
  db: Kysely<DB>,
  codes: string[],
  lock: boolean,
): Promise<Map<string, OrgRow>> {
  if (!codes.length) return new Map();
  let q = db
    .selectFrom('organisation')
    .selectAll()
    .where('reg_code', '=', (eb) => eb.fn.any(eb.val(codes)));
  if (lock) q = q.forUpdate();
  return new Map((await q.execute()).map((o) => [o.reg_code, o]));
}

function classifyOne(
  ctx: Ctx,
  p: OrgPrepared,
  d: OrgDraft,
  stored: OrgRow | undefined,
): { outcome: RowOutcome; candidate: Candidate | null } {
  const user = requireUser(ctx);
  const issues: RowIssue[] = [...d.issues];
  const warnings: RowIssue[] = [...d.warnings];
  const add = (list: RowIssue[], key: string, message: string) =>
    list.push({
      row: d.row,
      column: key === '' ? WHOLE_ROW : orgHeader(COLUMN_OF_PATH[key] ?? key),
      header: null,
      message,
    });
  const base = stored ? storedAsInput(stored) : {};
  const merged: Record<string, unknown> = { ...base, ...d.provided, regCode: d.regCode ?? '' };
  if (
    !stored &&
    merged.communeId === undefined &&
    !issues.some((i) => i.column === orgHeader('communeName') || i.column === orgHeader('communeCode'))
  ) {
    add(issues, 'communeCode', 'Thiếu xã/phường nơi đặt trụ sở: hãy ghi mã xã hoặc tên xã.');
  }
  const parsed = ZOrganisationInput.safeParse(merged);
  let candidate: Candidate | null = null;
  let action: RowOutcome['action'] = null;
  if (!parsed.success) {
    const reported = new Set(issues.map((i) => i.column));
    for (const iss of parsed.error.issues) {
      const key = String(iss.path[0] ?? '');
      const column = orgHeader(COLUMN_OF_PATH[key] ?? key);
      if (reported.has(column) || (key === 'communeId' && merged.communeId === undefined)) continue;
      reported.add(column);
      add(issues, key, merged[key] === undefined ? `Thiếu ${column.toLowerCase()}.` : iss.message);
    }
  } else {
    const data = parsed.data;
    const rules = checkOrganisationRules(data);
    for (const e of rules.errors) add(issues, e.path, e.message);
    for (const w of rules.warnings) add(warnings, '', w);
    data.field = rules.field;
    const commune = p.units.communeById.get(data.communeId);
    if (!commune) add(issues, 'communeCode', 'Xã/phường không có trong danh mục hiện hành.');
    else if (!inHomeScope(user, { provinceId: commune.provinceId, communeId: commune.id })) {
      add(
        issues,
        d.commune ? 'communeCode' : 'regCode',
        `${commune.fullName} (${commune.provinceName}) nằm ngoài phạm vi quản lý của bạn; dòng này không được nhập.`,
      );
    }
    if (stored && !inHomeScope(user, { provinceId: stored.province_id, communeId: stored.commune_id })) {
      add(issues, 'regCode', 'Mã số này đã được đăng ký cho một tổ chức ngoài phạm vi quản lý của bạn.');
    }
    const pre = data.pre2025CommuneId ?? null;
    if (
      pre !== null &&
      pre !== stored?.pre2025_commune_id &&
      !p.units.predecessors.has(`${pre}|${data.communeId}`)
    ) {
      add(
        warnings,
        'pre2025CommuneId',
        'Xã cũ đã ghi không nằm trong các xã đã hợp thành xã/phường hiện nay của tổ chức; hãy kiểm tra lại.',
      );
    }
    if (commune && !issues.length)
      action = !stored ? 'insert' : sameAsStored(data, base) ? 'unchanged' : 'update';
  }
  const outcome: RowOutcome = { row: d.row, action: issues.length ? null : action, issues, warnings };
  if (outcome.action && parsed.success) candidate = { outcome, data: parsed.data, stored };
  return { outcome, candidate };
}

/**
 * Classifies the drafts against the registry: a code already stored is an update (or unchanged when every
 * field is equal), a new code an insert. Each row is validated with the shared ZOrganisationInput and the
 * shared cross-field rules after merging it over the stored organisation; rows outside the caller's subtree,
 * or naming an organisation outside it, are invalid.
 */
export async function classifyOrganisations(
  db: Kysely<DB>,
  ctx: Ctx,
  p: OrgPrepared,
  lock: boolean,
): Promise<Classified<OrgWrite>> {
  const codes = [...new Set(p.drafts.map((d) => d.regCode).filter((c): c is string => !!c))];
  // The rules' registry reads go out with the read of the stored organisations (two more connections on
  // PostgreSQL), for the file's codes and the names it gives.
  const givenNames = p.drafts.map((d) => d.provided.name).filter((n): n is string => typeof n === 'string');
  const [existing, pre] = await Promise.all([
    loadExisting(db, codes, lock),
    prefetchRules(db, codes, [...new Set(givenNames.map(p.nameKey))]),
  ]);
  const out: Classified<OrgWrite> = { outcomes: [], inserts: [], updates: [] };
  const candidates: Candidate[] = [];
  for (const d of p.drafts) {
    const { outcome, candidate } = classifyOne(ctx, p, d, d.regCode ? existing.get(d.regCode) : undefined);
    out.outcomes.push(outcome);
    if (candidate) candidates.push(candidate);
  }
  await applyRegistryRules(db, candidates, p.nameKey, pre);
  for (const c of candidates) {
    if (c.outcome.action !== 'insert' && c.outcome.action !== 'update') continue;
    const write: OrgWrite = {
      id: c.stored?.id ?? null,
      data: c.data,
      provinceId: p.units.communeById.get(c.data.communeId)!.provinceId,
      nameKey: p.nameKey(c.data.name),
      nameSort: vietnameseSortKey(c.data.name),
    };
    (write.id === null ? out.inserts : out.updates).push(write);
  }
  return out;
}
