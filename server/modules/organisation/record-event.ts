import type { EventKind, LegalStatus, OrganisationKind } from '../../../core/registry/enums.js';
import { applyLifecycleEvent, isEnded } from '../../../core/registry/lifecycle.js';
import type { Ctx } from '../../context.js';
import { AppError, invalid } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { inOrgScope, requireUser } from '../auth/scope.js';
import { snapshotOf, toOrganisationDto } from './organisation.dto.js';
import * as repo from './organisation.repo.js';
import { communeInCallerScope, loadOrganisationInScope } from './organisation-access.js';
import * as rel from './organisation-relations.repo.js';
import { assertNameFree } from './organisation-validation.js';

/** Body of POST /api/organisations/:id/events. */
export interface RecordEventInput {
  kind: EventKind;
  occurredOn: string;
  note?: string | null;
  /** The new commune, for 'moved'. */
  communeId?: number | null;
  /** The organisation absorbing this one ('merged', required) or separated from it ('split', optional). */
  relatedOrganisationId?: number | null;
}

/** An event as the API returns it. */
export function toEventDto(e: Awaited<ReturnType<typeof rel.listEvents>>[number]) {
  return {
    id: e.id,
    kind: e.kind,
    occurredOn: e.occurred_on,
    note: e.note,
    detail: e.detail ?? null,
    createdByName: e.created_by_name,
    createdAt: new Date(e.created_at).toISOString(),
  };
}

async function checkTargets(ctx: Ctx, current: repo.OrganisationRecord, input: RecordEventInput) {
  const user = requireUser(ctx);
  if (input.kind === 'moved') {
    if (!input.communeId)
      throw invalid('organisation.event_commune_required', 'Cần chọn xã/phường nơi chuyển trụ sở đến.', [
        { path: 'communeId', message: 'Bắt buộc.' },
      ]);
    const commune = await repo.findUnit(ctx.db, input.communeId);
    if (commune?.era !== 'post2025' || commune.level !== 3 || commune.province_id === null) {
      throw invalid(
        'organisation.commune_invalid',
        'Xã/phường chuyển đến phải là đơn vị hành chính hiện hành.',
        [{ path: 'communeId', message: 'Không hợp lệ.' }],
      );
    }
    if (!communeInCallerScope(user, commune))
      throw invalid(
        'organisation.commune_outside',
        'Xã/phường chuyển đến nằm ngoài phạm vi quản lý của bạn.',
        [{ path: 'communeId', message: 'Ngoài phạm vi.' }],
      );
    if (commune.id === current.commune_id)
      throw invalid('organisation.event_same_commune', 'Tổ chức đã đặt trụ sở tại xã/phường này.', [
        { path: 'communeId', message: 'Trùng trụ sở hiện tại.' },
      ]);
    return { commune: { id: commune.id, provinceId: commune.province_id } };
  }
  if (input.kind === 'merged' && !input.relatedOrganisationId) {
    throw invalid('organisation.related_required', 'Cần chọn tổ chức nhận sáp nhập/hợp nhất.', [
      { path: 'relatedOrganisationId', message: 'Bắt buộc.' },
    ]);
  }
  if (input.relatedOrganisationId && (input.kind === 'merged' || input.kind === 'split')) {
    const other = await repo.findOrganisation(ctx.db, input.relatedOrganisationId);
    const visible =
      other && inOrgScope(user, { id: other.id, provinceId: other.province_id, communeId: other.commune_id });
    if (
      !other ||
      !visible ||
      other.id === current.id ||
      (input.kind === 'merged' && isEnded(other.legal_status))
    ) {
      throw invalid(
        'organisation.related_invalid',
        'Tổ chức liên quan không tồn tại, ngoài phạm vi quản lý, đã giải thể hoặc chính là tổ chức này.',
        [{ path: 'relatedOrganisationId', message: 'Không hợp lệ.' }],
      );
    }
    return { related: { id: other.id, name: other.name, regCode: other.reg_code } };
  }
  return {};
}

