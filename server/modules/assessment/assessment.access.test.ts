/**
 * The assessment access cases hold against the declarations, strictly: every route × role × target answers
 * 401 / 403 / 404 exactly as its permission and scope rule say, and 2xx otherwise (the shared matrix in
 * server/http/access-matrix.test.ts only requires "not an access error" for module cases).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../../core/permissions.js';
import { declaredRoutes, roleMeets, type ScopeRule } from '../../http/route.js';
import type { MatrixTarget } from '../../test/access-cases.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { assessmentCases } from './assessment.access-cases.js';

const TARGETS: MatrixTarget[] = ['own', 'sibling', 'other', 'nation'];
const IN_LS: MatrixTarget[] = ['own', 'sibling'];
const CALLERS: {
  name: string;
  role: Role | null;
  province: MatrixTarget[];
  commune: MatrixTarget[];
  org: MatrixTarget[];
}[] = [
  { name: 'anonymous', role: null, province: [], commune: [], org: [] },
  { name: 'national', role: 'national', province: TARGETS, commune: TARGETS, org: TARGETS },
  { name: 'padmin', role: 'province_admin', province: IN_LS, commune: IN_LS, org: IN_LS },
  { name: 'pofficer', role: 'province_officer', province: IN_LS, commune: IN_LS, org: IN_LS },
  { name: 'cofficer', role: 'commune_officer', province: IN_LS, commune: ['own'], org: ['own'] },
  { name: 'coop', role: 'coop_user', province: IN_LS, commune: [], org: ['own'] },
];

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
});
afterAll(() => h.close());

function visible(scope: ScopeRule, caller: (typeof CALLERS)[number], t: MatrixTarget): boolean {
  if (scope === 'province' || scope === 'commune' || scope === 'org') return caller[scope].includes(t);
  return true;
}

it('every assessment route answers 401/403/404/2xx exactly as its declaration says', async () => {
  const routes = declaredRoutes().filter((d) => Object.hasOwn(assessmentCases, d.id));
  expect(routes.map((r) => r.id).sort()).toEqual(Object.keys(assessmentCases).sort());
  const clients = new Map<string, TestClient>();
  for (const c of CALLERS) clients.set(c.name, c.role ? await h.login(c.name) : h.anonymous());
  const mismatches: string[] = [];
  const seen: Record<number, number> = { 200: 0, 401: 0, 403: 0, 404: 0 };
  for (const route of routes) {
    const { permission, scope } = route.access;
    for (const caller of CALLERS) {
      for (const target of TARGETS) {
        const req = await assessmentCases[route.id](target, fx, h);
        if (!req) continue;
        const want = !caller.role
          ? 401
          : !roleMeets(caller.role, permission)
            ? 403
            : visible(scope, caller, target)
              ? 200
              : 404;
        seen[want]++;
        const r = await clients.get(caller.name)!.req(req.method, req.path, req.body);
        const ok = want === 200 ? r.status >= 200 && r.status < 300 : r.status === want;
        if (!ok)
          mismatches.push(
            `${route.id} ${caller.name} → ${target}: expected ${want}, got ${r.status} ${r.text.slice(0, 160)}`,
          );
      }
    }
  }
  expect(mismatches).toEqual([]);
  for (const status of [200, 401, 403, 404]) expect(seen[status], String(status)).toBeGreaterThan(0);
  expect(routes).toHaveLength(27);
});
