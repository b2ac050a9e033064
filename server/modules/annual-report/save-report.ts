import type { Kysely } from 'kysely';
import type { ReportStatus } from '../../../core/registry/enums.js';
import { officialMembers, type ReportFigures, totalMembers } from '../../../core/registry/report-fields.js';
import { figuresToColumns, rowToFigures, type TReportFigures } from '../../../core/registry/report-input.js';
import { isReportEditable } from '../../../core/registry/report-workflow.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError, conflict, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './annual-report.repo.js';
import { currentYearVn, loadOrganisationInScope, reportDetail, toReportSummary } from './report-view.js';

/** A draft's figures to save; `version` is required once the report exists. */
export interface SaveReportInput {
  figures: TReportFigures;
  version?: number;
}

const OFFICIAL_KEYS = ['memberOfficialIndividual', 'memberOfficialHousehold', 'memberOfficialLegal'];
const MEMBER_KEYS = [...OFFICIAL_KEYS, 'memberAssociateCapital', 'memberAssociateNoncapital'];
const anyGiven = (f: ReportFigures, keys: string[]) => keys.some((k) => f[k] !== null && f[k] !== undefined);

/** The derived member totals stored beside the figures (null while no member figure is given). */
export function derivedTotals(f: ReportFigures) {
  return {
    members_official: anyGiven(f, OFFICIAL_KEYS) ? officialMembers(f) : null,
    members_total: anyGiven(f, MEMBER_KEYS) ? totalMembers(f) : null,
  };
}

/** 409 report.locked for a report the organisation no longer holds. */
export function lockedError(status: string) {
  return new AppError(
    409,
    'report.locked',
    status === 'approved'
      ? 'Báo cáo đã được duyệt nên đã khóa; cần cấp tỉnh mở lại (kèm lý do) trước khi sửa.'
      : 'Báo cáo đã gửi và đang chờ duyệt nên không sửa được; chờ cán bộ trả lại để sửa.',
    undefined,
    { status },
  );
}

/** 400 when the year has not come yet. */
export function assertYearNotFuture(year: number) {
  const now = currentYearVn();
  if (year > now) {
    throw invalid('report.year_in_future', `Không thể lập báo cáo cho năm ${year}: năm hiện tại là ${now}.`, [
      { path: 'year', message: 'Năm chưa đến.' },
    ]);
  }
}

/** 409 report.locked for a 6-month report of a year whose yearly report is already approved. */
export async function assertYearOpen(trx: Kysely<DB>, organisationId: number, year: number, period: string) {
  if (period !== 'h1') return;
  const yearly = await repo.findReport(trx, organisationId, year, 'year');
  if (yearly?.status === 'approved') {
    throw new AppError(
      409,
      'report.locked',
      `Báo cáo năm ${year} đã được duyệt nên số liệu năm ${year} đã khóa.`,
      undefined,
      { status: 'approved' },
    );
  }
}

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';

/**
 * Saves a draft's figures (creating the report on first save). Allowed only while the report is a
 * draft or returned; keys left out keep their value, null clears one. One audit row with the changes.
 */
export async function saveReport(
  ctx: Ctx,
  organisationId: number,
  year: number,
  period: string,
  input: SaveReportInput,
) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  assertYearNotFuture(year);
  let created = false;
  let row: repo.ReportRow;
  try {
    row = await ctx.db.transaction().execute(async (trx) => {
      await assertYearOpen(trx, organisationId, year, period);
      const existing = await repo.findReport(trx, organisationId, year, period, true);
      if (existing) {
        if (!isReportEditable(existing.status as ReportStatus)) throw lockedError(existing.status);
        if (input.version !== existing.version) {
          throw conflict(
            'report.version_conflict',
            input.version === undefined
              ? 'Báo cáo năm này đã có; hãy tải lại báo cáo rồi sửa trên phiên bản hiện tại.'
              : 'Báo cáo vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi lưu.',
            { current: toReportSummary(existing, 0) },
          );
        }
      }
      const before = existing ? rowToFigures(existing as unknown as Record<string, unknown>) : {};
      const merged = { ...before, ...input.figures } as ReportFigures;
      const changed = Object.keys(input.figures).filter(
        (k) => (before[k] ?? null) !== (input.figures[k] ?? null),
      );
      const set = { ...figuresToColumns(input.figures), ...derivedTotals(merged) };
      const saved = existing
        ? await repo.updateReport(trx, existing.id, { version: existing.version }, set)
        : await repo.insertReport(trx, { organisation_id: organisationId, year, period, ...set });
      if (!saved)
        throw conflict(
          'report.version_conflict',
          'Báo cáo vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi lưu.',
        );
      created = !existing;
      await recordAudit(trx, ctx, {
        action: created ? 'report.create' : 'report.update',
        entityType: 'annual_report',
        entityId: saved.id,
        before: existing ? Object.fromEntries(changed.map((k) => [k, before[k] ?? null])) : null,
        after: {
          organisationId,
          year,
          period,
          ...Object.fromEntries(changed.map((k) => [k, merged[k] ?? null])),
        },
        provinceId: org.province_id,
      });
      return saved;
    });
  } catch (e) {
    // Two first saves of the same year at once: the second loses like any concurrent edit.
    if (isUniqueViolation(e))
      throw conflict(
        'report.version_conflict',
        'Báo cáo năm này vừa được người khác tạo. Hãy tải lại trước khi lưu.',
      );
    throw e;
  }
  return { created, report: await reportDetail(ctx.db, org, row) };
}
