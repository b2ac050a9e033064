/** Excel round trip: templates, import (dry run, commit, rejected rows) and the organisation export. */
import { api, apiDownload, apiUpload } from './client';
import { type OrgListParams, requestPageSize } from './organisations';
import type { ImportCommit, ImportDryRun, ImportKind } from './registry-types';

/** Downloads the Excel template of an import kind. */
export function downloadTemplate(kind: ImportKind): Promise<string> {
  return apiDownload(`/api/registry/templates/${kind}`, undefined, `mau-${kind}.xlsx`);
}

/** Uploads a workbook for a dry run: nothing is written, every row is checked. */
export function uploadImport(kind: ImportKind, file: File): Promise<ImportDryRun> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return apiUpload<ImportDryRun>('/api/registry/imports', form);
}

/** Writes a dry-run job: every row ('all', refused when any row is invalid) or only the valid ones. */
export function commitImport(jobId: number, mode: 'all' | 'valid_only'): Promise<ImportCommit> {
  return api.post<ImportCommit>(`/api/registry/imports/${jobId}/commit`, { mode });
}

/** Downloads the rejected rows with their errors, to fix in Excel and upload again. */
export function downloadRejected(jobId: number): Promise<string> {
  return apiDownload(`/api/registry/imports/${jobId}/rejected`, undefined, `dong-bi-tu-choi-${jobId}.xlsx`);
}

/**
 * Downloads, as an Excel workbook, exactly the organisations the list shows: every filter, all pages, the same
 * order. The page size goes too, as the server sees it, because it decides whether names one typo away are added.
 */
export function exportOrganisations(params: Omit<OrgListParams, 'page'>): Promise<string> {
  return apiDownload(
    '/api/registry/exports/organisations',
    {
      ...params,
      paperOnly: params.paperOnly ? 'true' : undefined,
      pageSize: requestPageSize(params.pageSize),
    },
    'to-chuc-kttt.xlsx',
  );
}

/** Downloads one year's figures of the organisations in scope (same layout as the annual-report template). */
export function exportAnnualReports(year: number): Promise<string> {
  return apiDownload('/api/registry/exports/annual-reports', { year }, `so-lieu-nam-${year}.xlsx`);
}
