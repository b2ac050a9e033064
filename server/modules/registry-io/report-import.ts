import { ANNUAL_REPORT_COLUMNS } from './columns-annual-report.js';
import type { ImportHandler } from './import-types.js';
import { classifyReports, type ReportWrite } from './report-classify.js';
import { prepareReports, type ReportPrepared } from './report-prepare.js';
import { writeReports } from './report-write.js';

/** Import of yearly figures, upserted by registration code and year; approved (locked) years are refused. */
export const annualReportImport: ImportHandler<ReportPrepared, ReportWrite> = {
  kind: 'annual_reports',
  columns: ANNUAL_REPORT_COLUMNS,
  prepare: prepareReports,
  classify: classifyReports,
  write: (trx, ctx, c) => writeReports(trx, ctx, c.inserts, c.updates),
};
