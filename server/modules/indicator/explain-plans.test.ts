/**
 * The queries of the dashboards and of target evaluation, captured through a query logger while every built-in
 * indicator is evaluated over the nation, a province of today and a pre-2025 province, every target of the shipped
 * plans (with allocations) is evaluated, and the unit statistics are read; each is then EXPLAINed on a database
 * holding a slice of the national synthetic dataset (ANALYZEd). DESIGN.md §2: they read the per-unit aggregates
 * and reach base tables through indexes only — no sequential scan of organisations, members or yearly figures.
 */
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_INDICATORS } from '../../../core/indicator/catalogue.js';
import type { Database } from '../../db/database.js';
import { PGliteDialect } from '../../db/pglite-dialect.js';
import type { DB } from '../../db/schema.js';
import { loadTiny } from '../../seed/national/national-test-support.js';
import { seedPlans } from '../../seed/seed-plans.js';
import { createTestDatabase } from '../../test/db.js';
import { countUnits } from '../admin-unit/admin-unit.repo.js';
import { evaluateAllocation, evaluateTargetOver } from '../plan/evaluate-target.js';
import { listTargets, type PlanRow } from '../plan/plan.repo.js';
import { evaluateTargetForUnit } from '../plan/plan-unit-view.js';
import { evaluateSpec } from './evaluate-indicator.js';
import { findIndicatorDef } from './indicator-defs.js';
import { resolveTerritory, type Territory } from './territory.js';

// Sequential scans are fine on the aggregates and on small reference tables that do not grow with the registry.
const SEQ_SCAN_OK = new Set([
  'plan_org_year',
  'plan_org_day',
  'plan_report_year',
  'plan_assessment_year',
  'plan_org_year_province',
  'plan_org_day_province',
  'plan_report_year_province',
  'plan_assessment_year_province',
  'plan_org_year_nation',
  'plan_org_day_nation',
  'plan_report_year_nation',
  'plan_assessment_year_nation',
  'plan_trademark_year',
  'admin_unit',
  'admin_unit_lineage',
  'plan',
  'plan_target',
  'plan_task',
  'indicator_definition',
  'indicator_manual_value',
  'rubric_version',
]);

// Never scanned whole at request time, whatever their size here: the registry, its members and yearly figures.
const NEVER_SEQ_SCAN = new Set([
  'organisation',
  'member',
  'annual_report',
  'report_comment',
  'data_quality_flag',
  'assessment_result',
  'assessment_score',
  'assessment_classification',
]);
// Other tables that grow with the registry may be read whole while they fit in a page or two here (organisation_product
// holds ~70 rows at this scale, where every planner reads the page; nationally, 7,000 rows, the same query uses
// organisation_product_kind_ix): the test database is a 1% slice of the nation.
const TINY_PAGES = 2;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const captured = new Map<string, CompiledQuery>();
let database: Database & { url?: string };
let logged: Kysely<DB>;
let pool: pg.Pool | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedPlans(database.db);
  await loadTiny(database, { seed: 11, fraction: 0.01 });
  const log = (e: LogEvent) => {
    if (e.level === 'query') captured.set(`${e.query.sql}|${JSON.stringify(e.query.parameters)}`, e.query);
  };
  if (database.pglite) logged = new Kysely<DB>({ dialect: new PGliteDialect(database.pglite), log });
  else {
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    logged = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  }
  await runWorkload(logged);
}, 240_000);

afterAll(async () => {
  await logged?.destroy();
  await database?.close();
});

