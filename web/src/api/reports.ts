/** Yearly report calls: per organisation, one year, the workflow, the trail and the review queue. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ReportFigures } from '../../../core/registry/report-fields';
import { api } from './client';
import { orgKey } from './organisations';
import type {
  QualityFlag,
  QueueItem,
  ReportComment,
  ReportDetail,
  ReportPeriod,
  ReportSummary,
} from './registry-types';

/** The reports of an organisation, newest year first. */
export function orgReportsQuery(orgId: number) {
  return queryOptions({
    queryKey: [...orgKey(orgId), 'reports'],
    queryFn: ({ signal }) =>
      api.get<{ items: ReportSummary[] }>(`/api/organisations/${orgId}/reports`, undefined, signal),
  });
}

const reportPath = (orgId: number, year: number) => `/api/organisations/${orgId}/reports/${year}`;

/** One year's report; rejects with ApiError 404 'report.not_found' when the year has none yet. */
export function reportQuery(orgId: number, year: number, period: ReportPeriod) {
  return queryOptions({
    queryKey: [...orgKey(orgId), 'report', year, period],
    queryFn: async ({ signal }) =>
      (await api.get<{ report: ReportDetail }>(reportPath(orgId, year), { period }, signal)).report,
  });
}

/** Saves draft figures (creates the report on first save); `version` once it exists. */
export async function saveReport(
  orgId: number,
  year: number,
  period: ReportPeriod,
  figures: Partial<ReportFigures>,
  version?: number,
): Promise<ReportDetail> {
  const res = await api.put<{ report: ReportDetail }>(
    reportPath(orgId, year),
    { figures, version },
    { period },
  );
  return res.report;
}

/** Body of each workflow step. */
export type TransitionBody =
  | { action: 'submit'; comment?: string }
  | { action: 'approve'; comment?: string }
  | { action: 'return'; comment: string; fieldComments?: Record<string, string> }
  | { action: 'reopen'; reason: string };

/** Moves a report along the workflow. */
export async function transitionReport(
  orgId: number,
  year: number,
  period: ReportPeriod,
  body: TransitionBody,
): Promise<ReportDetail> {
  const { action, ...rest } = body;
  const path = `${reportPath(orgId, year)}/${action}?period=${period}`;
  return (await api.post<{ report: ReportDetail }>(path, rest)).report;
}

/** Adds a comment to a report's trail, optionally about a flag or a figure. */
export async function addReportComment(
  reportId: number,
  body: { body: string; flagId?: number; field?: string },
): Promise<ReportComment> {
  return (await api.post<{ comment: ReportComment }>(`/api/reports/${reportId}/comments`, body)).comment;
}

/** Marks a quality flag explained or resolved (or open again). */
export async function setFlagStatus(
  reportId: number,
  flagId: number,
  status: QualityFlag['status'],
  note?: string,
): Promise<QualityFlag> {
  return (
    await api.patch<{ flag: QualityFlag }>(`/api/reports/${reportId}/flags/${flagId}`, {
      status,
      ...(note ? { note } : {}),
    })
  ).flag;
}

/** Filters of the review queue. */
export interface QueueParams {
  year?: number;
  status?: string;
  period?: ReportPeriod;
  page: number;
  pageSize: number;
}

/** The review queue: reports in the caller's scope, most recently submitted first. */
export function reviewQueueQuery(params: QueueParams) {
  return queryOptions({
    queryKey: ['reports', 'queue', params],
    queryFn: ({ signal }) =>
      api.get<{ items: QueueItem[]; total: number }>('/api/reports', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
