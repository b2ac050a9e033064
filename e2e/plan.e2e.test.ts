/**
 * Plan journey of issue 5: a Lạng Sơn officer opens the province's plan, reads LS-02's actual and status, reads the
 * plan for a former district (LS-05a's allocation; the drill-down counts the district's organisations), drills down
 * to the organisations counted, registers a cooperative in the registry and sees the actual rise at once;
 * then exports the plan's progress as a real .xlsx with the target rows.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../server/test/template.js';
import { launchBrowser, loginAs } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const PASSWORD = 'HopTac@2025';
const PLAN_NUMBER = '115/KH-UBND';
const NEW_COOP = 'Hợp tác xã Kế Hoạch Thử Nghiệm Mẫu Sơn';
const NEW_REG_CODE = '4999955501';
/** Generous waits: the machine running these journeys is shared and often heavily loaded. */
const WAIT = 30_000;

let server: RunningServer;
let browser: Browser;
let page: Page;
/** The plan page's address, read when the plan is first opened from the overview. */
let planUrl = '';
/** LS-02a's actual before the new cooperative is registered. */
let before = Number.NaN;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(WAIT);
  await loginAs(page, server.url, 'quantri.langson', PASSWORD);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** The <input> a test id names: the element itself, or the input inside it (antd wrappers). */
function inputOf(p: Page, testId: string): Locator {
  return p.getByTestId(testId).locator('xpath=self::input | .//input').first();
}

/** LS-02a's actual as the plan page shows it (its data-value), or NaN while it is not on screen. */
async function actualOfLs02a(p: Page): Promise<number> {
  const cell = p.getByTestId('target-actual-LS-02a');
  if ((await cell.count()) === 0) return Number.NaN;
  const v = await cell.getAttribute('data-value');
  return v ? Number(v) : Number.NaN;
}

/** Opens the Lạng Sơn plan the way a user does: menu → overview → the plan's card. */
async function openPlanFromMenu(p: Page) {
  await p.getByRole('menu').getByRole('link', { name: 'Kế hoạch, chỉ tiêu' }).click();
  await p.waitForURL(/\/plans$/);
  await p.getByTestId('overview-plan-link').filter({ hasText: PLAN_NUMBER }).click();
  await p.waitForURL(/\/plans\/\d+/);
  await p.getByTestId('target-row-LS-02a').waitFor();
}

