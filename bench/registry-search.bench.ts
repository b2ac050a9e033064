/**
 * Search over 100,000 organisations: GET /api/organisations through the whole application (session, zod,
 * service, SQL, JSON) against the very SQL statements that request runs, captured from Kysely's log and
 * replayed directly on the driver. Goals: p95 < 50 ms and ≤ 3 × the direct SQL.
 *
 *   npm run bench -- registry-search            (PGlite)
 *   DATABASE_URL=postgres://… npm run bench -- registry-search
 */
import { sql } from 'kysely';
import * as text from '../core/text.js';
import { createApp } from '../server/app.js';
import type { AppDeps } from '../server/context.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { machine, median, openBenchDb, quantile, writePerformanceSection } from './registry-bench-support.js';

const ORGS = 100_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const TRADES = [
  'Nông nghiệp',
  'Dịch vụ tổng hợp',
  'Chè',
  'Hồi Quế',
  'Thủy sản',
  'Vận tải',
  'Môi trường',
  'Rau an toàn',
  'Chăn nuôi',
  'Mây tre đan',
  'Cà phê',
  'Lúa gạo',
];
const PREFIX = ['Hợp tác xã', 'HTX', 'Tổ hợp tác', 'Liên hiệp HTX'];
const esc = (v: unknown) =>
  v === null || v === undefined
    ? '\\N'
    : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

