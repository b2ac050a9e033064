/** Assessment calls: rubrics, campaigns, the board and report, the form and its workflow, imports, files. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentImportResult,
  AttachmentInfo,
  Board,
  Campaign,
  CampaignDetail,
  HistoryItem,
  RubricDetail,
  RubricSummary,
  UnitReport,
} from './assessment-types';
import { api, apiDownload, apiUpload } from './client';
import { orgKey } from './organisations';

/** Every cached assessment query starts with this key (organisation-scoped ones use orgKey). */
export const ASSESSMENT_KEY = ['assessments'] as const;

/** Rubric versions, optionally of one status. */
export function rubricsQuery(status?: string) {
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'rubrics', status ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: RubricSummary[] }>('/api/rubrics', { status }, signal),
  });
}

/** One rubric with its tree and validation. */
export function rubricQuery(id: number) {
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'rubric', id],
    queryFn: async ({ signal }) =>
      (await api.get<{ rubric: RubricDetail }>(`/api/rubrics/${id}`, undefined, signal)).rubric,
  });
}

/** Copies a rubric into a new draft. */
export async function copyRubric(id: number, body: { code?: string; name?: string }): Promise<RubricDetail> {
  return (await api.post<{ rubric: RubricDetail }>(`/api/rubrics/${id}/copy`, body)).rubric;
}

/** Changes a draft rubric (saved even with errors; the answer lists them). */
export async function updateRubric(id: number, body: Record<string, unknown>): Promise<RubricDetail> {
  return (await api.patch<{ rubric: RubricDetail }>(`/api/rubrics/${id}`, body)).rubric;
}

/** Activates or retires a rubric. */
export async function setRubricStatus(id: number, action: 'activate' | 'retire'): Promise<RubricDetail> {
  return (await api.post<{ rubric: RubricDetail }>(`/api/rubrics/${id}/${action}`)).rubric;
}

/** Campaigns in scope, optionally of one year. */
export function campaignsQuery(year?: number) {
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'campaigns', year ?? 'all'],
    queryFn: ({ signal }) => api.get<{ items: Campaign[] }>('/api/assessment-campaigns', { year }, signal),
  });
}

/** One campaign with its counts. */
export function campaignQuery(id: number) {
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'campaign', id],
    queryFn: async ({ signal }) =>
      (await api.get<{ campaign: CampaignDetail }>(`/api/assessment-campaigns/${id}`, undefined, signal))
        .campaign,
  });
}

/** What opening a campaign takes. */
export interface OpenCampaignBody {
  provinceId: number;
  year: number;
  rubricVersionId: number;
  selfDeadline?: string;
  communeDeadline?: string;
  provinceDeadline?: string;
}

/** The outcome of opening a campaign. */
export interface OpenCampaignResult {
  campaign: Campaign;
  results: { created: number; excluded: number; skipped: number };
  warnings: string[];
}

/** Opens the campaign of a province and year. */
export function openCampaign(body: OpenCampaignBody): Promise<OpenCampaignResult> {
  return api.post<OpenCampaignResult>('/api/assessment-campaigns', body);
}

/** Changes a campaign's deadlines. */
export async function updateCampaign(
  id: number,
  body: { selfDeadline?: string; communeDeadline?: string; provinceDeadline?: string; version: number },
): Promise<Campaign> {
  return (await api.patch<{ campaign: Campaign }>(`/api/assessment-campaigns/${id}`, body)).campaign;
}

/** Closes a campaign (cooperatives that did not submit get the reason "not submitted"). */
export function closeCampaign(id: number): Promise<{ campaign: Campaign; notSubmitted: number }> {
  return api.post(`/api/assessment-campaigns/${id}/close`);
}

