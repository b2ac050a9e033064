/** User administration calls. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Role } from '../../../core/permissions';
import { api } from './client';
import type { Page, User } from './types';

/** Filter and page of the user list. */
export interface UserListParams {
  q?: string;
  page: number;
  pageSize: number;
}

/** Users in the caller's scope, one page at a time. */
export function usersQuery(params: UserListParams) {
  return queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Body of POST /api/users. */
export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string;
  role: Role;
  scopeUnitId?: number;
  organisationId?: number;
  password: string;
}

/** Creates a user account. */
export async function createUser(input: CreateUserInput): Promise<User> {
  return (await api.post<{ user: User }>('/api/users', input)).user;
}

/** Issues a new temporary password, shown to the administrator once. */
export async function resetUserPassword(id: number): Promise<string> {
  return (await api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`)).temporaryPassword;
}

/** Activates or deactivates an account. */
export async function setUserActive(id: number, active: boolean): Promise<User> {
  const action = active ? 'activate' : 'deactivate';
  return (await api.post<{ user: User }>(`/api/users/${id}/${action}`)).user;
}
