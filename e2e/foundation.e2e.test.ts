import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, loginAs } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const PASSWORD = 'HopTac@2025';
/** A user's name that would run script if the page ever rendered it as HTML. */
const XSS_NAME = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2;alert('xss')">Nguyễn Văn A`;
const WAIT = 30_000;
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

  it('lets the new officer see only their own scope, then log out', async () => {
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
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
