import type { Harness, standardUsers } from './harness.js';

/**
 * Shared shape of the access-matrix cases each module contributes (server/modules/<m>/<m>.access-cases.ts).
 * Targets: 'own' = inside the caller's home scope (Lạng Sơn / commune Đồng Đăng / the own organisation),
 * 'sibling' = another commune of the same province, 'other' = another province (Ninh Bình),
 * 'nation' = a national-level resource (or the same as 'other' when the resource has no national form).
 */
export type MatrixTarget = 'own' | 'sibling' | 'other' | 'nation';

/** Fixture ids created by standardUsers(h): units and the three organisations. */
export type MatrixFixtures = Awaited<ReturnType<typeof standardUsers>>;

/** One request to send; `form` for multipart routes. */
export interface MatrixRequest {
  method: string;
  path: string;
  body?: unknown;
  form?: () => FormData;
}

/** Builds the request for a target (null = the route has no such target; the matrix then skips that cell). */
export type MatrixCase = (
  target: MatrixTarget,
  fx: MatrixFixtures,
  h: Harness,
) => Promise<MatrixRequest | null> | MatrixRequest | null;

/** A module's cases keyed by the route id given to declareRoute(). */
export type MatrixCases = Record<string, MatrixCase>;
