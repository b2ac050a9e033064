/**
 * Import of a 50,000-row organisation workbook against its floor: parsing the same file alone plus COPY of
 * the same rows into the same table (same indexes). Goals (docs/performance.md, "Registry"): import total
 * ≤ 1.25 × (parse + COPY); database phase ≤ 2 × COPY. Medians of RUNS runs.
 *
 *   npm run bench -- registry-import            (PGlite)
 *   DATABASE_URL=postgres://… npm run bench -- registry-import
 */
import { sql } from 'kysely';
import * as text from '../core/text.js';
import { loadUnitDataset } from '../server/modules/admin-unit/admin-unit-source.js';
import { ORGANISATION_COLUMNS } from '../server/modules/registry-io/columns-organisation.js';
import { commitImport } from '../server/modules/registry-io/commit-import.js';
import { createImport } from '../server/modules/registry-io/create-import.js';
import { classifyOrganisations, type OrgWrite } from '../server/modules/registry-io/org-classify.js';
import { prepareOrganisations } from '../server/modules/registry-io/org-prepare.js';
import { readSheet } from '../server/modules/registry-io/read-sheet.js';
import { buildWorkbook } from '../server/modules/registry-io/xlsx-build.js';
import {
  benchContext,
  machine,
  median,
  openBenchDb,
  timed,
  writePerformanceSection,
} from './registry-bench-support.js';

const ROWS = 50_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The 50,000-row workbook in the template layout, spread over Lạng Sơn's communes. */
async function workbook(): Promise<Uint8Array> {
  const communes = loadUnitDataset().units.filter(
    (u) => u.era === 'post2025' && u.level === 3 && u.parentKey === 'post:P:20',
  );
  const trades = [
    'Nông nghiệp',
    'Dịch vụ tổng hợp',
    'Chè',
    'Hồi Quế',
    'Vận tải',
    'Rau an toàn',
    'Chăn nuôi',
    'Mây tre đan',
  ];
  const keys = ORGANISATION_COLUMNS.map((c) => c.key);
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const c = communes[i % communes.length];
    const v: Record<string, unknown> = {
      regCode: `45${String(i).padStart(8, '0')}`,
      name: `Hợp tác xã ${trades[i % trades.length]} ${c.name} ${i + 1}`,
      kind: i % 3 ? 'Hợp tác xã' : 'Tổ hợp tác',
      communeCode: c.code,
      communeName: c.fullName,
      province: 'Lạng Sơn',
      address: `Thôn ${1 + (i % 12)}, ${c.fullName}`,
      phone: `0912 ${String(100000 + i).slice(-6)}`,
      foundedOn: new Date(Date.UTC(2000 + (i % 25), i % 12, 1 + (i % 28))),
      charterCapital: (100 + (i % 900)) * 1_000_000,
      legalRepName: 'Nguyễn Văn An',
      legalRepTitle: 'Giám đốc',
      vsicCode: ['0111', '0150', '4669', '1010'][i % 4],
      legalStatus: 'Đang hoạt động',
      creditFund: 'Không',
      paperOnly: 'Không',
    };
    return keys.map((k) => v[k] ?? null);
  });
  return buildWorkbook([
    { name: 'Tổ chức', columns: ORGANISATION_COLUMNS.map((c) => ({ header: c.header, width: 12 })), rows },
  ]);
}

const esc = (v: unknown) =>
  v === null || v === undefined
    ? '\\N'
    : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** The rows as the import stores them, in COPY text format (computed once, outside the timings). */
function copyText(writes: OrgWrite[], withSort: boolean) {
  const columns = [
    'kind',
    'credit_fund',
    'reg_code',
    'name',
    'name_key',
    'short_name',
    'commune_id',
    'province_id',
    'address',
    'phone',
    'founded_on',
    'charter_capital',
    'legal_rep_name',
    'legal_rep_title',
    'vsic_code',
    'field',
    'legal_status',
    'paper_only',
    ...(withSort ? ['name_sort'] : []),
  ];
  const body = writes
    .map(({ data: d, provinceId }) =>
      [
        d.kind,
        d.creditFund,
        d.regCode,
        d.name,
        text.organisationNameKey(d.name),
        d.shortName,
        d.communeId,
        provinceId,
        d.address,
        d.phone,
        d.foundedOn,
        d.charterCapital,
        d.legalRepName,
        d.legalRepTitle,
        d.vsicCode,
        d.field,
        d.legalStatus,
        d.paperOnly,
        ...(withSort ? [text.vietnameseSortKey(d.name)] : []),
      ]
        .map(esc)
        .join('\t'),
    )
    .join('\n');
  return { columns, body: `${body}\n` };
}

