import type { Ctx } from '../../context.js';
import * as repo from './annual-report.repo.js';
import { loadOrganisationInScope, reportDetail, reportNotFound, toReportSummary } from './report-view.js';

/** The reports of an organisation in the caller's scope, newest year first, with status and key totals. */
export async function listOrganisationReports(ctx: Ctx, organisationId: number) {
  await loadOrganisationInScope(ctx, organisationId);
  const rows = await repo.listReportsOfOrganisation(ctx.db, organisationId);
  return { items: rows.map((r) => toReportSummary(r, Number(r.open_flags ?? 0))) };
}

/** One report with its figures, trail, flags and warnings; 404 report.not_found when the year has none yet. */
export async function getReport(ctx: Ctx, organisationId: number, year: number, period: string) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  const r = await repo.findReport(ctx.db, organisationId, year, period);
  if (!r) throw reportNotFound(year, period);
  return reportDetail(ctx.db, org, r);
}

/**
 * The member counts of the organisation's latest yearly report, for the member register's consistency
 * hint. No scope check: the caller (the member service) has already checked the organisation.
 */
export async function latestReportedMembers(db: Ctx['db'], organisationId: number) {
  const r = await repo.findLatestYearlyMembers(db, organisationId);
  return r
    ? { year: r.year, membersTotal: r.members_total, membersOfficial: r.members_official, status: r.status }
    : null;
}
