import { sql } from 'kysely';
import { labelOf, REPORT_STATUSES } from '../../../core/registry/enums.js';
import { REPORT_FIELD_BY_KEY } from '../../../core/registry/report-fields.js';
import { compareVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { listOrganisationIds } from '../organisation/search-organisations.js';
import { ANNUAL_REPORT_COLUMNS } from './columns-annual-report.js';
import { dateCell, moneyCell } from './excel-safe.js';
import type { OrgFilters } from './export-filters.js';
import { buildKindWorkbook } from './kind-workbook.js';

function figureCell(key: string, v: unknown): unknown {
  const f = REPORT_FIELD_BY_KEY.get(key)!;
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'money':
      return moneyCell(String(v));
    case 'percent':
      return Number(v);
    case 'bool':
      return v ? 'Có' : 'Không';
    case 'date':
      return dateCell(String(v));
    default:
      return v;
  }
}

/**
 * The yearly figures of one year for the filtered organisations of the caller's scope, in the yearly template
 * layout (code, name, year, status, one column per catalogue figure). Only organisations with a report for
 * that year are listed, so the file imports back with no change (approved years are refused on import).
 */
export async function exportAnnualReports(ctx: Ctx, year: number, f: OrgFilters) {
  // The organisations of the list for these filters; the year's reports narrow them further.
  const { ids } = await listOrganisationIds(ctx, { ...f, year: undefined });
  const q = ctx.db
    .selectFrom('organisation')
    .innerJoin('annual_report as r', 'r.organisation_id', 'organisation.id')
    .where(sql<boolean>`organisation.id = any(${ids}::int[])`)
    .where('r.year', '=', year)
    .where('r.period', '=', 'year')
    .selectAll('r')
    .select(['organisation.reg_code', 'organisation.name']);
  const rows = (await q.execute()) as unknown as Record<string, unknown>[];
  rows.sort((a, b) => compareVietnamese(String(a.name), String(b.name)));
  const values = rows.map((r) =>
    ANNUAL_REPORT_COLUMNS.map((c) => {
      if (c.key === 'regCode') return r.reg_code;
      if (c.key === 'name') return r.name;
      if (c.key === 'year') return Number(r.year);
      if (c.key === 'status') return labelOf(REPORT_STATUSES, String(r.status));
      return figureCell(c.key, r[REPORT_FIELD_BY_KEY.get(c.key)!.column]);
    }),
  );
  const bytes = await buildKindWorkbook(ctx, 'annual_reports', values);
  return { bytes, fileName: `so-lieu-nam-${year}.xlsx`, count: rows.length };
}
