import type { Kysely } from 'kysely';
import {
  evaluateQualityRules,
  incomeRangeFor,
  type QualityFinding,
} from '../../../core/registry/quality-rules.js';
import { rowToFigures } from '../../../core/registry/report-input.js';
import type { DB } from '../../db/schema.js';
import * as repo from './annual-report.repo.js';

/**
 * Evaluates the data-quality rules of a report against the same organisation's report of the previous
 * year (same period) and stores the result: a new finding adds an open flag; a finding that fires again
 * keeps its flag (re-opened when its figures, hence its message, changed); a flag whose rule no longer
 * fires is removed, with a system note in the trail so the discussion around it keeps its context.
 */
export async function refreshQualityFlags(
  trx: Kysely<DB>,
  org: repo.OrganisationFacts,
  report: repo.ReportRow,
): Promise<QualityFinding[]> {
  const previous = await repo.findReport(trx, report.organisation_id, report.year - 1, report.period);
  const findings = evaluateQualityRules({
    current: rowToFigures(report as unknown as Record<string, unknown>),
    previous: previous ? rowToFigures(previous as unknown as Record<string, unknown>) : null,
    previousYear: report.year - 1,
    incomeRange: incomeRangeFor(org.province_code),
  });
  const existing = await repo.listFlags(trx, report.id);
  for (const f of findings) {
    const flag = existing.find((x) => x.rule === f.rule);
    if (!flag) await repo.insertFlag(trx, report.id, f.rule, f.message);
    else if (flag.message !== f.message)
      await repo.updateFlag(trx, flag.id, { message: f.message, status: 'open' });
  }
  const cleared = existing.filter((x) => !findings.some((f) => f.rule === x.rule));
  await repo.deleteFlags(
    trx,
    cleared.map((x) => x.id),
  );
  await repo.insertComments(
    trx,
    cleared.map((x) => ({
      reportId: report.id,
      authorId: null,
      kind: 'quality' as const,
      flagId: x.id,
      body: `Cảnh báo không còn sau khi gửi lại: ${x.message}`,
    })),
  );
  return findings;
}
