/** The member-register access cases hold against the declarations: every role × own/sibling/other/nation. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers } from '../../test/harness.js';
import { runOrgMatrix } from '../annual-report/org-access-matrix.js';
import { memberCases } from './member.access-cases.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
});
afterAll(() => h.close());

it('every member route answers 401/403/404/2xx exactly as its declaration says', async () => {
  const { mismatches, expected } = await runOrgMatrix(h, fx, memberCases, 'members.');
  expect(mismatches).toEqual([]);
  // 6 routes × 6 callers × 4 targets; erase is refused to every role but national and province admin.
  expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(6 * 6 * 4);
  for (const status of [200, 401, 403, 404]) expect(expected[status], String(status)).toBeGreaterThan(0);
});