/**
 * Records a lifecycle event and applies its state change (core/registry/lifecycle.ts) in one transaction
 * with one audit row: conversion THT → HTX keeps the code (NĐ 92/2024 Art. 14) but must respect HTX name
 * uniqueness; dissolution or merger ends the organisation and its union links; a move changes the commune
 * (and province) within the caller's scope. Events on an ended organisation are refused (409).
 */
export async function recordEvent(ctx: Ctx, id: number, input: RecordEventInput) {
  const user = requireUser(ctx);
  const loaded = await loadOrganisationInScope(ctx, id);
  const today = todayInVietnam();
  if (input.occurredOn > today)
    throw invalid('organisation.event_future', 'Ngày diễn ra sự kiện không được sau ngày hôm nay.', [
      { path: 'occurredOn', message: 'Ngày trong tương lai.' },
    ]);
  if (input.kind !== 'founded' && loaded.founded_on && input.occurredOn < loaded.founded_on) {
    throw invalid(
      'organisation.event_before_founding',
      'Ngày diễn ra sự kiện không được trước ngày thành lập.',
      [{ path: 'occurredOn', message: 'Trước ngày thành lập.' }],
    );
  }
  const targets = await checkTargets(ctx, loaded, input);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockOrganisation(trx, id);
    const current = (await repo.findOrganisation(trx, id))!;
    const outcome = applyLifecycleEvent(
      {
        kind: current.kind as OrganisationKind,
        legalStatus: current.legal_status as LegalStatus,
        hasFoundedEvent: await rel.hasEvent(trx, id, 'founded'),
      },
      input.kind,
    );
    if (!outcome.ok) throw new AppError(409, outcome.code, outcome.message);
    const set: Partial<repo.OrganisationValues> = {};
    if (outcome.kind !== current.kind) set.kind = outcome.kind;
    if (outcome.legalStatus !== current.legal_status) {
      set.legal_status = outcome.legalStatus;
      set.status_changed_on = input.occurredOn;
    }
    if (outcome.ends) set.ended_on = input.occurredOn;
    if (targets.commune) {
      set.commune_id = targets.commune.id;
      set.province_id = targets.commune.provinceId;
    }
    // A converted THT now competes with HTX names nationally; a moved THT with the THT of its new commune.
    if (set.kind || (targets.commune && current.kind === 'THT')) {
      await assertNameFree(
        trx,
        {
          kind: (set.kind ?? current.kind) as OrganisationKind,
          name: current.name,
          communeId: set.commune_id ?? current.commune_id,
        },
        current.name_key,
        id,
      );
    }
    if (Object.keys(set).length > 0) await repo.updateOrganisation(trx, id, set);
    if (outcome.ends) await rel.closeUnionLinks(trx, { either: id, on: input.occurredOn });
    const detail = {
      ...(set.kind ? { fromKind: current.kind, toKind: set.kind } : {}),
      ...(targets.commune ? { fromCommuneId: current.commune_id, toCommuneId: targets.commune.id } : {}),
      ...(targets.related ? { relatedOrganisation: targets.related } : {}),
    };
    const eventId = await rel.insertEvent(trx, {
      organisationId: id,
      kind: input.kind,
      occurredOn: input.occurredOn,
      note: input.note ?? null,
      detail: Object.keys(detail).length > 0 ? detail : null,
      createdBy: user.id,
    });
    const after = (await repo.findOrganisation(trx, id))!;
    await recordAudit(trx, ctx, {
      action: `organisation.event.${input.kind}`,
      entityType: 'organisation',
      entityId: id,
      before: snapshotOf(current),
      after: {
        ...snapshotOf(after),
        event: {
          id: eventId,
          kind: input.kind,
          occurredOn: input.occurredOn,
          note: input.note ?? null,
          detail,
        },
      },
      provinceId: after.province_id,
    });
    const event = (await rel.listEvents(trx, id)).find((e) => e.id === eventId)!;
    return { event: toEventDto(event), organisation: toOrganisationDto(after) };
  });
}
