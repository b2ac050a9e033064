import { type Kysely, sql } from 'kysely';
import { vietnameseSortKey } from '../../core/text.js';
import type { DB } from '../db/schema.js';
import { buildDemoRegistry, DEMO_COOP_NAME } from './demo-build.js';
import { type Column, hasColumn, insertUnnest, REPORT_COLUMNS } from './demo-load.js';
import { loadDemoGeography } from './demo-territory.js';

/** The account of the demo cooperative (a coop_user scoped to its organisation in Xã Đồng Đăng, Lạng Sơn). */
export const DEMO_COOP_USERNAME = 'htx.dongdang';

/** What the demo registry seeder did. */
export interface DemoRegistrySummary {
  created: boolean;
  organisations: number;
  htx: number;
  tht: number;
  unions: number;
  reports: number;
  events: number;
  products: number;
  members: number;
  unionLinks: number;
  ms: number;
}

const ORG_COLUMNS: Column[] = [
  ['kind', 'text'],
  ['credit_fund', 'boolean'],
  ['reg_code', 'text'],
  ['name', 'text'],
  ['name_key', 'text'],
  ['short_name', 'text'],
  ['commune_id', 'int'],
  ['province_id', 'int'],
  ['pre2025_commune_id', 'int'],
  ['address', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['founded_on', 'date'],
  ['registered_on', 'date'],
  ['registering_authority', 'text'],
  ['charter_capital', 'numeric'],
  ['legal_rep_name', 'text'],
  ['legal_rep_title', 'text'],
  ['vsic_code', 'text'],
  ['field', 'text'],
  ['agri_subtype', 'text'],
  ['new_model', 'text'],
  ['governance', 'text'],
  ['legal_status', 'text'],
  ['status_changed_on', 'date'],
  ['ended_on', 'date'],
  ['paper_only', 'boolean'],
  ['demo', 'boolean'],
].map(([name, type]) => ({ name, type }));

const cols = (list: string): Column[] =>
  list.split(' ').map((c) => {
    const [name, type] = c.split(':');
    return { name, type };
  });

/**
 * Seeds a synthetic but realistic registry (organisation.demo = true, "Dữ liệu mẫu") for the provinces of the five
 * seed plans, deterministically from `seed`, in one transaction of a few unnest() statements; only when the
 * organisation table is empty. Links the 'htx.dongdang' account, if present, to the demo cooperative of Đồng Đăng.
 */
export async function seedDemoRegistry(
  db: Kysely<DB>,
  opts: { seed?: number } = {},
): Promise<DemoRegistrySummary> {
  const started = Date.now();
  const seed = opts.seed ?? 20250701;
  const empty: DemoRegistrySummary = {
    created: false,
    organisations: 0,
    htx: 0,
    tht: 0,
    unions: 0,
    reports: 0,
    events: 0,
    products: 0,
    members: 0,
    unionLinks: 0,
    ms: 0,
  };
  if (await db.selectFrom('organisation').select('id').limit(1).executeTakeFirst()) return empty;
  const data = buildDemoRegistry(await loadDemoGeography(db), seed);
  // organisation.name_sort (migration 0005) is the stored Vietnamese sort key; older schemas lack it.
  const withSort = await hasColumn(db, 'organisation', 'name_sort');
  const orgs = data.orgs;
  const summary: DemoRegistrySummary = {
    ...empty,
    created: true,
    organisations: orgs.length,
    htx: orgs.filter((b) => b.o.kind === 'HTX').length,
    tht: orgs.filter((b) => b.o.kind === 'THT').length,
    unions: orgs.filter((b) => b.o.kind === 'LHHTX').length,
    unionLinks: data.unionLinks.length,
  };
  const created = await db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: another process may have seeded meanwhile (PostgreSQL).
    if (await trx.selectFrom('organisation').select('id').limit(1).executeTakeFirst()) return false;
    const orgRows = orgs.map((b) =>
      withSort ? { ...b.row, name_sort: vietnameseSortKey(String(b.row.name)) } : b.row,
    );
    const orgCols = withSort ? [...ORG_COLUMNS, { name: 'name_sort', type: 'text' }] : ORG_COLUMNS;
    const ids = new Map(
      (await insertUnnest(trx, 'organisation', orgCols, orgRows, ['id', 'reg_code'])).map((r) => [
        String(r.reg_code),
        Number(r.id),
      ]),
    );
    const idOf = (i: number) => ids.get(String(orgs[i].row.reg_code)) as number;
    const per = <T extends object>(pick: (i: number) => T[]) =>
      orgs.flatMap((_, i) => pick(i).map((x) => ({ ...x, organisation_id: idOf(i) })));
    const events = per((i) => orgs[i].events);
    await insertUnnest(
      trx,
      'organisation_event',
      cols('organisation_id:int kind:text occurred_on:date note:text detail:jsonb'),
      events,
    );
    const products = per((i) => orgs[i].products);
    await insertUnnest(
      trx,
      'organisation_product',
      cols('organisation_id:int kind:text name:text stars:smallint year:smallint note:text'),
      products,
    );
    await insertUnnest(
      trx,
      'organisation_union_member',
      cols('union_id:int member_id:int joined_on:date'),
      data.unionLinks.map((l) => ({
        union_id: idOf(l.union),
        member_id: idOf(l.member),
        joined_on: l.joined_on,
      })),
    );
    const reports = per((i) => orgs[i].reports);
    await insertUnnest(trx, 'annual_report', REPORT_COLUMNS, reports);
    const comments = per((i) => orgs[i].comments);
    if (comments.length > 0) {
      await sql`insert into report_comment (report_id, kind, body, created_at)
        select r.id, 'return', v.body, v.at from unnest(${comments.map((c) => c.organisation_id)}::int[], ${comments.map((c) => c.year)}::int[],
          ${comments.map((c) => c.body)}::text[], ${comments.map((c) => c.at)}::timestamptz[]) as v(org, year, body, at)
        join annual_report r on r.organisation_id = v.org and r.year = v.year and r.period = 'year'`.execute(
        trx,
      );
    }
    const members = per((i) => orgs[i].members);
    await insertUnnest(
      trx,
      'member',
      cols(
        'organisation_id:int member_type:text full_name:text birth_date:date gender:text ethnicity:text ' +
          'nationality:text id_number:text org_code:text address:text capital_pledged:numeric capital_paid:numeric joined_on:date',
      ),
      members,
    );
    const demo = orgs.findIndex((b) => b.o.demoUser);
    const demoId = idOf(demo);
    await trx
      .updateTable('app_user')
      .set({ organisation_id: demoId, scope_unit_id: orgs[demo].p.commune.id })
      .where('username', '=', DEMO_COOP_USERNAME)
      .where('role', '=', 'coop_user')
      .execute();
    Object.assign(summary, {
      reports: reports.length,
      events: events.length,
      products: products.length,
      members: members.length,
    });
    await trx
      .insertInto('audit_log')
      .values({
        action: 'seed.demo_registry',
        entity_type: 'organisation',
        entity_id: null,
        actor_id: null,
        actor_name: 'Hệ thống',
        before: null,
        after: JSON.stringify({
          seed,
          ...summary,
          ms: undefined,
          demoCooperative: { id: demoId, name: DEMO_COOP_NAME },
        }),
        request_id: null,
        ip: null,
        province_id: null,
      })
      .execute();
    return true;
  });
  if (!created) return empty;
  summary.ms = Date.now() - started;
  return summary;
}

/** The one-line summary printed at first start. */
export function describeDemoRegistry(s: DemoRegistrySummary): string {
  const n = (x: number) => x.toLocaleString('vi-VN');
  return (
    `Dữ liệu mẫu: ${n(s.organisations)} tổ chức (${n(s.htx)} HTX, ${n(s.tht)} THT, ${n(s.unions)} LHHTX), ${n(s.reports)} báo cáo năm, ` +
    `${n(s.events)} sự kiện, ${n(s.products)} sản phẩm/nhãn hiệu, ${n(s.members)} thành viên trong sổ, nạp trong ${n(s.ms)} ms`
  );
}
