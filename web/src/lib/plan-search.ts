/** Validation of the URL search params of the plan and indicator pages (bookmarkable, hand-edit safe). */
import { isIsoDate } from './calendar';

/** The document kinds and statuses a plan can have (server/modules/plan/plan-dto.ts). */
export const PLAN_KINDS = [
  'ke_hoach',
  'chuong_trinh_hanh_dong',
  'de_an',
  'nghi_quyet',
  'quyet_dinh',
] as const;
export const PLAN_STATUSES = ['draft', 'in_force', 'expired', 'superseded'] as const;

/** Search params of /plans. */
export interface PlansSearch {
  view?: 'overview' | 'list';
  provinceId?: number;
  date?: string;
  unitId?: number;
  kind?: string;
  status?: string;
  year?: number;
  page?: number;
}

/** Search params of /plans/$id: the evaluation date (today when absent) and a unit of its territory (all when absent). */
export interface PlanPageSearch {
  date?: string;
  unitId?: number;
}

/** Search params of /indicators. */
export interface IndicatorsSearch {
  tab?: 'catalogue' | 'manual' | 'builder';
}

function positiveInt(v: unknown, max = 2_147_483_647): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 0 && n <= max ? n : undefined;
}

const clean = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Keeps known values only. */
export function validatePlansSearch(s: Record<string, unknown>): PlansSearch {
  const year = positiveInt(s.year);
  return clean({
    view: s.view === 'overview' || s.view === 'list' ? s.view : undefined,
    provinceId: positiveInt(s.provinceId),
    date: isIsoDate(s.date) ? s.date : undefined,
    unitId: positiveInt(s.unitId),
    kind: (PLAN_KINDS as readonly unknown[]).includes(s.kind) ? (s.kind as string) : undefined,
    status: (PLAN_STATUSES as readonly unknown[]).includes(s.status) ? (s.status as string) : undefined,
    year: year !== undefined && year >= 1990 && year <= 2100 ? year : undefined,
    page: positiveInt(s.page, 100_000),
  });
}

/** Keeps a well-formed date and unit id (the server refuses a unit outside the plan's territory). */
export function validatePlanPageSearch(s: Record<string, unknown>): PlanPageSearch {
  return clean({ date: isIsoDate(s.date) ? s.date : undefined, unitId: positiveInt(s.unitId) });
}

/** Keeps a known tab (the catalogue is the default). */
export function validateIndicatorsSearch(s: Record<string, unknown>): IndicatorsSearch {
  return s.tab === 'manual' || s.tab === 'builder' ? { tab: s.tab } : {};
}
