/**
 * Front-end budget (issue 6): the organisation list, with more than 10,000 organisations in the database, keeps
 * the document under 1,400 DOM nodes (the list is paged on the server, and large pages are virtualised): at the
 * default page size, and at the largest (500 rows in one virtual table, scrolled to its last row).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../core/format.js';
import { organisationNameKey, vietnameseSortKey } from '../core/text.js';
import { openPGlite, openPostgres } from '../server/db/database.js';
import type { DB } from '../server/db/schema.js';
import { hashPassword } from '../server/modules/auth/password.js';
import {
  PGLITE_TEMPLATE,
  pgClonePrefix,
  pgTemplateDb,
  scratchDir,
  withDatabase,
} from '../server/test/template.js';
import { ORG_PAGE_SIZES } from '../web/src/lib/search-params.js';
import { launchBrowser, loginAs } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

const ORGS = 10_500;
const USER = { username: 'e2e.list', password: 'List-Budget-2025!' };
const DOM_BUDGET = 1_400;
/** The largest page size the list offers (?pageSize=…); from 100 rows on (org-table.tsx VIRTUAL_FROM) it is virtual. */
const LARGEST_PAGE = Math.max(...ORG_PAGE_SIZES);

/** A national user and ORGS organisations spread over every commune, inserted in a few multi-row statements. */
async function fill(db: Kysely<DB>) {
  await db
    .insertInto('app_user')
    .values({
      username: USER.username,
      full_name: 'Kiểm thử danh sách',
      email: null,
      password_hash: await hashPassword(USER.password),
      role: 'national',
      scope_unit_id: null,
      organisation_id: null,
    })
    .execute();
  const communes = await db
    .selectFrom('admin_unit')
    .select(['id', 'province_id', 'name'])
    .where('era', '=', 'post2025')
    .where('level', '=', 3)
    .orderBy('id')
    .execute();
  const trades = ['Nông nghiệp', 'Dịch vụ tổng hợp', 'Chè', 'Vận tải', 'Rau an toàn', 'Chăn nuôi'];
  const rows = Array.from({ length: ORGS }, (_, i) => {
    const c = communes[(i * 7919) % communes.length];
    const name = `Hợp tác xã ${trades[i % trades.length]} ${c.name} ${i + 1}`;
    return {
      kind: i % 3 ? 'HTX' : 'THT',
      reg_code: `97${String(i).padStart(8, '0')}`,
      name,
      name_key: organisationNameKey(name),
      name_sort: vietnameseSortKey(name),
      commune_id: c.id,
      province_id: c.province_id!,
      legal_status: 'active',
    };
  });
  for (let i = 0; i < rows.length; i += 2_000)
    await db
      .insertInto('organisation')
      .values(rows.slice(i, i + 2_000))
      .execute();
}

/** A database (PGlite directory, or a clone of the test template on PostgreSQL) holding the organisations. */
async function prepareDatabase(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `${pgClonePrefix()}list_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${name}" template "${pgTemplateDb()}"`);
    await admin.end();
    const database = await openPostgres(withDatabase(url, name), 2);
    await fill(database.db);
    await database.close();
    return {
      env: { DATABASE_URL: withDatabase(url, name) },
      async drop() {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    };
  }
  const dir = scratchDir('e2e-list');
  const database = await openPGlite({
    dataDir: join(dir, 'pglite'),
    loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]),
  });
  await fill(database.db);
  await database.close();
  return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

let server: RunningServer;
let browser: Browser;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const prepared = await prepareDatabase();
  drop = prepared.drop;
  server = await startServer({ ...prepared.env, SEED_DEMO: 'false' });
  browser = await launchBrowser();
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await drop?.();
}, 60_000);

describe('organisation list', () => {
  it(`renders fewer than ${DOM_BUDGET} DOM nodes with more than 10,000 organisations`, async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(60_000);
    await loginAs(page, server.url, USER.username, USER.password);
    await page.goto(`${server.url}/organisations`);
    await expect
      .poll(() => page.getByTestId('org-count').textContent(), { timeout: 60_000 })
      .toMatch(/Tìm thấy/);
    const total = await page.evaluate(async () => {
      const r = await fetch('/api/organisations?pageSize=1');
      return ((await r.json()) as { total: number }).total;
    });
    expect(total).toBeGreaterThanOrEqual(10_000);
    await page.locator('.ant-table-row').first().waitFor();
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`organisation list: ${nodes} DOM nodes with ${total} organisations`);
    expect(nodes).toBeLessThan(DOM_BUDGET);
    await page.close();
  }, 240_000);

  it(`virtualises the largest page (${LARGEST_PAGE} rows): under ${DOM_BUDGET} nodes, the last row reachable by scrolling`, async () => {
    expect(LARGEST_PAGE).toBeGreaterThanOrEqual(500);
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.setDefaultTimeout(60_000);
    await loginAs(page, server.url, USER.username, USER.password);
    await page.goto(`${server.url}/organisations?pageSize=${LARGEST_PAGE}`);
    // The pager says the page holds rows 1–500 of the whole registry.
    const range = new RegExp(`^1–${formatNumber(LARGEST_PAGE).replace('.', '\\.')} trong `);
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent(), { timeout: 60_000 })
      .toMatch(range);
    await page.locator('.ant-table-tbody-virtual .ant-table-row').first().waitFor();
    // The last row of the page, as the list asks for it (name order, fetched in chunks of 100).
    const last = await page.evaluate(async (n) => {
      const r = await fetch(`/api/organisations?sort=name&page=${n / 100}&pageSize=100`);
      const items = ((await r.json()) as { items: { id: number; regCode: string; name: string }[] }).items;
      return items[items.length - 1];
    }, LARGEST_PAGE);
    const lastRow = page.locator(`.ant-table-row[data-row-key="${last.id}"]`);
    const rendered = await page.locator('.ant-table-row').count();
    expect(rendered).toBeLessThan(100); // only what is visible, not 500 rows
    expect(await lastRow.count()).toBe(0);
    const before = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`${LARGEST_PAGE}-row page: ${before} DOM nodes, ${rendered} rows rendered`);
    expect(before).toBeLessThan(DOM_BUDGET);

    // Scroll the virtual list down with the mouse wheel until its end.
    const body = page.locator('.ant-table-tbody-virtual-holder');
    const box = (await body.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 60 && !(await lastRow.isVisible()); i++) {
      await page.mouse.wheel(0, 2_000);
      await page.waitForTimeout(100);
    }
    await expect.poll(() => lastRow.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await lastRow.textContent()).toContain(last.regCode);
    expect(await lastRow.locator('td, .ant-table-cell').first().textContent()).toBe(
      formatNumber(LARGEST_PAGE),
    );
    await expect.poll(() => page.getByText(last.regCode, { exact: true }).isVisible()).toBe(true);
    const after = await page.evaluate(() => document.getElementsByTagName('*').length);
    console.log(`${LARGEST_PAGE}-row page scrolled to row ${LARGEST_PAGE}: ${after} DOM nodes`);
    expect(after).toBeLessThan(DOM_BUDGET);
    await page.close();
  }, 240_000);
});