/** The status board of a unit and year. */
export function boardQuery(unitId: number, year: number) {
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'board', unitId, year],
    queryFn: ({ signal }) => api.get<Board>('/api/assessment-board', { unitId, year }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The band report of a unit and year. */
export function unitReportQuery(unitId: number, year: number) {
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'report', unitId, year],
    queryFn: ({ signal }) => api.get<UnitReport>('/api/assessment-reports', { unitId, year }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the unit report as Excel. */
export function exportUnitReport(unitId: number, year: number): Promise<string> {
  return apiDownload('/api/assessment-reports/export', { unitId, year }, `xep-loai-htx-${year}.xlsx`);
}

/** Downloads the template for past results. */
export function downloadImportTemplate(): Promise<string> {
  return apiDownload('/api/assessment-imports/template', undefined, 'mau-nhap-ket-qua-danh-gia.xlsx');
}

/** Uploads a file as an attachment of an owner and returns it. */
export async function uploadAttachment(
  ownerType: string,
  ownerId: string,
  file: File,
): Promise<AttachmentInfo> {
  const form = new FormData();
  form.set('ownerType', ownerType);
  form.set('ownerId', ownerId);
  form.set('file', file);
  return (await apiUpload<{ attachment: AttachmentInfo }>('/api/attachments', form)).attachment;
}

/** Runs (commit false) or commits an import of past results from an uploaded file. */
export function runAssessmentImport(attachmentId: number, commit: boolean): Promise<AssessmentImportResult> {
  return api.post<AssessmentImportResult>('/api/assessment-imports', { attachmentId, commit });
}

/** An organisation's results over the years. */
export function historyQuery(orgId: number) {
  return queryOptions({
    queryKey: [...orgKey(orgId), 'assessments'],
    queryFn: ({ signal }) =>
      api.get<{ items: HistoryItem[] }>(`/api/organisations/${orgId}/assessments`, undefined, signal),
  });
}

const path = (orgId: number, year: number) => `/api/organisations/${orgId}/assessments/${year}`;

/** One organisation's assessment of a year. */
export function assessmentQuery(orgId: number, year: number) {
  return queryOptions({
    queryKey: [...orgKey(orgId), 'assessment', year],
    queryFn: async ({ signal }) =>
      (await api.get<{ assessment: Assessment }>(path(orgId, year), undefined, signal)).assessment,
  });
}

/** A score with its note. */
export interface ScoreIn {
  code: string;
  score: number | null;
  note?: string | null;
}

/** What the cooperative saves. */
export interface SaveAssessmentBody {
  scores?: ScoreIn[];
  board?: { name: string; approvedOn: string } | null;
  supervisor?: { name: string; approvedOn: string } | null;
  survey?: { validForms: number; scoreSum: number } | null;
  serviceType?: string | null;
  version?: number;
}

/** Saves the self-assessment. */
export async function saveAssessment(
  orgId: number,
  year: number,
  body: SaveAssessmentBody,
): Promise<Assessment> {
  return (await api.put<{ assessment: Assessment }>(path(orgId, year), body)).assessment;
}

/** Body of each workflow step. */
export type AssessmentStep =
  | { action: 'submit' | 'publish'; comment?: string }
  | { action: 'accept'; comment?: string; officerScores?: ScoreIn[] }
  | { action: 'return'; comment: string; items?: { code: string; comment: string }[] }
  | { action: 'confirm'; comment?: string; officerScores?: ScoreIn[]; sanctioned?: boolean | null }
  | { action: 'reopen'; comment: string };

/** Moves an assessment along the workflow. */
export async function transitionAssessment(
  orgId: number,
  year: number,
  step: AssessmentStep,
): Promise<Assessment> {
  const { action, ...body } = step;
  return (await api.post<{ assessment: Assessment }>(`${path(orgId, year)}/${action}`, body)).assessment;
}

/** A past result entered by hand. */
export interface RecordBody {
  total?: number | null;
  band?: string | null;
  notClassifiedReason?: string | null;
}

/** Records a past year's result (imported = true). */
export async function recordAssessment(orgId: number, year: number, body: RecordBody): Promise<Assessment> {
  return (await api.post<{ assessment: Assessment }>(`${path(orgId, year)}/record`, body)).assessment;
}

/** Downloads the Phụ lục 2 form as PDF. */
export function downloadAssessmentPdf(orgId: number, year: number): Promise<string> {
  return apiDownload(`${path(orgId, year)}/pdf`, undefined, `bang-danh-gia-${year}.pdf`);
}

/** The owner id of the files attached to one item of an assessment. */
export const itemOwnerId = (assessmentId: number, code: string) => `${assessmentId}-${code}`;

/** Files attached to an assessment (all items: owner ids "<id>-<code>" are listed one by one). */
export function itemAttachmentsQuery(assessmentId: number, code: string) {
  const ownerId = itemOwnerId(assessmentId, code);
  return queryOptions({
    queryKey: [...ASSESSMENT_KEY, 'attachments', ownerId],
    queryFn: ({ signal }) =>
      api.get<{ items: AttachmentInfo[] }>('/api/attachments', { ownerType: 'assessment', ownerId }, signal),
  });
}

/** Downloads one attachment. */
export function downloadAttachment(a: AttachmentInfo): Promise<string> {
  return apiDownload(`/api/attachments/${a.id}`, undefined, a.fileName);
}