describe('plan journey', () => {
  it("shows LS-02's actual and status on the Lạng Sơn plan", async () => {
    await openPlanFromMenu(page);
    planUrl = page.url();
    expect(await page.getByTestId('plan-title').textContent()).toContain(PLAN_NUMBER);
    // The plan was issued for the province as it was before 1/7/2025: the page says so.
    await page.getByTestId('plan-former-unit').waitFor();
    const row = page.getByTestId('target-row-LS-02a');
    expect(await row.textContent()).toContain('750 hợp tác xã với 10.500 thành viên');
    expect(await row.textContent()).toContain('khoảng 750 HTX');
    await expect.poll(() => actualOfLs02a(page), { timeout: WAIT }).toBeGreaterThan(0);
    before = await actualOfLs02a(page);
    expect(await page.getByTestId('target-status-LS-02a').getAttribute('data-status')).toBe('at_risk');
    expect(await page.getByTestId('target-status-LS-02a').textContent()).toBe('Có nguy cơ');
    // LS-05a is allocated to each former district: expanding it lists every district's result.
    await page.getByTestId('target-row-LS-05a').locator('.ant-table-row-expand-icon').click();
    const allocation = page.getByTestId('allocation-LS-05a');
    await allocation.waitFor();
    expect(await allocation.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    expect(await allocation.textContent()).toContain('Huyện Tràng Định');
  });

  it("reads the plan for a former district: LS-05a shows the district's allocation and actual", async () => {
    // The district's actual as the allocation table of the whole plan shows it.
    const cells = await page
      .getByTestId('allocation-LS-05a')
      .locator('tr', { hasText: 'Huyện Tràng Định' })
      .locator('td')
      .allTextContents();
    const districtActual = Number(cells[1].replace(/\./g, ''));
    const picker = page.getByTestId('plan-unit');
    await picker.click();
    await picker.locator('input').fill('trang dinh');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Huyện Tràng Định' }).click();
    await page.waitForURL(/unitId=\d+/);
    await page.getByTestId('plan-unit-banner').waitFor();
    const figure = page.getByTestId('target-unit-figure-LS-05a');
    expect(await figure.getAttribute('data-mode')).toBe('allocation');
    // Seeds: LS-05a is "hằng năm, mỗi huyện … từ 05 đến 07 tổ hợp tác" (LS-06a is the 04–05 HTX one).
    expect(await figure.textContent()).toContain('từ 5 đến 7 THT');
    await expect
      .poll(() => page.getByTestId('target-actual-LS-05a').getAttribute('data-value'), { timeout: WAIT })
      .toBe(String(districtActual));
    // LS-02a has no figure for a district: its actual alone, labelled so.
    expect(await page.getByTestId('target-unit-figure-LS-02a').textContent()).toContain(
      'Không có chỉ tiêu riêng cho đơn vị này',
    );
    // The drill-down lists the district's organisations: its total is the row's actual, not the province's.
    const unitActual = await page.getByTestId('target-actual-LS-02a').getAttribute('data-value');
    expect(Number(unitActual)).toBeGreaterThan(0);
    expect(Number(unitActual)).toBeLessThan(before);
    for (const [name, actual] of [
      ['LS-05a', districtActual],
      ['LS-02a', Number(unitActual)],
    ] as const) {
      await page.getByTestId(`target-drill-${name}`).click();
      await expect
        .poll(() => page.getByTestId('drill-total').textContent(), { timeout: WAIT })
        .toBe(`${actual.toLocaleString('vi-VN')} tổ chức`);
      await page.keyboard.press('Escape');
      await page.getByTestId('drill-drawer').waitFor({ state: 'hidden' });
    }
    await page.goto(planUrl);
    await page.getByTestId('target-row-LS-02a').waitFor();
  });

  it('drills down to the organisations counted and opens one of them', async () => {
    await page.getByTestId('target-drill-LS-02a').click();
    const drawer = page.getByTestId('drill-drawer');
    await expect
      .poll(() => page.getByTestId('drill-total').textContent(), { timeout: WAIT })
      .toBe(`${before.toLocaleString('vi-VN')} tổ chức`);
    const first = drawer.getByTestId('drill-org').first();
    const name = (await first.textContent()) ?? '';
    expect(name.length).toBeGreaterThan(0);
    await first.click();
    await page.waitForURL(/\/organisations\/\d+$/);
    await expect.poll(() => page.getByTestId('org-title').textContent(), { timeout: WAIT }).toBe(name);
  });

  it('registers a cooperative through the registry form', async () => {
    await page.goto(`${server.url}/organisations`);
    await page.getByTestId('org-add').click();
    await page.waitForURL(/\/organisations\/new$/);
    await page.getByTestId('org-form-kind').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^Hợp tác xã$/ })
      .click();
    await inputOf(page, 'org-form-name').fill(NEW_COOP);
    await inputOf(page, 'org-form-regcode').fill(NEW_REG_CODE);
    const commune = page.getByTestId('org-form-commune');
    await commune.click();
    await commune.locator('input').fill('dong dang');
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đồng Đăng' }).first().click();
    await inputOf(page, 'org-form-vsic').fill('0161');
    await page.getByTestId('org-form-derived-field').waitFor();
    await page.getByTestId('org-form-submit').click();
    await page.waitForURL(/\/organisations\/\d+$/, { timeout: WAIT });
    await expect.poll(() => page.getByTestId('org-title').textContent(), { timeout: WAIT }).toBe(NEW_COOP);
  });

  it("raises LS-02's actual by one at once, and the drill-down counts one more organisation", async () => {
    await openPlanFromMenu(page);
    expect(page.url()).toBe(planUrl);
    // htx_count counts the cooperatives existing at the date: the new one (founded today) adds exactly one.
    await expect.poll(() => actualOfLs02a(page), { timeout: WAIT }).toBe(before + 1);
    await page.getByTestId('target-drill-LS-02a').click();
    await expect
      .poll(() => page.getByTestId('drill-total').textContent(), { timeout: WAIT })
      .toBe(`${(before + 1).toLocaleString('vi-VN')} tổ chức`);
    await page.keyboard.press('Escape');
    await page.getByTestId('drill-drawer').waitFor({ state: 'hidden' });
  });

  it('exports the progress as a real .xlsx with one row per target', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('plan-export-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const dir = scratchDir('plan-e2e');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    rmSync(dir, { recursive: true, force: true });
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws.eachRow((r) => {
      const cells: string[] = [];
      r.eachCell({ includeEmpty: true }, (c) => cells.push(c.text ?? ''));
      rows.push(cells);
    });
    expect(rows.some((r) => r.join(' ').includes(PLAN_NUMBER))).toBe(true);
    const ls02a = rows.find((r) => r[0] === 'LS-02 (a)');
    expect(ls02a).toBeDefined();
    expect(ls02a?.[1]).toBe('750 hợp tác xã với 10.500 thành viên');
    expect(ls02a?.[4]).toBe(`${(before + 1).toLocaleString('vi-VN')} HTX`);
    // Every target of the plan page is a row of the workbook.
    const onPage = await page.locator('[data-testid^="target-row-"]').count();
    const codes = rows.filter((r) => /^LS-\d{2}( \([a-z]\))?$/.test(r[0] ?? ''));
    expect(codes.length).toBe(onPage);
  });
});