/** Runs the search benchmark and writes its table into docs/performance.md. */
export default async function run() {
  const b = await openBenchDb();
  const communes = await b.db
    .selectFrom('admin_unit')
    .select(['id', 'parent_id', 'name'])
    .where('era', '=', 'post2025')
    .where('level', '=', 3)
    .orderBy('code')
    .execute();
  const withSort =
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.columns where table_name = 'organisation' and column_name = 'name_sort'`.execute(
        b.db,
      )
    ).rows[0].n > 0;
  const lines: string[] = [];
  for (let i = 0; i < ORGS; i++) {
    const c = communes[(i * 7919) % communes.length];
    const p = i % 4;
    const name = `${PREFIX[p]} ${TRADES[i % TRADES.length]} ${c.name}${i % 5 ? ` ${i}` : ''}`;
    lines.push(
      [
        ['HTX', 'HTX', 'THT', 'LHHTX'][p],
        `44${String(i).padStart(8, '0')}`,
        name,
        text.organisationNameKey(name),
        c.id,
        c.parent_id,
        i % 9 ? 'active' : 'suspended',
        `Nguyễn Văn ${i % 97}`,
        `${2000 + (i % 25)}-0${1 + (i % 9)}-15`,
        ...(withSort ? [text.vietnameseSortKey(name)] : []),
      ]
        .map(esc)
        .join('\t'),
    );
  }
  const t0 = performance.now();
  await b.copy(
    'organisation',
    [
      'kind',
      'reg_code',
      'name',
      'name_key',
      'commune_id',
      'province_id',
      'legal_status',
      'legal_rep_name',
      'founded_on',
      ...(withSort ? ['name_sort'] : []),
    ],
    `${lines.join('\n')}\n`,
  );
  await sql`analyze`.execute(b.db);
  console.log(`${ORGS} organisations loaded by COPY in ${Math.round(performance.now() - t0)} ms`);

  let capture: { sql: string; params: readonly unknown[] }[] | null = null;
  const db = b.logged((e) => {
    if (capture && e.level === 'query' && /organisation/.test(e.query.sql))
      capture.push({ sql: e.query.sql, params: e.query.parameters });
  });
  const deps: AppDeps = {
    db,
    dbKind: b.kind,
    storage: b.storage,
    config: { secureCookies: false, sessionIdleMinutes: 120, sessionAbsoluteHours: 12 },
  };
  const app = createApp(deps, { webDist: null });
  await b.db
    .insertInto('app_user')
    .values({
      username: 'bench.search',
      full_name: 'Bench',
      email: null,
      password_hash: await hashPassword('Bench-Search-2025!'),
      role: 'national',
      scope_unit_id: null,
      organisation_id: null,
    })
    .execute();
  const login = await app.request('http://localhost/api/auth/login', {
    method: 'POST',
    headers: { host: 'localhost', origin: 'http://localhost', 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.search', password: 'Bench-Search-2025!' }),
  });
  const cookie = /hoptac_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const province = communes[0].parent_id;
  const queries = [
    'q=nông nghiệp',
    'q=dong dang',
    'q=chè',
    'q=dịch vụ tổng hợp',
    'q=htx mây tre',
    'q=4400012',
    'q=thuy san',
    'q=hồi quế',
    'q=rau an toan',
    'q=van tai',
    'q=nong ngiep',
    'q=ca phe&kind=HTX',
    `q=lua gao&unitId=${province}`,
    'q=moi truong&legalStatus=active',
    'q=chan nuoi&sort=name',
    'q=nông nghiệp&page=3',
    'kind=THT',
    `unitId=${province}`,
    'sort=name',
    'q=tổ hợp tác chè',
  ].map((q) => `/api/organisations?${encodeURI(q)}&pageSize=20`);
  const get = async (path: string) => {
    const r = await app.request(`http://localhost${path}`, { headers: { host: 'localhost', cookie } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    await r.arrayBuffer();
  };
  const statements = new Map<string, { sql: string; params: readonly unknown[] }[]>();
  for (const q of queries) {
    capture = [];
    await get(q);
    statements.set(q, capture);
    capture = null;
  }
  const appMs: number[] = [];
  const directMs: number[] = [];
  const perQuery = new Map<string, { app: number[]; direct: number[] }>(
    queries.map((q) => [q, { app: [], direct: [] }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      let t = performance.now();
      await get(q);
      const a = performance.now() - t;
      t = performance.now();
      for (const s of statements.get(q)!) await b.raw(s.sql, s.params);
      const d = performance.now() - t;
      if (round > 0) {
        appMs.push(a);
        directMs.push(d);
        perQuery.get(q)!.app.push(a);
        perQuery.get(q)!.direct.push(d);
      }
    }
  }
  const ratio = quantile(appMs, 0.95) / quantile(directMs, 0.95);
  const f = (x: number) => `${x.toFixed(1)} ms`;
  const worst = [...perQuery]
    .map(([q, v]) => ({ q, app: median(v.app), direct: median(v.direct) }))
    .sort((x, y) => y.app - x.app)
    .slice(0, 3);
  const table = `### Search over ${ORGS.toLocaleString('en-US')} organisations (${b.kind})

Command: \`${b.kind === 'pglite' ? '' : 'DATABASE_URL=postgres://… '}npm run bench -- registry-search\` (${queries.length} searches × ${ROUNDS - 1} measured rounds; first round warms up).
Machine: ${machine(b.kind)}. Measured ${new Date().toISOString().slice(0, 10)}.
What: \`GET /api/organisations\` (the organisation module's search: folded name, code, typo tolerance, filters, paging) through the whole application, versus the same SQL statements (captured from the request) run directly on the driver.

| | p50 | p95 | max |
|---|---|---|---|
| application (HTTP → JSON) | ${f(median(appMs))} | ${f(quantile(appMs, 0.95))} | ${f(Math.max(...appMs))} |
| the same SQL, direct | ${f(median(directMs))} | ${f(quantile(directMs, 0.95))} | ${f(Math.max(...directMs))} |

| goal | value |
|---|---|
| p95 < 50 ms | ${quantile(appMs, 0.95) < 50 ? `${f(quantile(appMs, 0.95))} ✓` : `**${f(quantile(appMs, 0.95))} ✗** (${(quantile(appMs, 0.95) / 50).toFixed(1)} × the goal)`} |
| p95 ≤ 3 × direct SQL | ${ratio <= 3 ? `${ratio.toFixed(2)} ✓` : `**${ratio.toFixed(2)} ✗**`} |

Slowest searches (median, application / direct): ${worst.map((w) => `\`${decodeURI(w.q.replace('/api/organisations?', ''))}\` ${f(w.app)} / ${f(w.direct)}`).join('; ')}.
`;
  console.log(table);
  writePerformanceSection(`registry-search-${b.kind}`, table);
  await b.close();
}
