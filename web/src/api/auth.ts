/** Session calls: who am I, sign in, sign out, change password. */
import { queryOptions } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type { Me } from './types';

/** Query key of the signed-in user; null data means "not signed in". */
export const ME_KEY = ['me'] as const;

/** The current user, or null when the session is missing or expired. */
export function meQueryOptions() {
  return queryOptions({
    queryKey: ME_KEY,
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await api.get<Me>('/api/auth/me', undefined, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
    // Coming back to the tab re-checks the session, so an expired one leads to /login at once.
    refetchOnWindowFocus: true,
  });
}

/** Signs in and returns the user. */
export async function login(username: string, password: string): Promise<Me> {
  const res = await api.post<{ user: Me }>('/api/auth/login', { username, password });
  return res.user;
}

/** Ends the session on the server. */
export function logout(): Promise<void> {
  return api.post<void>('/api/auth/logout');
}

/** Changes the signed-in user's own password. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password', { currentPassword, newPassword });
}
