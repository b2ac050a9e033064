/** How reports, comments and flags look in the API, and the loaders shared by the report services. */
import type { Kysely } from 'kysely';
import {
  labelOf,
  type OrganisationKind,
  REPORT_STATUSES,
  type ReportStatus,
} from '../../../core/registry/enums.js';
import {
  foundingYearWarning,
  legalMinimumWarnings,
  QUALITY_RULE_FIELD,
  type QualityRuleId,
} from '../../../core/registry/quality-rules.js';
import { rowToFigures } from '../../../core/registry/report-input.js';
import {
  allowedReportActions,
  isReportEditable,
  missingRequiredFigures,
} from '../../../core/registry/report-workflow.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { assertOrgScope, requireUser } from '../auth/scope.js';
import * as repo from './annual-report.repo.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The list view of a report: status and the key totals. */
export function toReportSummary(r: repo.ReportRow, openFlags: number) {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    year: r.year,
    period: r.period as 'year' | 'h1',
    status: r.status as ReportStatus,
    statusLabel: labelOf(REPORT_STATUSES, r.status),
    membersOfficial: r.members_official,
    membersTotal: r.members_total,
    workerTotal: r.worker_total,
    revenueTotal: num(r.revenue_total),
    profitBeforeTax: num(r.profit_before_tax),
    charterCapital: num(r.charter_capital),
    openFlagCount: Number(openFlags),
    submittedAt: iso(r.submitted_at),
    reviewedAt: iso(r.reviewed_at),
    updatedAt: iso(r.updated_at)!,
    version: r.version,
  };
}

/** A comment as the API returns it. */
export function toComment(c: Awaited<ReturnType<typeof repo.listComments>>[number]) {
  return {
    id: c.id,
    kind: c.kind,
    field: c.field,
    flagId: c.flag_id,
    body: c.body,
    authorId: c.author_id,
    authorName: c.author_name ?? (c.author_id === null ? 'Hệ thống' : null),
    createdAt: iso(c.created_at)!,
  };
}

/** A quality flag as the API returns it. */
export function toFlag(f: Awaited<ReturnType<typeof repo.listFlags>>[number]) {
  return {
    id: f.id,
    rule: f.rule as QualityRuleId,
    field: QUALITY_RULE_FIELD[f.rule as QualityRuleId] ?? null,
    message: f.message,
    status: f.status as 'open' | 'explained' | 'resolved',
    createdAt: iso(f.created_at)!,
  };
}

/** The full view of one report: figures, trail, flags, warnings, what is still missing and the next actions. */
export async function reportDetail(db: Kysely<DB>, org: repo.OrganisationFacts, r: repo.ReportRow) {
  const [comments, flags] = [await repo.listComments(db, r.id), await repo.listFlags(db, r.id)];
  const figures = rowToFigures(r as unknown as Record<string, unknown>);
  const kind = org.kind as OrganisationKind;
  const founding = foundingYearWarning(r.year, org.founded_on);
  const status = r.status as ReportStatus;
  return {
    ...toReportSummary(r, flags.filter((f) => f.status === 'open').length),
    organisationName: org.name,
    organisationKind: kind,
    figures,
    editable: isReportEditable(status),
    nextActions: allowedReportActions(status),
    missing: missingRequiredFigures(kind, figures),
    warnings: [...(founding ? [founding] : []), ...legalMinimumWarnings(kind, figures)],
    flags: flags.map(toFlag),
    comments: comments.map(toComment),
  };
}

/** Loads an organisation the caller may see, or answers 404 (also outside the scope: existence is not disclosed). */
export async function loadOrganisationInScope(ctx: Ctx, id: number) {
  const org = await repo.findOrganisationFacts(ctx.db, id);
  if (!org) throw new AppError(404, 'not_found', 'Không tìm thấy tổ chức.');
  assertOrgScope(ctx, { id: org.id, provinceId: org.province_id, communeId: org.commune_id });
  return org;
}

/** Loads a report by id together with its organisation, within the caller's scope. */
export async function loadReportInScope(ctx: Ctx, reportId: number) {
  requireUser(ctx);
  const report = await repo.findReportById(ctx.db, reportId);
  if (!report) throw new AppError(404, 'not_found', 'Không tìm thấy báo cáo.');
  const org = await loadOrganisationInScope(ctx, report.organisation_id);
  return { org, report };
}

/** The 404 for a year without a report: the UI offers to create it. */
export function reportNotFound(year: number, period: string) {
  return new AppError(
    404,
    'report.not_found',
    `Chưa có báo cáo ${period === 'h1' ? '6 tháng đầu năm' : 'năm'} ${year} của tổ chức này.`,
  );
}

/** The current year in Vietnam (UTC+7), the latest year a report may be made for. */
export function currentYearVn(now = Date.now()): number {
  return new Date(now + 7 * 3_600_000).getUTCFullYear();
}
