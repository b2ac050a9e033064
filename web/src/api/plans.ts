/** Plan calls: list, province overview, plan page with live target evaluations, drill-down, edits, exports. */

import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PlanInput, TargetEvaluation, TargetInput } from '../../../core/plan/contracts';
import { api, apiDownload } from './client';
import type { Unit } from './types';

/** A plan's header (GET /api/plans/{id} → plan). */
export type { PlanInput, TargetEvaluation, TargetInput };

export interface Plan {
  id: number;
  code: string | null;
  number: string | null;
  kind: string;
  kindLabel: string;
  title: string;
  issuer: string;
  signer: string | null;
  issuedOn: string | null;
  unitId: number | null;
  unitLabel: string;
  provinceId: number | null;
  startYear: number;
  endYear: number;
  legalBases: string[];
  status: string;
  statusLabel: string;
  summary: string | null;
  version: number;
}

/** Targets per status: achieved, on_track, at_risk, not_achieved, no_data. */
export type StatusSummary = Record<string, number>;

/** A row of the plan list. */
export interface PlanListItem extends Plan {
  targetCount: number;
  statusCounts: StatusSummary;
}

/** The area a plan covers, possibly a unit that no longer exists. */
export interface Territory {
  unitId: number | null;
  label: string;
  era: string | null;
  approximate: boolean;
  explanation: string | null;
}

/** A child unit's result for an allocated target. */
export interface AllocationResult {
  unitId: number;
  label: string;
  actual: number | null;
  status: string;
  statusLabel: string;
  approximate: boolean;
}

/** What a target shows for the chosen unit: its allocation, or the unit's actual with no figure of its own. */
export type UnitView =
  | { mode: 'allocation'; targetId: number; code: string; part: string; figureText: string }
  | { mode: 'contribution'; additive: boolean; note: string };

/** A target on the plan page. */
export interface PlanTarget extends Required<Omit<TargetInput, 'relation'>> {
  id: number;
  relation: 'of_which' | 'allocated' | null;
  indicatorName: string;
  figureText: string;
  indicatorUnit: string | null;
  evaluation: TargetEvaluation;
  /** Null for the whole territory; set when the page is read for one unit. */
  unitView: UnitView | null;
  children: AllocationResult[] | null;
}

/** The unit the plan page is read for (GET /api/plans/{id}?unitId). */
export interface PlanUnit {
  id: number;
  label: string;
  era: string | null;
  level: number;
  approximate: boolean;
  explanation: string | null;
}

/** A task of "Tổ chức thực hiện". */
export interface PlanTask {
  id: number;
  agency: string;
  task: string;
  dueOn: string | null;
  recurrence: 'semiannual' | 'annual' | null;
  deadlineMd: string | null;
  status: 'open' | 'in_progress' | 'done';
  note: string | null;
  sort: number;
}

/** The result of a consistency check of a target and its parts. */
export interface ConsistencyCheck {
  targetId: number;
  code: string;
  part: string;
  partIds: number[];
  consistent: boolean;
  reason: string;
}

/** A file attached to the plan (its original text). */
export interface PlanAttachment {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** GET /api/plans/{id}. */
export interface PlanPage {
  plan: Plan;
  territory: Territory;
  unit: PlanUnit | null;
  /** The units the filter offers: the plan's unit, its former districts, today's communes of its territory. */
  unitChoices: Unit[];
  date: string;
  summary: StatusSummary;
  targets: PlanTarget[];
  tasks: PlanTask[];
  consistency: ConsistencyCheck[];
  attachments: PlanAttachment[];
}

/** One plan of the province overview. */
export interface OverviewPlan {
  plan: Plan;
  summary: StatusSummary;
  targetCount: number;
  approximate: boolean;
  atRisk: { id: number; code: string; part: string; wording: string; status: string }[];
}

/** An organisation counted in a target (drill-down). */
export interface CountedOrganisation {
  id: number;
  name: string;
  regCode: string;
  kind: string;
  field: string | null;
  legalStatus: string;
  communeName: string;
}

/** One page of the drill-down. */
export interface CountedPage {
  items: CountedOrganisation[];
  total: number;
  page: number;
  pageSize: number;
  figuresYear: number | null;
  set: string;
  note: string | null;
}

/** Filters of the plan list. */
export interface PlanListParams {
  unitId?: number;
  year?: number;
  status?: string;
  kind?: string;
  page: number;
  pageSize: number;
}

/** Everything about plans is fresh on each visit: an actual changes the moment a registry write commits. */
export const plansKey = ['plans'] as const;

/** The plan list. */
export function plansQuery(params: PlanListParams) {
  return queryOptions({
    queryKey: [...plansKey, 'list', params],
    queryFn: ({ signal }) =>
      api.get<{ items: PlanListItem[]; total: number }>('/api/plans', { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The plans in force of a province, each with its status counts. */
export function overviewQuery(provinceId: number, date?: string) {
  return queryOptions({
    queryKey: [...plansKey, 'overview', provinceId, date ?? null],
    queryFn: ({ signal }) =>
      api.get<{ provinceId: number; provinceLabel: string; date: string; plans: OverviewPlan[] }>(
        '/api/plans/overview',
        { provinceId, date },
        signal,
      ),
    staleTime: 0,
  });
}

/** One plan with its targets evaluated at `date` (today by default), for its whole territory or one unit. */
export function planPageQuery(id: number, date?: string, unitId?: number) {
  return queryOptions({
    queryKey: [...plansKey, 'page', id, date ?? null, unitId ?? null],
    queryFn: ({ signal }) => api.get<PlanPage>(`/api/plans/${id}`, { date, unitId }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

type DrillSet = 'numerator' | 'denominator';
/** The organisations counted in a target's numerator or denominator (for one unit when `unitId` is set). */
export function targetOrganisationsQuery(
  planId: number,
  targetId: number,
  params: { date?: string; unitId?: number; set: DrillSet; page: number; pageSize: number },
) {
  return queryOptions({
    queryKey: [...plansKey, 'drill', planId, targetId, params],
    queryFn: ({ signal }) =>
      api.get<CountedPage>(`/api/plans/${planId}/targets/${targetId}/organisations`, { ...params }, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Writes of plans, targets and tasks. */
export const planApi = {
  create: (body: PlanInput) => api.post<Plan>('/api/plans', body),
  update: (id: number, body: Partial<PlanInput> & { version: number }) =>
    api.patch<Plan>(`/api/plans/${id}`, body),
  createTarget: (id: number, body: TargetInput) => api.post<PlanTarget>(`/api/plans/${id}/targets`, body),
  updateTarget: (id: number, targetId: number, body: TargetInput) =>
    api.patch<PlanTarget>(`/api/plans/${id}/targets/${targetId}`, body),
  deleteTarget: (id: number, targetId: number) => api.del(`/api/plans/${id}/targets/${targetId}`),
  createTask: (id: number, body: Omit<PlanTask, 'id' | 'sort'>) =>
    api.post<PlanTask>(`/api/plans/${id}/tasks`, body),
  updateTask: (id: number, taskId: number, body: Partial<Omit<PlanTask, 'id'>>) =>
    api.patch<PlanTask>(`/api/plans/${id}/tasks/${taskId}`, body),
  deleteTask: (id: number, taskId: number) => api.del(`/api/plans/${id}/tasks/${taskId}`),
  exportFile: (id: number, format: 'xlsx' | 'pdf', date?: string, unitId?: number) =>
    apiDownload(`/api/plans/${id}/export.${format}`, { date, unitId }, `ke-hoach-${id}.${format}`),
};
