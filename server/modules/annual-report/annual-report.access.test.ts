/** The yearly-report access cases hold against the declarations: every role × own/sibling/other/nation. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers } from '../../test/harness.js';
import { annualReportCases } from './annual-report.access-cases.js';
import { runOrgMatrix } from './org-access-matrix.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
});
afterAll(() => h.close());

it('every report route answers 401/403/404/2xx exactly as its declaration says', async () => {
  const { mismatches, expected } = await runOrgMatrix(h, fx, annualReportCases, 'reports.');
  expect(mismatches).toEqual([]);
  // 11 routes × 6 callers × 4 targets, and every kind of outcome was exercised.
  expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(11 * 6 * 4);
  for (const status of [200, 401, 403, 404]) expect(expected[status], String(status)).toBeGreaterThan(0);
});
