/** Audit log queries. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client';
import type { AuditEntry, Page } from './types';

/** Filters of the audit log; dates are YYYY-MM-DD, inclusive. */
export interface AuditParams {
  actorId?: number;
  entityType?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** One page of audit rows, newest first. */
export function auditQuery(params: AuditParams) {
  return queryOptions({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
