/** Shared fixtures of the yearly-report tests. */
import type { Harness, TestClient } from '../../test/harness.js';

/** Figures that satisfy the submission requirements and no quality rule. */
export const COMPLETE = {
  memberOfficialIndividual: 18,
  memberOfficialHousehold: 4,
  memberAssociateCapital: 3,
  workerTotal: 9,
  workerRegular: 6,
  revenueTotal: 3_200_000_000,
  profitBeforeTax: 210_000_000,
  charterCapital: 2_000_000_000,
  totalCapital: 4_500_000_000,
  avgIncomeRegularWorker: 72_000_000,
};

/** The path of one organisation's report of a year. */
export const reportPath = (orgId: number, year: number, suffix = '', period = 'year') =>
  `/api/organisations/${orgId}/reports/${year}${suffix}${period === 'year' ? '' : `?period=${period}`}`;

/** PUTs figures, sending the report's current version when it exists. */
export async function saveFigures(
  client: TestClient,
  orgId: number,
  year: number,
  figures: Record<string, unknown>,
  period = 'year',
) {
  const current = await client.get(reportPath(orgId, year, '', period));
  const version = current.status === 200 ? current.body.report.version : undefined;
  return client.req('PUT', reportPath(orgId, year, '', period), { figures, ...(version ? { version } : {}) });
}

/** Audit rows of one report, oldest first. */
export async function auditOf(h: Harness, reportId: number) {
  return h.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'annual_report')
    .where('entity_id', '=', String(reportId))
    .orderBy('id')
    .execute();
}

/** Forces a report's status directly (to set up a transition under test). */
export async function forceStatus(h: Harness, reportId: number, status: string) {
  await h.database.db.updateTable('annual_report').set({ status }).where('id', '=', reportId).execute();
}
