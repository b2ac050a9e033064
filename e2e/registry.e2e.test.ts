/**
 * Registry journeys of the acceptance: search without diacritics, register an HTX, a cooperative
 * submits its yearly figures and the commune approves them, Excel import with a dry run, and Excel export.
 */
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const PASSWORD = 'HopTac@2025';
const DEMO_COOP = 'Hợp tác xã Nông nghiệp Đồng Đăng';
const NEW_ORG = 'Hợp tác xã Dịch vụ Thử Nghiệm Tân Thanh';
const NEW_REG_CODE = '4999912345';
const IMPORTED = [
  { regCode: '4999900001', name: 'Hợp tác xã Nhập Khẩu Thử Rau Sạch Mẫu Sơn' },
  { regCode: '4999900002', name: 'Hợp tác xã Nhập Khẩu Thử Chè Núi Khau Sao' },
  { regCode: '4999900003', name: 'Tổ hợp tác Nhập Khẩu Thử Hồi Văn Quan', kind: 'Tổ hợp tác' },
];
/** Generous waits: the machine running these journeys is shared and often heavily loaded. */
const WAIT = 30_000;

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(WAIT);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** The <input> a test id names: the element itself, or the input inside it (antd wrappers). */
function inputOf(p: Page, testId: string): Locator {
  return p.getByTestId(testId).locator('xpath=self::input | .//input').first();
}

/** Types into an antd Select with server-side search and picks the option whose text contains `text`. */
async function pickFromSelect(p: Page, testId: string, query: string, text: string) {
  const select = p.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(query);
  const option = p.locator('.ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor({ timeout: WAIT });
  await option.click();
}

/** Opens the organisation list and searches it through the search box, as a user types. */
async function searchOrganisations(p: Page, query: string) {
  await p.goto(`${server.url}/organisations`);
  const count = p.getByTestId('org-count');
  await expect.poll(() => count.textContent(), { timeout: WAIT }).toMatch(/Tìm thấy/);
  const unfiltered = await count.textContent();
  await inputOf(p, 'org-search').fill(query);
  // The search is debounced into the URL; then the list of that query replaces the unfiltered one.
  await p.waitForURL((u) => u.searchParams.get('q') === query, { timeout: WAIT });
  await expect.poll(() => count.textContent(), { timeout: WAIT }).not.toBe(unfiltered);
}

/** Text of the organisation table once it is not loading. */
async function orgTableText(p: Page): Promise<string> {
  const table = p.getByTestId('org-table');
  if ((await table.locator('.ant-spin-spinning').count()) > 0) return '';
  return (await table.textContent()) ?? '';
}

async function logout(p: Page) {
  await p.getByTestId('logout').click();
  await p.getByTestId('login-username').waitFor({ timeout: WAIT });
}

/**
 * Confirms an antd confirm dialog: a click that lands while the dialog is still opening on a busy machine can be
 * lost, as a user's can, so click again until the dialog closes (a second click on a loading button does nothing).
 */
async function confirmDialog(p: Page, okTestId: string) {
  const ok = p.getByTestId(okTestId);
  await ok.waitFor({ timeout: WAIT });
  await expect
    .poll(
      async () => {
        if (await ok.isVisible()) await ok.click({ timeout: 2_000 }).catch(() => undefined);
        return ok.isVisible();
      },
      { timeout: WAIT, interval: 1_000 },
    )
    .toBe(false);
}

async function statusText(p: Page): Promise<string> {
  return (await p.getByTestId('report-status').textContent()) ?? '';
}

/** The rows of every sheet of a workbook, as arrays of cell texts. */
function sheetRows(wb: ExcelJS.Workbook): string[][] {
  const rows: string[][] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text ?? ''));
      rows.push(cells);
    });
  });
  return rows;
}