async function unitId(era: string, level: number, code: string): Promise<number> {
  const r = await database.db
    .selectFrom('admin_unit')
    .select('id')
    .where('era', '=', era as 'pre2025')
    .where('level', '=', level)
    .where('code', '=', code)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** What the dashboards and the plan pages run: indicators over three territories, every seed plan's targets. */
async function runWorkload(db: Kysely<DB>) {
  const date = '2025-11-30';
  const units = [null, await unitId('post2025', 1, '20'), await unitId('pre2025', 1, '62')];
  for (const u of units) {
    const t = await resolveTerritory(db, u);
    for (const def of BUILT_IN_INDICATORS)
      await evaluateSpec(db, def.spec, t, { date, seriesFrom: 2020, seriesTo: 2025 }, def.key);
    await countUnits(db, t.provinceId);
  }
  const plans = await db.selectFrom('plan').selectAll().orderBy('id').execute();
  for (const plan of plans) {
    const territory = await resolveTerritory(db, plan.unit_id);
    for (const target of await listTargets(db, plan.id)) {
      const def = await findIndicatorDef(db, target.indicator_key);
      if (!def) continue;
      await evaluateTargetOver(db, plan, target, def, territory, date);
      if (target.relation === 'allocated') await evaluateAllocation(db, plan, target, def, date);
    }
  }
  await runUnitFilter(db, plans, date);
}

/** The plan page filtered by unit: the Lạng Sơn plan for a former district and for a commune of today. */
async function runUnitFilter(db: Kysely<DB>, plans: PlanRow[], date: string) {
  const plan = plans.find((p) => p.code === 'seed:LS-115-KH-UBND-2023');
  if (!plan?.unit_id) throw new Error('the Lạng Sơn plan is not seeded');
  const today = await unitId('post2025', 1, '20');
  const units = await db
    .selectFrom('admin_unit')
    .select(['id', 'parent_id', 'level', 'full_name'])
    .where((eb) =>
      eb.or([
        eb('parent_id', '=', plan.unit_id).and('level', '=', 2),
        eb('parent_id', '=', today).and('level', '=', 3),
      ]),
    )
    .orderBy('code')
    .execute();
  const targets = await listTargets(db, plan.id);
  const defs = new Map();
  for (const t of targets) defs.set(t.indicator_key, await findIndicatorDef(db, t.indicator_key));
  for (const level of [2, 3]) {
    const u = units.find((x) => x.level === level);
    if (!u) throw new Error(`no unit of level ${level}`);
    const unit = {
      unitId: u.id,
      parentId: u.parent_id,
      level: u.level,
      label: u.full_name,
      territory: await resolveTerritory(db, u.id),
    };
    for (const t of targets) await evaluateTargetForUnit(db, plan, targets, t, defs, unit, date);
  }
}

function scans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  if (node['Relation Name']) out.push(node);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

async function explain(q: CompiledQuery): Promise<PlanNode> {
  const r = await database.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
  );
  const raw = r.rows[0]['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return parsed[0].Plan;
}

describe('dashboard and target queries on a national-shaped database', () => {
  it('captures the aggregate queries of every indicator source', () => {
    const all = [...captured.values()].map((q) => q.sql).join('\n');
    for (const table of ['plan_org_year', 'plan_org_day', 'plan_report_year', 'plan_assessment_year'])
      for (const t of [table, `${table}_province`, `${table}_nation`])
        expect(all).toMatch(new RegExp(`\\b${t}\\b`));
    expect(captured.size).toBeGreaterThan(50);
  });

  it('sees a full scan of yearly figures when a query does one (the check itself works)', async () => {
    const plan = await explain(CompiledQuery.raw('select sum(members_total) from annual_report'));
    expect(scans(plan).map((s) => `${s['Node Type']} ${s['Relation Name']}`)).toContain(
      'Seq Scan annual_report',
    );
  });

  it('scans sequentially only aggregates and small reference tables', async () => {
    const pages = new Map(
      (
        await database.db.executeQuery<{ relname: string; relpages: number }>(
          CompiledQuery.raw(`select relname, relpages from pg_class where relkind = 'r'`),
        )
      ).rows.map((r) => [r.relname, Number(r.relpages)]),
    );
    const allowed = (rel: string) =>
      SEQ_SCAN_OK.has(rel) || (!NEVER_SEQ_SCAN.has(rel) && (pages.get(rel) ?? 0) <= TINY_PAGES);
    const offenders: string[] = [];
    for (const q of captured.values()) {
      if (!/^\s*select/i.test(q.sql)) continue;
      for (const s of scans(await explain(q))) {
        const rel = s['Relation Name'] as string;
        if (s['Node Type'] === 'Seq Scan' && !allowed(rel))
          offenders.push(`${rel}: ${q.sql.replace(/\s+/g, ' ').slice(0, 240)}`);
      }
    }
    expect([...new Set(offenders)]).toEqual([]);
  }, 120_000);

  it('reads the same values from the nation and province rollups as from the fine tables (nation, provinces of today)', async () => {
    const db = database.db;
    const communes = await db
      .selectFrom('admin_unit')
      .select('id')
      .where('era', '=', 'post2025')
      .where('level', '=', 3)
      .execute();
    const nation = await resolveTerritory(db, null);
    // The same communes as a territory of no level: aggSource reads it from the fine tables.
    const fine = (t: Territory): Territory =>
      t.era === null
        ? { ...t, era: 'post2025', postCommuneIds: communes.map((c) => c.id) }
        : { ...t, level: null };
    const opts = { date: '2025-11-30', seriesFrom: 2018, seriesTo: 2025 };
    let nonzero = 0;
    for (const t of [
      nation,
      ...(await Promise.all(
        ['20', '01'].map(async (c) => resolveTerritory(db, await unitId('post2025', 1, c))),
      )),
    ])
      for (const def of BUILT_IN_INDICATORS) {
        if (def.spec.source === 'manual') continue;
        const rolled = await evaluateSpec(db, def.spec, t, opts, def.key);
        expect(rolled, `${def.key} over ${t.label}`).toEqual(
          await evaluateSpec(db, def.spec, fine(t), opts, def.key),
        );
        if (rolled.value) nonzero++;
      }
    expect(nonzero).toBeGreaterThan(20);
  }, 120_000);
});
