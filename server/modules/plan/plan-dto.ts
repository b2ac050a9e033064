import { builtInIndicator } from '../../../core/indicator/catalogue.js';
import type { PlanRow, TargetRow, TaskRow } from './plan.repo.js';

/** Vietnamese names of plan kinds. */
export const PLAN_KINDS = [
  { value: 'ke_hoach', vi: 'Kế hoạch', en: 'Plan' },
  { value: 'chuong_trinh_hanh_dong', vi: 'Chương trình hành động', en: 'Programme of action' },
  { value: 'de_an', vi: 'Đề án', en: 'Scheme' },
  { value: 'nghi_quyet', vi: 'Nghị quyết', en: 'Resolution' },
  { value: 'quyet_dinh', vi: 'Quyết định', en: 'Decision' },
] as const;
export const PLAN_STATUSES = [
  { value: 'draft', vi: 'Dự thảo', en: 'Draft' },
  { value: 'in_force', vi: 'Đang thực hiện', en: 'In force' },
  { value: 'expired', vi: 'Đã hết thời hạn', en: 'Expired' },
  { value: 'superseded', vi: 'Đã được thay thế', en: 'Superseded' },
] as const;

const legal = (v: unknown): string[] => {
  const x = typeof v === 'string' ? JSON.parse(v) : v;
  return Array.isArray(x) ? x.map(String) : [];
};

/** A plan's header as the API returns it. */
export function planDto(p: PlanRow, unitLabel: string) {
  return {
    id: p.id,
    code: p.code,
    number: p.number,
    kind: p.kind,
    kindLabel: PLAN_KINDS.find((k) => k.value === p.kind)?.vi ?? p.kind,
    title: p.title,
    issuer: p.issuer,
    signer: p.signer,
    issuedOn: p.issued_on,
    unitId: p.unit_id,
    unitLabel,
    provinceId: p.province_id,
    startYear: p.start_year,
    endYear: p.end_year,
    legalBases: legal(p.legal_bases),
    status: p.status,
    statusLabel: PLAN_STATUSES.find((s) => s.value === p.status)?.vi ?? p.status,
    summary: p.summary,
    version: p.version,
  };
}
export type PlanDto = ReturnType<typeof planDto>;

/** A target's stored definition as the API returns it. */
export function targetDefDto(t: TargetRow, indicatorName: string | null) {
  return {
    id: t.id,
    code: t.code,
    part: t.part,
    parentId: t.parent_id,
    relation: t.relation,
    objective: t.objective,
    indicatorKey: t.indicator_key,
    indicatorName: indicatorName ?? builtInIndicator(t.indicator_key)?.name.vi ?? t.indicator_key,
    unit: t.unit_label,
    comparator: t.comparator,
    value: Number(t.value),
    valueMax: t.value_max === null ? null : Number(t.value_max),
    tolerance: t.tolerance === null ? null : Number(t.tolerance),
    targetYear: t.target_year,
    recurring: t.recurring,
    periodStart: t.period_start,
    baselineValue: t.baseline_value === null ? null : Number(t.baseline_value),
    baselineDate: t.baseline_date,
    wording: t.wording,
    note: t.note,
    allocationLevel: t.allocation_level,
    partition: t.partition,
    sort: t.sort,
  };
}

/** A task as the API returns it. */
export function taskDto(t: TaskRow) {
  return {
    id: t.id,
    agency: t.agency,
    task: t.task,
    dueOn: t.due_on,
    recurrence: t.recurrence,
    deadlineMd: t.deadline_md,
    status: t.status,
    note: t.note,
    sort: t.sort,
  };
}
