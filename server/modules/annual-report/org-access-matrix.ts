/**
 * A local run of the access matrix over one module's cases, so the cases are checked before the shared
 * matrix (server/http/access-matrix.test.ts) wires them in. The expectation follows from the declaration
 * alone: 401 anonymous, 403 without the permission, 404 outside the scope, else 2xx. Scope rules used by
 * the registry modules: 'org' (the organisation must lie in the caller's subtree: province, commune, or the
 * organisation itself) and 'list'.
 */
import { expect } from 'vitest';
import type { Role } from '../../../core/permissions.js';
import { declaredRoutes, roleMeets } from '../../http/route.js';
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness, TestClient } from '../../test/harness.js';

const TARGETS: MatrixTarget[] = ['own', 'sibling', 'other', 'nation'];
const CALLERS: { name: string; role: Role | null; sees: MatrixTarget[] }[] = [
  { name: 'anonymous', role: null, sees: [] },
  { name: 'national', role: 'national', sees: TARGETS },
  { name: 'padmin', role: 'province_admin', sees: ['own', 'sibling'] },
  { name: 'pofficer', role: 'province_officer', sees: ['own', 'sibling'] },
  { name: 'cofficer', role: 'commune_officer', sees: ['own'] },
  { name: 'coop', role: 'coop_user', sees: ['own'] },
];

/** Runs every case for every caller and target; returns the mismatches (empty when the matrix holds) and how often each outcome was expected. */
export async function runOrgMatrix(h: Harness, fx: MatrixFixtures, cases: MatrixCases, prefix: string) {
  const routes = declaredRoutes().filter((d) => d.id.startsWith(prefix));
  expect(routes.map((r) => r.id).sort()).toEqual(Object.keys(cases).sort());
  const clients = new Map<string, TestClient>();
  for (const c of CALLERS) clients.set(c.name, c.role ? await h.login(c.name) : h.anonymous());
  const mismatches: string[] = [];
  const expected: Record<number, number> = { 200: 0, 401: 0, 403: 0, 404: 0 };
  for (const route of routes) {
    const { permission, scope } = route.access;
    for (const caller of CALLERS) {
      for (const target of TARGETS) {
        const req = await cases[route.id](target, fx, h);
        if (!req) continue;
        const want = !caller.role
          ? 401
          : !roleMeets(caller.role, permission)
            ? 403
            : scope === 'org' && !caller.sees.includes(target)
              ? 404
              : 200;
        expected[want]++;
        const r = await clients.get(caller.name)!.req(req.method, req.path, req.body);
        const ok = want === 200 ? r.status >= 200 && r.status < 300 : r.status === want;
        if (!ok)
          mismatches.push(
            `${route.id} ${caller.name} → ${target}: expected ${want}, got ${r.status} ${r.text.slice(0, 160)}`,
          );
      }
    }
  }
  return { mismatches, expected };
}
