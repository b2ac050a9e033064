/**
 * The generated access matrix (DESIGN.md §5). First, every route the application registered must be
 * declared with declareRoute() (server/http/route.ts) and every declaration must be registered: a route
 * without a declaration fails the suite. Then every declared route is called by an anonymous client and
 * by one user of each role, against four targets, and the outcome must follow from the declaration alone:
 *   1. anonymous caller, permission other than 'public'               → 401 auth.required
 *   2. the role lacks the permission (any one of the declared permissions) → 403 forbidden
 *   3. the target is outside the caller's scope by the route's rule   → 404 not_found (existence not disclosed)
 *   4. otherwise                                                      → 2xx for the foundation's cases; for
 *      cases a module contributes, anything but 401/403/404 and 5xx (a repeated call may meet a business rule)
 *
 * Callers: national (the nation), padmin and pofficer (province Lạng Sơn), cofficer (commune Đồng Đăng of
 * Lạng Sơn), coop (the organisation in Đồng Đăng). Targets (see access-matrix.cases.ts): own = Đồng Đăng and
 * its organisation, sibling = another commune of Lạng Sơn, other = Ninh Bình, nation = outside every province.
 * Visibility by ScopeRule, one function each (VISIBLE below):
 *   none, self, list  no scoped target: visible to every permitted caller (the builder ignores the target);
 *   province          the nation sees everything; anyone else sees targets in its own province (own, sibling),
 *                     never another province nor a nation-level resource;
 *   commune           the nation sees everything; province roles their province; commune roles their own
 *                     commune only; an organisation nothing;
 *   user              as commune, applied to the target user's scope: a province admin sees users scoped in
 *                     its province, never national users nor another province's;
 *   org               as commune, except that a cooperative user sees its own organisation (own) only.
 * Cases come from access-matrix.cases.ts and from each module's <m>.access-cases.ts; a case may skip a
 * target (null), but a scoped route must be exercised on its own and on another province's target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, type ScopeType } from '../../core/permissions.js';
import { createHarness, type Harness, type TestClient } from '../test/harness.js';
import { createFixtures, type Fixtures, loadCases, TARGETS, type Target } from './access-matrix.cases.js';
import { type DeclaredRoute, declaredRoutes, roleMeets, type ScopeRule } from './route.js';
import { STATIC_ROUTES } from './static.js';

interface Loc {
  province: 'LS' | 'NB' | null;
  commune: 'own' | 'sibling' | 'other' | null;
  org: 'own' | 'sibling' | 'other' | null;
}
interface Caller {
  name: string;
  role: Role | null;
  type: ScopeType | null;
  loc: Loc;
}

const NOWHERE: Loc = { province: null, commune: null, org: null };
const LANG_SON: Loc = { province: 'LS', commune: null, org: null };
const DONG_DANG: Loc = { province: 'LS', commune: 'own', org: null };
const OWN_ORG: Loc = { province: 'LS', commune: 'own', org: 'own' };
const CALLERS: Caller[] = [
  { name: 'anonymous', role: null, type: null, loc: NOWHERE },
  { name: 'national', role: 'national', type: 'nation', loc: NOWHERE },
  { name: 'padmin', role: 'province_admin', type: 'province', loc: LANG_SON },
  { name: 'pofficer', role: 'province_officer', type: 'province', loc: LANG_SON },
  { name: 'cofficer', role: 'commune_officer', type: 'commune', loc: DONG_DANG },
  { name: 'coop', role: 'coop_user', type: 'organisation', loc: OWN_ORG },
];
const TARGET_LOC: Record<Target, Loc> = {
  own: OWN_ORG,
  sibling: { province: 'LS', commune: 'sibling', org: 'sibling' },
  other: { province: 'NB', commune: 'other', org: 'other' },
  nation: NOWHERE,
};

const inProvince = (c: Caller, t: Loc) => t.province !== null && t.province === c.loc.province;
function inSubtree(c: Caller, t: Loc): boolean {
  if (c.type === 'nation') return true;
  if (c.type === 'province') return inProvince(c, t);
  if (c.type === 'commune') return inProvince(c, t) && t.commune !== null && t.commune === c.loc.commune;
  return false;
}
/** Whether a target is visible to a caller under each scope rule. */
const VISIBLE: Record<ScopeRule, (c: Caller, t: Loc) => boolean> = {
  none: () => true,
  self: () => true,
  list: () => true,
  province: (c, t) => c.type === 'nation' || inProvince(c, t),
  commune: inSubtree,
  user: inSubtree,
  org: (c, t) => (c.type === 'organisation' ? t.org !== null && t.org === c.loc.org : inSubtree(c, t)),
};
const SCOPED: ScopeRule[] = ['province', 'commune', 'user', 'org'];

type Outcome = 401 | 403 | 404 | '2xx';
const CODES: Record<401 | 403 | 404, string> = { 401: 'auth.required', 403: 'forbidden', 404: 'not_found' };

/** The outcome a declaration promises for one caller and target. */
function expected(route: DeclaredRoute, c: Caller, t: Target): Outcome {
  const { permission, scope } = route.access;
  if (permission !== 'public') {
    if (!c.role) return 401;
    if (!roleMeets(c.role, permission)) return 403;
  }
  return VISIBLE[scope](c, TARGET_LOC[t]) ? '2xx' : 404;
}

