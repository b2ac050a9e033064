import type { Kysely } from 'kysely';
import { hasPermission } from '../../../core/permissions.js';
import { REPORT_FIELD_BY_KEY } from '../../../core/registry/report-fields.js';
import { rowToFigures } from '../../../core/registry/report-input.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { inOrgScope, requireUser } from '../auth/scope.js';
import type { Classified, RowOutcome } from './import-types.js';
import { type ReportPrepared, reportHeader } from './report-prepare.js';
import type { RowIssue } from './row-values.js';

/** One yearly report to insert (id null) or update, with its figures merged over the stored ones. */
export interface ReportWrite {
  id: number | null;
  organisationId: number;
  year: number;
  status: 'submitted' | 'approved';
  /** Every catalogue figure after the import (stored ones kept where the file has no column). */
  figures: Record<string, number | boolean | string | null>;
}

/**
 * The status imported reports get: 'approved' (locked) when the importer may review reports
 * (report.review), else 'submitted' for an officer to review.
 */
export function importedReportStatus(ctx: Ctx): 'submitted' | 'approved' {
  return hasPermission(requireUser(ctx).role, 'report.review') ? 'approved' : 'submitted';
}

/** Organisations by registration code (only those with the given codes). */
export async function organisationsByCode(db: Kysely<DB>, codes: string[]) {
  if (!codes.length) return new Map<string, { id: number; province_id: number; commune_id: number }>();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'reg_code', 'province_id', 'commune_id'])
    .where('reg_code', '=', (eb) => eb.fn.any(eb.val(codes)))
    .execute();
  return new Map(rows.map((r) => [r.reg_code, r]));
}

const sameValue = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * Classifies yearly-figures rows: the organisation must exist in the caller's subtree (a code outside it reads
 * as unknown); a year already approved (locked) is refused; an existing draft, submitted or returned report is
 * updated (unchanged when its figures and status already match); otherwise a report is inserted.
 */
export async function classifyReports(
  db: Kysely<DB>,
  ctx: Ctx,
  p: ReportPrepared,
  lock: boolean,
): Promise<Classified<ReportWrite>> {
  const user = requireUser(ctx);
  const status = importedReportStatus(ctx);
  const orgs = await organisationsByCode(db, [
    ...new Set(p.drafts.map((d) => d.regCode).filter((c): c is string => !!c)),
  ]);
  const orgIds = [...new Set([...orgs.values()].map((o) => o.id))];
  const years = [...new Set(p.drafts.map((d) => d.year).filter((y): y is number => y !== null))];
  let q = db
    .selectFrom('annual_report')
    .selectAll()
    .where('period', '=', 'year')
    .where('organisation_id', '=', (eb) => eb.fn.any(eb.val(orgIds.length ? orgIds : [0])))
    .where('year', '=', (eb) => eb.fn.any(eb.val(years.length ? years : [0])));
  if (lock) q = q.forUpdate();
  const stored = new Map((await q.execute()).map((r) => [`${r.organisation_id}|${r.year}`, r]));
  const out: Classified<ReportWrite> = { outcomes: [], inserts: [], updates: [] };
  for (const d of p.drafts) {
    const issues: RowIssue[] = [...d.issues];
    const org = d.regCode ? orgs.get(d.regCode) : undefined;
    if (
      d.regCode &&
      (!org || !inOrgScope(user, { id: org.id, provinceId: org.province_id, communeId: org.commune_id }))
    ) {
      issues.push({
        row: d.row,
        column: reportHeader('regCode'),
        header: null,
        message: `Không có tổ chức mã số ${d.regCode} trong phạm vi quản lý của bạn.`,
      });
    }
    const existing = org && d.year !== null ? stored.get(`${org.id}|${d.year}`) : undefined;
    if (existing?.status === 'approved') {
      issues.push({
        row: d.row,
        column: reportHeader('year'),
        header: null,
        message: `Báo cáo năm ${d.year} của tổ chức ${d.regCode} đã được duyệt (khóa); nhập tệp không ghi đè. Hãy đề nghị mở lại báo cáo nếu cần sửa.`,
      });
    }
    let action: RowOutcome['action'] = null;
    if (!issues.length && org && d.year !== null) {
      const before = existing ? rowToFigures(existing as unknown as Record<string, unknown>) : {};
      const figures: Record<string, number | boolean | string | null> = {
        ...Object.fromEntries([...REPORT_FIELD_BY_KEY.keys()].map((k) => [k, null])),
        ...before,
        ...(d.figures as Record<string, number | boolean | string | null>),
      };
      const same =
        existing && existing.status === status && p.keys.every((k) => sameValue(figures[k], before[k]));
      action = !existing ? 'insert' : same ? 'unchanged' : 'update';
      if (action !== 'unchanged') {
        (existing ? out.updates : out.inserts).push({
          id: existing?.id ?? null,
          organisationId: org.id,
          year: d.year,
          status,
          figures,
        });
      }
    }
    out.outcomes.push({ row: d.row, action, issues, warnings: d.warnings });
  }
  return out;
}
