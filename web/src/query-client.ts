/** The one react-query client of the app. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/** Shared query client: no retries for client errors, which would fail the same way again. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
