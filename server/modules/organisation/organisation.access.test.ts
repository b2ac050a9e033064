/**
 * The organisation routes against their declarations, with this module's access-matrix cases: anonymous →
 * 401, a role without the permission → 403, an organisation outside the caller's subtree → 404 (scope 'org':
 * province roles see their province, a commune officer its commune, a cooperative user itself), otherwise
 * 2xx. The generated matrix (server/http) runs the same cases for every module; this keeps the module honest
 * on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPermission, type Role } from '../../../core/permissions.js';
import { declaredRoutes, roleMeets } from '../../http/route.js';
import type { MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { organisationCases } from './organisation.access-cases.js';
import { expectProblem } from './organisation.test-helpers.js';

const TARGETS: MatrixTarget[] = ['own', 'sibling', 'other', 'nation'];
const CALLERS: { name: string; role: Role | null }[] = [
  { name: 'anonymous', role: null },
  { name: 'national', role: 'national' },
  { name: 'padmin', role: 'province_admin' },
  { name: 'pofficer', role: 'province_officer' },
  { name: 'cofficer', role: 'commune_officer' },
  { name: 'coop', role: 'coop_user' },
];
/** Which targets each caller's subtree holds under the 'org' rule. */
const SEES: Record<string, MatrixTarget[]> = {
  national: TARGETS,
  padmin: ['own', 'sibling'],
  pofficer: ['own', 'sibling'],
  cofficer: ['own'],
  coop: ['own'],
};
/** Route-level permission where the declaration says 'authenticated' and the service decides. */
const SERVICE_PERMISSION: Record<string, (role: Role) => boolean> = {
  'organisations.update': (role) => hasPermission(role, 'org.write') || hasPermission(role, 'org.self_edit'),
};

let h: Harness;
let fx: MatrixFixtures;
const clients = new Map<string, TestClient>();

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const c of CALLERS) clients.set(c.name, c.role ? await h.login(c.name) : h.anonymous());
});
afterAll(() => h.close());

/** PATCH as a freshly logged-in user, with the organisation's current version (1 when it does not exist). */
async function patch(username: string, id: number, changes: Record<string, unknown>, version?: number) {
  const row = await h.database.db
    .selectFrom('organisation')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  const client = await h.login(username);
  return client.patch(`/api/organisations/${id}`, { changes, version: version ?? row?.version ?? 1 });
}

describe('scope of PATCH and GET', () => {
  it("answers 404 for an organisation outside the caller's subtree", async () => {
    expectProblem(await patch('cofficer.sibling', fx.orgOwn, { phone: '1' }), 404, 'not_found');
    expectProblem(
      await (await h.login('cofficer.sibling')).get(`/api/organisations/${fx.orgOwn}`),
      404,
      'not_found',
    );
    expectProblem(await patch('cofficer', fx.orgSibling, { phone: '1' }), 404, 'not_found');
    expectProblem(await patch('pofficer', fx.orgOther, { phone: '1' }), 404, 'not_found');
    expectProblem(await patch('coop', fx.orgSibling, { phone: '1' }), 404, 'not_found');
    expectProblem(await patch('pofficer', 99_999_999, { phone: '1' }, 1), 404, 'not_found');
  });
});

describe('organisation access cases', () => {
  const routes = () =>
    declaredRoutes().filter((r) => r.id.startsWith('organisations.') || r.id.startsWith('change_requests.'));

  it('cover every organisation route, and nothing else', () => {
    expect(
      routes()
        .map((r) => r.id)
        .sort(),
    ).toEqual(Object.keys(organisationCases).sort());
    for (const r of routes()) expect(['org', 'list'], r.id).toContain(r.access.scope);
  });

  it('give each caller exactly the outcome the declaration promises', async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      for (const caller of CALLERS) {
        for (const target of TARGETS) {
          const req = await organisationCases[route.id](target, fx, h);
          if (!req) continue;
          const r = await clients.get(caller.name)!.req(req.method, req.path, req.body);
          const { permission, scope } = route.access;
          let want: number | '2xx';
          if (!caller.role) want = 401;
          else if (!roleMeets(caller.role, permission)) want = 403;
          else if (SERVICE_PERMISSION[route.id] && !SERVICE_PERMISSION[route.id](caller.role)) want = 403;
          else if (scope === 'org' && !SEES[caller.name].includes(target)) want = 404;
          else want = '2xx';
          const ok = want === '2xx' ? r.status >= 200 && r.status < 300 : r.status === want;
          if (!ok)
            failures.push(
              `${route.id} ${caller.name}→${target}: want ${want}, got ${r.status} ${r.text.slice(0, 160)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
