import type { ImportKind } from './columns.js';
import type { ImportHandler } from './import-types.js';
import { memberImport } from './member-import.js';
import { organisationImport } from './org-import.js';
import { annualReportImport } from './report-import.js';

const HANDLERS: Record<ImportKind, ImportHandler<unknown, unknown>> = {
  organisations: organisationImport as ImportHandler<unknown, unknown>,
  annual_reports: annualReportImport as ImportHandler<unknown, unknown>,
  members: memberImport as ImportHandler<unknown, unknown>,
};

/** The handler of an import kind. */
export function importHandler(kind: ImportKind): ImportHandler<unknown, unknown> {
  return HANDLERS[kind];
}
