/**
 * Front-end budget (issue 6): the JavaScript of the dashboard's first load, gzip. The goal is 170 KB and it is met
 * (docs/performance.md); the test also holds a ceiling just above the measured figure, so growth is noticed early.
 */
import { describe, expect, it } from 'vitest';
import { DASHBOARD_BUDGET_BYTES, dashboardFirstLoad, FIRST_LOAD_CEILING_BYTES } from './web-budget.js';

describe('dashboardFirstLoad', () => {
  it('keeps the entry, its static imports and the dashboard chunk within the goal and under the ceiling', () => {
    const r = dashboardFirstLoad();
    const listing = r.files.map((f) => `${(f.gzip / 1024).toFixed(1)} KB ${f.file}`).join('\n');
    expect(
      r.files.some((f) => f.file.includes('dashboard-page')),
      listing,
    ).toBe(true);
    const message = `first load ${(r.total / 1024).toFixed(1)} KB gzip:\n${listing}`;
    expect(r.total, message).toBeLessThanOrEqual(DASHBOARD_BUDGET_BYTES);
    expect(r.total, message).toBeLessThanOrEqual(FIRST_LOAD_CEILING_BYTES);
  });

  it('leaves antd out of the first load (the shell and the dashboard draw without it)', () => {
    expect(
      dashboardFirstLoad()
        .files.filter((f) => f.antd)
        .map((f) => f.file),
    ).toEqual([]);
  });

  it('leaves echarts out of the first load', () => {
    expect(dashboardFirstLoad().files.map((f) => f.file)).not.toContainEqual(
      expect.stringMatching(/echarts/),
    );
  });
});