const CASES = await loadCases();
let h: Harness;
let fx: Fixtures;
let seq = 0;
const clients = new Map<string, TestClient>();

async function clientFor(c: Caller): Promise<TestClient> {
  return c.role ? h.login(c.name) : h.anonymous();
}
/** (Re)opens one long-lived session per caller. */
async function loginAll() {
  for (const c of CALLERS) clients.set(c.name, await clientFor(c));
}
/** Reopens the long-lived sessions some earlier route ended (a module's case may log out or lock). */
async function ensureSessions() {
  for (const c of CALLERS) {
    if (c.role && (await clients.get(c.name)!.get('/api/auth/me')).status !== 200)
      clients.set(c.name, await clientFor(c));
  }
}

beforeAll(async () => {
  h = await createHarness();
  fx = await createFixtures(h);
  await loginAll();
});
afterAll(() => h.close());

describe('route declarations', () => {
  it('every registered route is declared and every declaration is registered', () => {
    const registered = new Set<string>();
    for (const r of h.app.routes) {
      if (r.method === 'ALL') {
        // Middleware only: a concrete ALL handler would escape the declaration table.
        expect(r.path.endsWith('*'), `ALL handler on ${r.path} is not middleware`).toBe(true);
        continue;
      }
      const key = `${r.method} ${r.path}`;
      if ((STATIC_ROUTES as readonly string[]).includes(key)) continue;
      registered.add(key);
    }
    const declared = declaredRoutes().map((d) => `${d.method} ${d.path}`);
    expect(new Set(declared).size, 'two declarations share a method and path').toBe(declared.length);
    expect(
      [...registered].filter((k) => !declared.includes(k)),
      'registered without declareRoute()',
    ).toEqual([]);
    expect(
      declared.filter((k) => !registered.has(k)),
      'declared but never registered',
    ).toEqual([]);
    expect([...registered].every((k) => k.split(' ')[1].startsWith('/api/'))).toBe(true);
    expect(registered.size).toBeGreaterThanOrEqual(20);
  });

  it('every declared route has an access-matrix case, and every case a declared route', () => {
    const ids = declaredRoutes().map((d) => d.id);
    const missing = ids.filter((id) => !CASES[id]);
    expect(missing, `add an access-matrix case for route ${missing.join(', ')}`).toEqual([]);
    const orphans = Object.keys(CASES).filter((id) => !ids.includes(id));
    expect(orphans, `access-matrix case ${orphans.join(', ')} names no declared route`).toEqual([]);
  });

  it('the matrix covers every role', () => {
    expect(new Set(CALLERS.map((c) => c.role).filter(Boolean))).toEqual(new Set(ROLES));
  });
});

describe('access matrix: role × target for every declared route', () => {
  it.each(Object.keys(CASES))('%s', async (id) => {
    const route = declaredRoutes().find((d) => d.id === id);
    expect(route, `access-matrix case ${id} names no declared route`).toBeDefined();
    const c = CASES[id];
    await ensureSessions();
    const mismatches: string[] = [];
    const seen = new Set<Outcome>();
    const sent = new Set<Target>();
    for (const caller of CALLERS) {
      for (const target of TARGETS) {
        const want = expected(route!, caller, target);
        const client = c.fresh ? await clientFor(caller) : clients.get(caller.name)!;
        const r = await c.send({ h, client, target, fx, n: ++seq });
        if (!r) continue;
        seen.add(want);
        sent.add(target);
        const ok =
          want !== '2xx'
            ? r.status === want && r.body?.code === CODES[want]
            : c.lenient
              ? ![401, 403, 404].includes(r.status) && r.status < 500
              : r.status >= 200 && r.status < 300;
        if (!ok)
          mismatches.push(
            `${caller.name} → ${target}: expected ${want}, got ${r.status} ${r.text.slice(0, 200)}`,
          );
      }
    }
    // A route that ends or replaces sessions (logout, password change) may have ended the long-lived ones.
    if (c.fresh) await loginAll();
    expect(
      mismatches,
      `${route!.method} ${route!.path} (${route!.access.permission}, ${route!.access.scope})`,
    ).toEqual([]);
    // Sanity: permitted callers exist for every route, so each row reached the handler at least once.
    expect(seen.has('2xx'), `${id}: no caller was expected to succeed`).toBe(true);
    if (SCOPED.includes(route!.access.scope)) {
      expect([...sent], `${id}: a scoped route's case must cover own and other`).toEqual(
        expect.arrayContaining(['own', 'other']),
      );
    }
  });

  it('scoped routes really hide out-of-scope targets (the matrix is not vacuous)', () => {
    const scoped = declaredRoutes().filter((d) => SCOPED.includes(d.access.scope));
    expect(scoped.length).toBeGreaterThan(0);
    for (const d of scoped) {
      const outcomes = CALLERS.flatMap((c) => TARGETS.map((t) => expected(d, c, t)));
      expect(outcomes, d.id).toContain(404);
    }
  });
});
