/** Indicator calls: the catalogue, values, manual figures with their source, officer-defined indicators. */

import { queryOptions } from '@tanstack/react-query';
import type { IndicatorEvaluation } from '../../../core/indicator/evaluation';
import type { IndicatorSpec } from '../../../core/indicator/spec';
import { api } from './client';
import type { CountedPage, Territory } from './plans';

/** An indicator of the catalogue (built-in or defined by an officer). */
export interface Indicator {
  key: string;
  builtIn: boolean;
  id: number | null;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  unit: string;
  spec: IndicatorSpec;
  provinceId: number | null;
  version: number | null;
}

export type { IndicatorEvaluation };

/** A manually entered figure with its source. */
export interface ManualValue {
  id: number;
  indicatorKey: string;
  unitId: number | null;
  provinceId: number | null;
  year: number;
  value: number;
  source: string;
  note: string | null;
  version: number;
  updatedAt: string;
}

/** Body of POST /api/indicator-values. */
export interface ManualValueInput {
  indicatorKey: string;
  unitId: number | null;
  year: number;
  value: number;
  source: string;
  note?: string | null;
}

/** Body of POST /api/indicators/custom. */
export interface CustomIndicatorInput {
  key?: string;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  unit: string;
  spec: IndicatorSpec;
}

/** What POST /api/indicators/preview answers. */
export interface IndicatorPreview {
  spec: IndicatorSpec;
  territory: Territory;
  date: string;
  evaluation: IndicatorEvaluation;
  organisations: CountedPage;
}

const indicatorsKey = ['indicators'] as const;

/** The catalogue (built-in first, then those defined in the caller's province or nationally). */
export function indicatorsQuery() {
  return queryOptions({
    queryKey: [...indicatorsKey, 'list'],
    queryFn: ({ signal }) => api.get<{ items: Indicator[] }>('/api/indicators', undefined, signal),
    staleTime: 60_000,
  });
}

/** Manual figures in scope, optionally of one indicator. */
export function manualValuesQuery(indicatorKey?: string) {
  return queryOptions({
    queryKey: [...indicatorsKey, 'manual', indicatorKey ?? null],
    queryFn: ({ signal }) =>
      api.get<{ items: ManualValue[] }>('/api/indicator-values', { indicatorKey }, signal),
  });
}

/** An indicator's value for a unit at a date, with its yearly series. */
export function indicatorValueQuery(key: string, unitId?: number, date?: string) {
  return queryOptions({
    queryKey: [...indicatorsKey, 'value', key, unitId ?? null, date ?? null],
    queryFn: ({ signal }) =>
      api.get<{ indicator: Indicator; territory: Territory; date: string; evaluation: IndicatorEvaluation }>(
        `/api/indicators/${key}/value`,
        { unitId, date },
        signal,
      ),
    staleTime: 0,
  });
}

/** Writes of manual figures and officer-defined indicators. */
export const indicatorApi = {
  createValue: (body: ManualValueInput) => api.post<ManualValue>('/api/indicator-values', body),
  updateValue: (
    id: number,
    body: Partial<Omit<ManualValueInput, 'indicatorKey' | 'unitId'>> & { version: number },
  ) => api.patch<ManualValue>(`/api/indicator-values/${id}`, body),
  deleteValue: (id: number) => api.del(`/api/indicator-values/${id}`),
  createCustom: (body: CustomIndicatorInput) => api.post<Indicator>('/api/indicators/custom', body),
  deleteCustom: (id: number) => api.del(`/api/indicators/custom/${id}`),
  preview: (body: { spec: IndicatorSpec; unitId?: number | null; date?: string }) =>
    api.post<IndicatorPreview>('/api/indicators/preview', body),
};

/** Query key prefix of everything about indicators (invalidated after a write). */
export { indicatorsKey };
