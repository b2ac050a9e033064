/** Administrative unit queries. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { Unit, UnitDetail, UnitLevel, UnitStats } from './types';

/** Counts of units before and after the 1/7/2025 reorganisation. */
export function unitStatsQuery() {
  return queryOptions({
    queryKey: ['units', 'stats'],
    queryFn: ({ signal }) => api.get<UnitStats>('/api/units/stats', undefined, signal),
    staleTime: 60 * 60_000,
  });
}

/** Units valid at `date` under `parentId` (provinces when no parent). */
export function unitListQuery(params: { date: string; parentId?: number; level?: UnitLevel }) {
  return queryOptions({
    queryKey: ['units', 'list', params],
    queryFn: ({ signal }) => api.get<{ items: Unit[] }>('/api/units', params, signal),
    staleTime: 10 * 60_000,
  });
}

/** Server-side unit search by name or code, for the unit picker. */
export function unitSearchQuery(params: { q: string; date?: string; level?: UnitLevel; limit?: number }) {
  return queryOptions({
    queryKey: ['units', 'search', params],
    queryFn: ({ signal }) =>
      api.get<{ items: Unit[] }>('/api/units/search', { limit: 20, ...params }, signal),
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** One unit with its ancestors, children and reorganisation lineage. */
export function unitDetailQuery(id: number) {
  return queryOptions({
    queryKey: ['units', 'detail', id],
    queryFn: ({ signal }) => api.get<UnitDetail>(`/api/units/${id}`, undefined, signal),
    staleTime: 10 * 60_000,
  });
}