/** Runs the import benchmark and writes its table into docs/performance.md. */
export default async function run() {
  const b = await openBenchDb();
  const ctx = await benchContext(b);
  const bytes = await workbook();
  const withSort =
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.columns where table_name = 'organisation' and column_name = 'name_sort'`.execute(
        b.db,
      )
    ).rows[0].n > 0;
  const reset = async () => {
    await sql`delete from organisation_event where organisation_id in (select id from organisation where reg_code like '45%')`.execute(
      b.db,
    );
    await sql`delete from organisation where reg_code like '45%'`.execute(b.db);
    await sql`vacuum analyze organisation`.execute(b.db);
  };
  const prepared = await prepareOrganisations(ctx, await readSheet(bytes, ORGANISATION_COLUMNS));
  const writes = (await classifyOrganisations(b.db, ctx, prepared, false)).inserts;
  if (writes.length !== ROWS) throw new Error(`expected ${ROWS} valid rows, got ${writes.length}`);
  const copy = copyText(writes, withSort);
  const m: Record<string, number[]> = {
    parse: [],
    copy: [],
    dryRun: [],
    commit: [],
    read: [],
    prepare: [],
    database: [],
  };
  for (let i = 0; i < RUNS; i++) {
    await reset();
    m.parse.push((await timed(() => readSheet(bytes, ORGANISATION_COLUMNS)))[1]);
    m.copy.push((await timed(() => b.copy('organisation', copy.columns, copy.body)))[1]);
    await reset();
    const [dry, dryMs] = await timed(() =>
      createImport(ctx, { kind: 'organisations', fileName: 'bench.xlsx', bytes }),
    );
    m.dryRun.push(dryMs);
    const phases: Record<string, number> = {};
    const [done, commitMs] = await timed(() =>
      commitImport(ctx, dry.jobId, 'all', (p, ms) => (phases[p] = ms)),
    );
    if (done.inserted !== ROWS) throw new Error(`commit inserted ${done.inserted}`);
    m.commit.push(commitMs);
    for (const p of ['read', 'prepare', 'database']) m[p].push(phases[p]);
    console.log(
      `run ${i + 1}: parse ${m.parse[i].toFixed(0)} ms, COPY ${m.copy[i].toFixed(0)} ms, dry run ${dryMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms (db ${phases.database.toFixed(0)} ms)`,
    );
  }
  const med = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, median(v)]));
  const floor = med.parse + med.copy;
  const ratioTotal = med.commit / floor;
  const ratioDb = med.database / med.copy;
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
  const ok = (r: number, goal: number) =>
    r <= goal
      ? `${r.toFixed(2)} ✓ (≤ ${goal})`
      : `**${r.toFixed(2)} ✗** (goal ≤ ${goal}: ${((r / goal - 1) * 100).toFixed(0)} % over)`;
  const table = `### Import of ${ROWS.toLocaleString('en-US')} organisations (${b.kind})

Command: \`${b.kind === 'pglite' ? '' : 'DATABASE_URL=postgres://… '}npm run bench -- registry-import\` (median of ${RUNS} runs${process.env.BENCH_RUNS ? '' : ', BENCH_RUNS to change'}).
Machine: ${machine(b.kind)}. Measured ${new Date().toISOString().slice(0, 10)}.

| step | median |
|---|---|
| parse alone (zip guard + read of the sheet, the import's reader) | ${ms(med.parse)} |
| COPY of the same ${ROWS.toLocaleString('en-US')} rows into organisation (same indexes) | ${ms(med.copy)} |
| floor = parse + COPY | ${ms(floor)} |
| dry run (upload check, parse, validate every row, job + audit row) | ${ms(med.dryRun)} |
| **import total** = commit (re-read + SHA-256, parse, validate, one transaction) | ${ms(med.commit)} |
| … of which read and parse / row preparation / database phase | ${ms(med.read)} / ${ms(med.prepare)} / ${ms(med.database)} |

| ratio | value |
|---|---|
| import total ÷ (parse + COPY) | ${ok(ratioTotal, 1.25)} |
| database phase ÷ COPY | ${ok(ratioDb, 2)} |
`;
  console.log(table);
  writePerformanceSection(`registry-import-${b.kind}`, table);
  await b.close();
}