describe('registry journeys', () => {
  it('finds an organisation searched without diacritics', async () => {
    await loginAs(page, server.url, 'quantri.langson', PASSWORD);
    await searchOrganisations(page, 'htx nong nghiep dong dang');
    await expect.poll(() => orgTableText(page), { timeout: WAIT }).toContain(DEMO_COOP);
    // Ranked by relevance: the exact organisation comes first.
    const first = page.getByTestId('org-table').locator('tbody tr.ant-table-row').first();
    expect(await first.textContent()).toContain(DEMO_COOP);
    expect(await page.getByTestId('org-relevance').textContent()).toContain('mức độ phù hợp');
    // A box holding a legal form only lists that kind by name: nothing is said of relevance.
    // (searchOrganisations returns once the count shown is that of the new query.)
    await searchOrganisations(page, 'htx');
    expect(await page.getByTestId('org-count').textContent()).toMatch(/Tìm thấy/);
    expect(await page.getByTestId('org-relevance').count()).toBe(0);
  });

  it('registers a new HTX and finds it in the list', async () => {
    await page.goto(`${server.url}/organisations`);
    await page.getByTestId('org-add').click();
    await page.waitForURL(/\/organisations\/new$/);
    await page.getByTestId('org-form-kind').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^Hợp tác xã$/ })
      .click();
    expect(await page.getByTestId('org-form-kind').textContent()).toContain('Hợp tác xã');
    await inputOf(page, 'org-form-name').fill(NEW_ORG);
    await inputOf(page, 'org-form-regcode').fill(NEW_REG_CODE);
    await pickFromSelect(page, 'org-form-commune', 'dong dang', 'Đồng Đăng');
    await inputOf(page, 'org-form-vsic').fill('0161');
    // The field of activity follows from the VSIC code.
    await page.getByTestId('org-form-derived-field').waitFor();
    await page.getByTestId('org-form-submit').click();

    await page.waitForURL(/\/organisations\/\d+$/, { timeout: WAIT });
    await expect
      .poll(() => page.getByTestId('org-title').textContent(), { timeout: WAIT })
      .toContain(NEW_ORG);
    expect(await page.locator('main, .ant-layout-content').first().textContent()).toContain(NEW_REG_CODE);

    await searchOrganisations(page, 'dich vu thu nghiem tan thanh');
    await expect.poll(() => orgTableText(page), { timeout: WAIT }).toContain(NEW_ORG);
    expect(await orgTableText(page)).toContain(NEW_REG_CODE);
  });

  it('lets a cooperative submit its 2025 figures', async () => {
    await logout(page);
    await loginAs(page, server.url, 'htx.dongdang', PASSWORD);
    // A cooperative user's registry list is its own organisation.
    await page.goto(`${server.url}/organisations`);
    await page.waitForURL(/\/organisations\/\d+/, { timeout: WAIT });
    await expect
      .poll(() => page.getByTestId('org-title').textContent(), { timeout: WAIT })
      .toContain(DEMO_COOP);
    await page.getByTestId('org-tab-reports').click();
    await page.getByTestId('org-report-2025').click();
    await page.waitForURL(/\/organisations\/\d+\/reports\/2025/);
    await expect.poll(() => statusText(page), { timeout: WAIT }).toContain('Đang soạn');

    const revenue = page.getByTestId('report-field-revenueTotal');
    await revenue.fill('1234567890');
    await revenue.blur();
    await page.getByTestId('report-dirty').waitFor();
    await page.getByTestId('report-save').click();
    await page.getByTestId('report-dirty').waitFor({ state: 'detached', timeout: WAIT });
    expect(await revenue.inputValue()).toBe('1.234.567.890');

    await page.getByTestId('report-submit').click();
    await confirmDialog(page, 'report-submit-ok');
    await expect.poll(() => statusText(page), { timeout: WAIT }).toContain('Đã gửi');
    // Saved on the server, not only on screen.
    await page.reload();
    await expect.poll(() => statusText(page), { timeout: WAIT }).toContain('Đã gửi');
    expect(await page.getByTestId('report-field-revenueTotal').inputValue()).toBe('1.234.567.890');
    expect(await page.getByTestId('report-save').count()).toBe(0);
  });

  it('lets the commune officer approve the submitted report', async () => {
    await logout(page);
    await loginAs(page, server.url, 'xa.dongdang', PASSWORD);
    await page.goto(`${server.url}/reports`);
    const table = page.getByTestId('reports-table');
    await expect.poll(async () => (await table.textContent()) ?? '', { timeout: WAIT }).toContain(DEMO_COOP);
    const row = table
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: DEMO_COOP })
      .filter({ hasText: '2025' });
    await row.getByTestId('queue-open').click();
    await page.waitForURL(/\/organisations\/\d+\/reports\/2025/);
    await expect.poll(() => statusText(page), { timeout: WAIT }).toContain('Đã gửi');
    expect(await page.getByTestId('report-field-revenueTotal').inputValue()).toBe('1.234.567.890');

    await page.getByTestId('report-approve').click();
    await confirmDialog(page, 'report-approve-ok');
    await expect.poll(() => statusText(page), { timeout: WAIT }).toContain('Đã duyệt');
    await page.reload();
    await expect.poll(() => statusText(page), { timeout: WAIT }).toContain('Đã duyệt');
    expect(await page.getByTestId('report-approve').count()).toBe(0);
  });

  it('imports organisations from Excel after a dry run', async () => {
    await logout(page);
    await loginAs(page, server.url, 'quantri.langson', PASSWORD);

    // Three communes of Lạng Sơn, with their codes, from the API the pages use (same session cookie).
    const province = await page.request.get(`${server.url}/api/units/search`, {
      params: { q: 'lang son', level: 1, limit: 5 },
    });
    expect(province.ok()).toBe(true);
    const lsId = ((await province.json()) as { items: { id: number; name: string }[] }).items.find(
      (u) => u.name === 'Lạng Sơn',
    )?.id;
    expect(lsId).toBeTypeOf('number');
    const detail = await page.request.get(`${server.url}/api/units/${lsId}`);
    expect(detail.ok()).toBe(true);
    const communes = ((await detail.json()) as { children: { code: string }[] }).children;
    expect(communes.length).toBeGreaterThanOrEqual(3);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('To chuc');
    ws.addRow(['Mã số HTX/THT', 'Tên tổ chức', 'Loại hình', 'Mã xã', 'Mã ngành kinh tế (VSIC cấp 4)']);
    for (const [i, o] of IMPORTED.entries()) {
      ws.addRow([o.regCode, o.name, o.kind ?? 'Hợp tác xã', communes[i].code, '0161']);
    }
    // Invalid: a registration code of 5 digits.
    ws.addRow(['12345', 'Hợp tác xã Mã Sai Nhập Thử', 'Hợp tác xã', communes[0].code, '0161']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    await page.goto(`${server.url}/organisations`);
    await page.getByTestId('org-import').click();
    await page.waitForURL(/\/organisations\/import/);
    const kindRadio = inputOf(page, 'import-kind-organisations');
    await page.getByTestId('import-kind').getByText('Danh sách tổ chức').click();
    expect(await kindRadio.isChecked()).toBe(true);
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles({
      name: 'to-chuc-thu.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });

    const totals = page.getByTestId('import-dryrun-totals');
    await totals.waitFor({ timeout: 60_000 });
    const total = async (k: string) =>
      (
        await totals.getByTestId(`import-total-${k}`).locator('.ant-statistic-content-value').textContent()
      )?.trim();
    expect(await total('rows')).toBe('4');
    expect(await total('valid')).toBe('3');
    expect(await total('invalid')).toBe('1');
    expect(await page.getByTestId('import-errors').textContent()).toContain('Mã số');
    expect(await page.getByTestId('import-commit-all').isDisabled()).toBe(true);

    await page.getByTestId('import-commit-valid').click();
    const done = page.getByTestId('import-done');
    await done.waitFor({ timeout: 60_000 });
    const inserted = done.locator('.ant-statistic').filter({ hasText: 'Thêm mới' });
    expect((await inserted.locator('.ant-statistic-content-value').textContent())?.trim()).toBe('3');

    await searchOrganisations(page, 'rau sach mau son');
    await expect.poll(() => orgTableText(page), { timeout: WAIT }).toContain(IMPORTED[0].name);
    expect(await orgTableText(page)).toContain(IMPORTED[0].regCode);
    // The invalid row was not written.
    await page.goto(`${server.url}/organisations?q=${encodeURIComponent('ma sai nhap thu')}`);
    await expect
      .poll(() => page.getByTestId('org-count').textContent(), { timeout: WAIT })
      .toMatch(/Tìm thấy/);
    expect(await orgTableText(page)).not.toContain('Hợp tác xã Mã Sai Nhập Thử');
  });

  it('exports the filtered list to Excel', async () => {
    await searchOrganisations(page, 'dich vu thu nghiem tan thanh');
    await expect.poll(() => orgTableText(page), { timeout: WAIT }).toContain(NEW_ORG);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('org-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const rows = sheetRows(wb);
    const header = rows.find((r) => r.includes('Tên tổ chức'));
    expect(header).toBeDefined();
    expect(header).toEqual(expect.arrayContaining(['Mã số HTX/THT', 'Tên tổ chức', 'Loại hình', 'Mã xã']));
    const dataRows = rows.filter((r) => r.includes(NEW_REG_CODE));
    expect(dataRows).toHaveLength(1);
    expect(dataRows[0]).toContain(NEW_ORG);
    // Only what the filter matched: the demo cooperative is not in this file.
    expect(rows.some((r) => r.includes(DEMO_COOP))).toBe(false);
  });
});
