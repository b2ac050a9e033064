import type { Kysely } from 'kysely';
import { ENDED_STATUSES } from '../../../core/registry/enums.js';
import { isEnded } from '../../../core/registry/lifecycle.js';
import type { TOrganisationInput } from '../../../core/registry/organisation-input.js';
import { checkOrganisationRules } from '../../../core/registry/organisation-rules.js';
import { organisationNameKey, vietnameseSortKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { conflict, invalid } from '../../http/problem.js';
import { requireUser } from '../auth/scope.js';
import * as repo from './organisation.repo.js';
import { communeInCallerScope } from './organisation-access.js';

/** How to validate: against the current row (edits) or none (creation); whether the commune must be in the caller's scope. */
export interface PrepareOptions {
  current?: repo.OrganisationRecord;
  /** False when a cooperative proposes a change: the officer who approves it is checked instead. */
  checkCommuneScope: boolean;
}

/** The row to write and the warnings to show. */
export interface Prepared {
  values: repo.OrganisationValues;
  warnings: string[];
}

/**
 * Validates a complete organisation (new, or current data merged with changes) and derives the stored
 * columns: province from the commune, field from the VSIC code, name keys. Uniqueness is checked only for
 * what changes, so that an unrelated edit is never blocked by an older conflict. Runs inside the writer's
 * transaction, after lockNameKey, so that two writers of one name cannot both pass.
 */
export async function prepareOrganisation(
  trx: Kysely<DB>,
  ctx: Ctx,
  next: TOrganisationInput,
  o: PrepareOptions,
): Promise<Prepared> {
  const cur = o.current;
  const rules = checkOrganisationRules(next);
  if (rules.errors.length > 0) {
    const [first] = rules.errors;
    throw invalid(
      first.code,
      first.message,
      rules.errors.map((e) => ({ path: e.path, message: e.message })),
    );
  }
  const warnings = [...rules.warnings];

  let provinceId = cur?.province_id ?? 0;
  if (!cur || next.communeId !== cur.commune_id) {
    const commune = await repo.findUnit(trx, next.communeId);
    if (commune?.era !== 'post2025' || commune.level !== 3 || commune.province_id === null) {
      throw invalid(
        'organisation.commune_invalid',
        'Xã/phường/đặc khu nơi đặt trụ sở phải là đơn vị hành chính hiện hành (từ 1/7/2025).',
        [{ path: 'communeId', message: 'Không hợp lệ.' }],
      );
    }
    if (o.checkCommuneScope && !communeInCallerScope(requireUser(ctx), commune)) {
      throw invalid(
        'organisation.commune_outside',
        'Xã/phường được chọn nằm ngoài phạm vi quản lý của bạn.',
        [{ path: 'communeId', message: 'Ngoài phạm vi.' }],
      );
    }
    provinceId = commune.province_id;
  }

  const pre = next.pre2025CommuneId ?? null;
  if (pre !== null && (!cur || pre !== cur.pre2025_commune_id || next.communeId !== cur.commune_id)) {
    const old = await repo.findUnit(trx, pre);
    if (old?.era !== 'pre2025' || old.level !== 3) {
      throw invalid('organisation.pre2025_commune_invalid', 'Xã cũ (trước 1/7/2025) không hợp lệ.', [
        { path: 'pre2025CommuneId', message: 'Không phải xã/phường trước sắp xếp.' },
      ]);
    }
    if (!(await repo.isPredecessorCommune(trx, pre, next.communeId))) {
      warnings.push(
        'Xã cũ đã chọn không nằm trong các xã đã hợp thành xã/phường hiện nay của tổ chức; hãy kiểm tra lại.',
      );
    }
  }

  if (!cur || next.regCode !== cur.reg_code) {
    if (await repo.regCodeTaken(trx, next.regCode, cur?.id ?? null)) {
      throw conflict(
        'organisation.reg_code_taken',
        `Mã số ${next.regCode} đã được cấp cho một tổ chức khác (kể cả tổ chức đã giải thể); mã số không được dùng lại (NĐ 92/2024, Điều 14).`,
      );
    }
  }

  const nameKey = organisationNameKey(next.name);
  const nameMatters =
    !cur ||
    nameKey !== cur.name_key ||
    next.kind !== cur.kind ||
    next.communeId !== cur.commune_id ||
    isEnded(cur.legal_status) !== isEnded(next.legalStatus);
  if (nameMatters && !isEnded(next.legalStatus)) await assertNameFree(trx, next, nameKey, cur?.id ?? null);

  const values: repo.OrganisationValues = {
    kind: next.kind,
    credit_fund: next.creditFund,
    reg_code: next.regCode,
    name: next.name,
    name_key: nameKey,
    name_sort: vietnameseSortKey(next.name),
    short_name: next.shortName ?? null,
    commune_id: next.communeId,
    province_id: provinceId,
    pre2025_commune_id: pre,
    address: next.address ?? null,
    phone: next.phone ?? null,
    email: next.email ?? null,
    founded_on: next.foundedOn ?? null,
    registered_on: next.registeredOn ?? null,
    registering_authority: next.registeringAuthority ?? null,
    charter_capital: next.charterCapital ?? null,
    legal_rep_name: next.legalRepName ?? null,
    legal_rep_title: next.legalRepTitle ?? null,
    vsic_code: next.vsicCode ?? null,
    field: rules.field,
    agri_subtype: next.agriSubtype ?? null,
    new_model: next.newModel ?? null,
    governance: next.governance ?? null,
    legal_status: next.legalStatus,
    status_changed_on: cur?.status_changed_on ?? null,
    ended_on: cur?.ended_on ?? null,
    paper_only: next.paperOnly,
  };
  return { values, warnings };
}

/**
 * Name uniqueness: an HTX or LHHTX name may not repeat one registered nationwide (Luật HTX 2023 Art. 50(5)(a)),
 * here among those not ended; a THT name within its commune, ended THT excepted (NĐ 92/2024 Art. 17(1)). Names
 * compare by organisationNameKey: case and the legal-form prefix ignored as the decree says, and diacritics
 * too, since names that read alike are confusing names (Art. 17(2)(a)).
 */
export async function assertNameFree(
  trx: Kysely<DB>,
  next: Pick<TOrganisationInput, 'kind' | 'name' | 'communeId'>,
  nameKey: string,
  excludeId: number | null,
) {
  await repo.lockNameKey(trx, nameKey);
  const isTht = next.kind === 'THT';
  const holder = await repo.findNameHolder(trx, {
    nameKey,
    kinds: isTht ? ['THT'] : ['HTX', 'LHHTX'],
    communeId: isTht ? next.communeId : null,
    endedStatuses: ENDED_STATUSES,
    excludeId,
  });
  if (holder) {
    throw conflict(
      'organisation.name_taken',
      isTht
        ? `Tên "${next.name}" trùng với một tổ hợp tác khác đang hoạt động trong cùng xã/phường.`
        : `Tên "${next.name}" trùng với một hợp tác xã hoặc liên hiệp hợp tác xã khác chưa giải thể trên toàn quốc.`,
    );
  }
}

/** The columns whose value differs between the current row and the prepared one. */
export function changedColumns(
  cur: repo.OrganisationRecord,
  values: repo.OrganisationValues,
): Partial<repo.OrganisationValues> {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify((cur as Record<string, unknown>)[k] ?? null)) set[k] = v;
  }
  return set as Partial<repo.OrganisationValues>;
}
