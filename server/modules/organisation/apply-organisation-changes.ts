import type { Kysely } from 'kysely';
import { isEnded } from '../../../core/registry/lifecycle.js';
import type { TOrganisationChanges } from '../../../core/registry/organisation-changes.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { type AppError, conflict, invalid } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { diffSnapshots, inputOf, toOrganisationDto } from './organisation.dto.js';
import * as repo from './organisation.repo.js';
import { countOpenLinks } from './organisation-relations.repo.js';
import { changedColumns, prepareOrganisation } from './organisation-validation.js';

/** The organisation before and after a change, and the warnings of its validation. */
export interface Applied {
  before: repo.OrganisationRecord;
  after: repo.OrganisationRecord;
  warnings: string[];
  changed: boolean;
}

/**
 * Validates a partial change against the current row (same rules as creation) and writes it, bumping the
 * version. Ending an organisation goes through a lifecycle event, never through an edit, so that its end
 * date and union links follow; an ended one cannot be revived by an edit. Call inside a transaction, with
 * the row locked.
 */
export async function applyOrganisationChanges(
  trx: Kysely<DB>,
  ctx: Ctx,
  current: repo.OrganisationRecord,
  changes: TOrganisationChanges,
  o: { checkCommuneScope: boolean },
): Promise<Applied> {
  if (changes.legalStatus !== undefined && changes.legalStatus !== current.legal_status) {
    if (isEnded(current.legal_status)) {
      throw conflict(
        'organisation.ended',
        'Tổ chức đã giải thể/chấm dứt hoạt động; không thể đổi lại tình trạng pháp lý.',
      );
    }
    if (isEnded(changes.legalStatus)) {
      throw invalid(
        'organisation.status_via_event',
        'Giải thể/chấm dứt hoạt động được ghi nhận bằng sự kiện "Giải thể", không sửa trực tiếp tình trạng pháp lý.',
        [{ path: 'legalStatus', message: 'Dùng sự kiện giải thể.' }],
      );
    }
  }
  if (changes.kind !== undefined && changes.kind !== current.kind) {
    const links = await countOpenLinks(trx, current.id);
    if ((links.asUnion > 0 && changes.kind !== 'LHHTX') || (links.asMember > 0 && changes.kind !== 'HTX')) {
      throw conflict(
        'organisation.kind_has_links',
        'Không thể đổi loại hình khi tổ chức đang là liên hiệp có thành viên hoặc là thành viên của liên hiệp.',
      );
    }
  }
  const next = { ...inputOf(current), ...changes };
  // A new main business line brings its own field (NĐ 113/2024 Art. 4(1)) unless the edit sets one.
  if (changes.vsicCode !== undefined && changes.field === undefined) next.field = null;
  const { values, warnings } = await prepareOrganisation(trx, ctx, next, {
    current,
    checkCommuneScope: o.checkCommuneScope,
  });
  const set = changedColumns(current, values);
  if (Object.keys(set).length === 0) return { before: current, after: current, warnings, changed: false };
  if (set.legal_status !== undefined) set.status_changed_on = todayInVietnam();
  // The code given up stays retired: a registration code is never reused (NĐ 92/2024 Art. 14).
  if (set.reg_code !== undefined) await repo.retireRegCode(trx, current.reg_code, current.id);
  await repo.updateOrganisation(trx, current.id, set);
  const after = (await repo.findOrganisation(trx, current.id))!;
  return { before: current, after, warnings, changed: true };
}

/**
 * The 409 for a stale version: the organisation as it is now and the fields others changed since the
 * caller's version, read from the audit snapshots of the versions after it.
 */
export async function versionConflict(
  db: Kysely<DB>,
  current: repo.OrganisationRecord,
  callerVersion: number,
): Promise<AppError> {
  const rows = await repo.changesAfterVersion(db, current.id, callerVersion);
  const fields = new Set<string>();
  for (const r of rows) {
    for (const f of diffSnapshots(
      r.before as Record<string, unknown> | null,
      r.after as Record<string, unknown> | null,
    ))
      fields.add(f);
  }
  for (const extra of ['event', 'changeRequest']) fields.delete(extra);
  return conflict(
    'organisation.version_conflict',
    'Tổ chức này vừa được người khác sửa. Hãy xem các thay đổi mới rồi lưu lại thay đổi của bạn.',
    {
      current: toOrganisationDto(current),
      changedFields: [...fields].sort(),
    },
  );
}
