import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const PASSWORD = 'HopTac@2025';
/** A user's name that would run script if the page ever rendered it as HTML. */
const XSS_NAME = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2;alert('xss')">Nguyễn Văn A`;
const WAIT = 30_000;

/** What the province admin knows about the registry, to check what the commune officer may see. */
interface RegistryView {
  dongDangId: number;
  /** How many organisations Xã Đồng Đăng has, as the province admin counts them. */
  ownTotal: number;
  /** An organisation of a sibling commune (same province) that no search within Đồng Đăng finds. */
  sibling: { id: number; name: string; communeName: string; provinceId: number };
  dongDangProvinceId: number;
}
let registry: RegistryView;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The input inside an antd wrapper that carries the test id (or the input itself). */
function inputOf(p: Page, testId: string) {
  return p.getByTestId(testId).locator('xpath=self::input | .//input').first();
}

/** Types into an antd Select with server-side search and picks the option whose text contains `text`. */
async function pickFromSelect(p: Page, testId: string, query: string, text: string) {
  const select = p.getByTestId(testId);
  await select.click();
  await select.locator('input').fill(query);
  const option = p.locator('.ant-select-item-option').filter({ hasText: text }).first();
  await option.waitFor({ timeout: 15_000 });
  await option.click();
}

describe('foundation journey', () => {
  it('shows a Vietnamese message for a wrong password', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('quantri.langson');
    await page.getByTestId('login-password').fill('sai-mat-khau-123');
    await page.getByTestId('login-submit').click();
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('logs a province admin in and shows their scope', async () => {
    await loginAs(page, server.url, 'quantri.langson', PASSWORD);
    expect(await page.getByTestId('scope-label').textContent()).toContain('Sở Tài chính tỉnh Lạng Sơn');
  });

  it('finds a commune without diacritics in the unit picker', async () => {
    await page.goto(`${server.url}/units`);
    await pickFromSelect(page, 'unit-picker', 'dong dang', 'Đồng Đăng');
    await page.waitForURL(/\/units\/\d+/);
    await expect
      .poll(() => page.locator('main, .ant-layout-content').first().textContent())
      .toContain('Xã Đồng Đăng');
  });

  it('switches to English and back, on the shell and on a page that loads its own strings', async () => {
    await page.goto(`${server.url}/units`);
    const nav = page.getByRole('menuitem', { name: 'Đơn vị hành chính' });
    await nav.waitFor({ timeout: WAIT });
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'Administrative units' }).waitFor({ timeout: WAIT });
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The choice survives a reload (remembered), and the page's own strings follow it.
    await page.reload();
    await page.getByRole('menuitem', { name: 'Organisations' }).waitFor({ timeout: WAIT });
    expect(await page.getByRole('menuitem', { name: 'Tổ chức KTTT' }).count()).toBe(0);
    await page.getByText('Unit name').first().waitFor({ timeout: WAIT });
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'Tổ chức KTTT' }).waitFor({ timeout: WAIT });
    await page.getByText('Tên đơn vị').first().waitFor({ timeout: WAIT });
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('creates a commune officer scoped to Đồng Đăng', async () => {
    await page.goto(`${server.url}/users`);
    await page.getByTestId('users-add').click();
    await page.getByTestId('user-form-username').fill('canbo.dongdang');
    await page.getByTestId('user-form-fullname').fill('Hoàng Văn Đông');
    await page.getByTestId('user-form-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Cán bộ cấp xã' }).click();
    await pickFromSelect(page, 'unit-picker', 'dong dang', 'Đồng Đăng');
    await page.getByTestId('user-form-password').fill('Mat-khau-moi-2025');
    await page.getByTestId('user-form-submit').click();
    await expect
      .poll(() => page.getByTestId('users-table').textContent(), { timeout: 15_000 })
      .toContain('canbo.dongdang');
  });

  it("shows a script tag in a user's name as text, never running it", async () => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/users`);
    await page.getByTestId('users-add').click();
    await page.getByTestId('user-form-username').fill('canbo.xss');
    await page.getByTestId('user-form-fullname').fill(XSS_NAME);
    await page.getByTestId('user-form-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Cán bộ cấp xã' }).click();
    await pickFromSelect(page, 'unit-picker', 'dong dang', 'Đồng Đăng');
    await page.getByTestId('user-form-password').fill('Mat-khau-xss-2025');
    await page.getByTestId('user-form-submit').click();
    await expect
      .poll(() => page.getByTestId('users-table').textContent(), { timeout: 15_000 })
      .toContain('canbo.xss');
    // A fresh load renders the list from what the server stored.
    await page.reload();
    const row = page.getByTestId('users-table').locator('tr', { hasText: 'canbo.xss' });
    await row.waitFor({ timeout: WAIT });
    expect(await row.textContent()).toContain(XSS_NAME);
    await expect.poll(() => row.getByText(XSS_NAME, { exact: true }).isVisible()).toBe(true);
    expect(await row.locator('script, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('knows, as the province admin, an organisation of a sibling commune', async () => {
    registry = await page.evaluate(async () => {
      const get = async (url: string) => {
        const r = await fetch(url);
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json();
      };
      type Item = { id: number; name: string; communeId: number; communeName: string; provinceId: number };
      const units = await get('/api/units/search?q=dong%20dang&level=3');
      const dd = (units.items as { id: number; fullName: string; era: string; parentId: number }[]).find(
        (u) => u.fullName === 'Xã Đồng Đăng' && u.era === 'post2025',
      );
      if (!dd) throw new Error('Xã Đồng Đăng not found');
      const own = await get(`/api/organisations?unitId=${dd.id}&pageSize=1`);
      const all = await get('/api/organisations?sort=name&pageSize=100');
      for (const o of all.items as Item[]) {
        if (o.communeId === dd.id) continue;
        // A name no organisation of Đồng Đăng matches (the search tolerates a typo).
        const q = encodeURIComponent(o.name);
        const hits = await get(`/api/organisations?q=${q}&unitId=${dd.id}&pageSize=1`);
        if (hits.total === 0)
          return {
            dongDangId: dd.id,
            dongDangProvinceId: dd.parentId,
            ownTotal: own.total as number,
            sibling: { id: o.id, name: o.name, communeName: o.communeName, provinceId: o.provinceId },
          };
      }
      throw new Error('no organisation outside Đồng Đăng');
    });
    expect(registry.ownTotal).toBeGreaterThan(0);
    expect(registry.sibling.provinceId).toBe(registry.dongDangProvinceId);
    expect(registry.sibling.communeName).not.toBe('Xã Đồng Đăng');
  });

  it('lets the new officer see only their own scope', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await loginAs(page, server.url, 'canbo.dongdang', 'Mat-khau-moi-2025');
    expect(await page.getByTestId('scope-label').textContent()).toContain('Xã Đồng Đăng');
    // No user administration for a commune officer.
    expect(await page.getByRole('menuitem', { name: 'Người dùng' }).count()).toBe(0);
    // Units of another province are not found.
    await page.goto(`${server.url}/units`);
    const select = page.getByTestId('unit-picker');
    await select.click();
    await select.locator('input').fill('hoa lu');
    await expect
      .poll(() => page.locator('.ant-select-dropdown').textContent(), { timeout: 15_000 })
      .toMatch(/Không tìm thấy|Không có/);
    expect(await page.locator('.ant-select-item-option').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it("lists the organisations of the officer's commune and none of a sibling commune", async () => {
    await page.goto(`${server.url}/organisations`);
    const count = page.getByTestId('org-count');
    await expect
      .poll(() => count.textContent(), { timeout: WAIT })
      .toBe(`Tìm thấy ${registry.ownTotal.toLocaleString('vi-VN')} tổ chức`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: WAIT });
    // Every row on the page is in Đồng Đăng (the fourth column is the commune).
    const places = await page.$$eval('[data-testid="org-table"] tr.ant-table-row', (rows) =>
      rows.map((r) => r.querySelectorAll('td')[3]?.textContent ?? ''),
    );
    expect(places.length).toBe(Math.min(20, registry.ownTotal));
    expect(new Set(places)).toEqual(new Set(['Xã Đồng Đăng']));
    // The sibling commune's organisation: its name finds nothing.
    await inputOf(page, 'org-search').fill(registry.sibling.name);
    await page.waitForURL((u) => u.searchParams.get('q') === registry.sibling.name, { timeout: WAIT });
    await expect.poll(() => count.textContent(), { timeout: WAIT }).toBe('Tìm thấy 0 tổ chức');
    await expect
      .poll(() => page.getByTestId('org-table').textContent(), { timeout: WAIT })
      .toContain('Không có tổ chức nào phù hợp');
    expect(await page.getByTestId('org-table').textContent()).not.toContain(registry.sibling.name);
  });

  it("shows the not-found page, not the data, for a sibling commune's organisation opened by URL", async () => {
    await page.goto(`${server.url}/organisations/${registry.sibling.id}`);
    const main = page.locator('main, .ant-layout-content').first();
    await expect.poll(() => main.textContent(), { timeout: WAIT }).toContain('Không tìm thấy tổ chức');
    expect(await main.textContent()).toContain('nằm ngoài phạm vi quản lý của bạn');
    expect(await page.locator('body').textContent()).not.toContain(registry.sibling.name);
    const status = await page.evaluate(
      async (id) => (await fetch(`/api/organisations/${id}`)).status,
      registry.sibling.id,
    );
    expect(status).toBe(404);
  });

  it('logs the officer out', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
