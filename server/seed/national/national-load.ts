import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AGGREGATE_REBUILD_STATEMENTS } from '../../modules/indicator/aggregate-rebuild.js';
import { NameBook } from '../demo-naming.js';
import { createRng } from '../demo-random.js';
import { type CopySink, chunked } from './copy-sink.js';
import { CAMPAIGN_COLUMNS, campaignRows, RESULT_COLUMNS, resultRows } from './national-assessments.js';
import { loadNationalGeography } from './national-geo.js';
import { generateOrganisations, linkUnions, type NationalOrg } from './national-orgs.js';
import {
  EVENT_COLUMNS,
  eventRows,
  MEMBER_COLUMNS,
  memberRows,
  ORG_COLUMNS,
  organisationRow,
  PRODUCT_COLUMNS,
  productRows,
  REPORT_COPY_COLUMNS,
  RowContext,
  reportRows,
} from './national-rows.js';
import { NATIONAL_TARGETS, type SeedScale } from './national-scale.js';

/** Options of one load. */
export interface NationalSeedOptions {
  scale: SeedScale;
  seed: number;
  /** Delete the registry (organisations and everything hanging off them) first. */
  reset: boolean;
  log?: (line: string) => void;
}

/** What was loaded, and how long each phase took. */
export interface NationalSeedSummary {
  rows: Record<string, number>;
  phases: { name: string; ms: number }[];
  fraction: number;
}

/** Raised when organisations exist and no reset was asked for. */
export class SeedRefusedError extends Error {}

const TRIGGERED = ['organisation', 'annual_report', 'assessment_result'];
// Tables with explicit ids in the load, whose identity sequences are moved past them afterwards.
const WITH_IDS = [
  'organisation',
  'annual_report',
  'organisation_event',
  'organisation_product',
  'member',
  'assessment_campaign',
  'assessment_result',
];
const CHILDREN =
  'assessment_score, assessment_classification, assessment_result, assessment_campaign, report_comment, ' +
  'data_quality_flag, annual_report, member, organisation_event, organisation_product, organisation_union_member, ' +
  'registration_change_request, organisation_retired_code';

/**
 * Generates the synthetic registry (national, one province or a fraction) and loads it in one transaction through
 * COPY with the aggregate triggers off, then rebuilds the aggregates with set-based SQL and runs VACUUM ANALYZE.
 * Needs a migrated database with the administrative units and the rubrics; same seed → same rows.
 */
export async function loadNationalDataset(
  db: Kysely<DB>,
  sink: CopySink,
  opts: NationalSeedOptions,
): Promise<NationalSeedSummary> {
  const log = opts.log ?? (() => {});
  const phases: NationalSeedSummary['phases'] = [];
  const rows: Record<string, number> = {};
  const phase = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    const ms = Math.round(performance.now() - t0);
    phases.push({ name, ms });
    log(`  ${name.padEnd(44, '.')} ${(ms / 1000).toFixed(1).padStart(6)} s`);
    return r;
  };
  const existing = (await sink.rows<{ n: number }>('select count(*)::int as n from organisation'))[0];
  if (Number(existing?.n ?? 0) > 0 && !opts.reset)
    throw new SeedRefusedError(
      `Cơ sở dữ liệu đã có ${Number(existing.n).toLocaleString('vi-VN')} tổ chức; không nạp dữ liệu tổng hợp chồng lên. ` +
        'Thêm --reset để xóa sổ đăng ký hiện có (tổ chức, báo cáo, thành viên, đánh giá) rồi nạp lại.',
    );
  const geo = await phase('Đọc địa giới hành chính', () =>
    loadNationalGeography(db, opts.scale.provinceCode),
  );
  const scale = opts.scale.kind === 'province' ? { ...opts.scale, fraction: geo.weight } : opts.scale;
  const root = createRng(opts.seed);
  const { orgs, links } = await phase('Sinh danh sách tổ chức', () => {
    const orgs = generateOrganisations(root.fork('organisations'), geo, scale);
    const perUnion = NATIONAL_TARGETS.unionMemberHtx / NATIONAL_TARGETS.lhhtx;
    return { orgs, links: linkUnions(root.fork('unions'), orgs, perUnion) };
  });
  const rubrics = new Map(
    (await sink.rows<{ id: number; code: string }>(`select id, code from rubric_version where shipped`)).map(
      (r) => [r.code, Number(r.id)],
    ),
  );
  const tt01 = rubrics.get('TT01-2020');
  const tt09 = rubrics.get('TT09-2017');
  if (!tt01 || !tt09)
    throw new Error('Thiếu bộ tiêu chí TT01-2020 / TT09-2017: cơ sở dữ liệu chưa được cập nhật.');
  const ctx = new RowContext(root.fork('rows'), links);
  const copy = async (
    table: string,
    columns: readonly string[],
    items: Iterable<NationalOrg>,
    produce: Parameters<typeof chunked<NationalOrg>>[1],
  ) => {
    const counter = { rows: 0 };
    await sink.copy(table, columns, chunked(items, produce, counter));
    rows[table] = (rows[table] ?? 0) + counter.rows;
  };
  await sink.exec('begin');
  try {
    if (opts.reset) await phase('Xóa sổ đăng ký cũ (--reset)', () => clearRegistry(sink));
    for (const t of TRIGGERED) await sink.exec(`alter table ${t} disable trigger user`);
    // Secondary indexes (trigram GIN, expression indexes) are built once after the load: far cheaper than per row.
    if (sink.kind === 'postgres') await sink.exec(`set local maintenance_work_mem = '256MB'`);
    const indexes = await phase('Tạm bỏ chỉ mục phụ', () => dropSecondaryIndexes(sink, INDEXED));
    const book = new NameBook();
    const codes = new Set<string>();
    await phase('COPY organisation', () =>
      copy('organisation', ORG_COLUMNS, orgs, (x, b) => organisationRow(ctx, book, codes, x, b)),
    );
    await phase('COPY organisation_union_member, _event, _product', async () => {
      const linkChunks = chunked(links, (l, b) => b.add([l.union, l.member, l.joined_on]));
      await sink.copy('organisation_union_member', ['union_id', 'member_id', 'joined_on'], linkChunks);
      rows.organisation_union_member = links.length;
      await copy('organisation_event', EVENT_COLUMNS, orgs, (x, b) => eventRows(ctx, x, b));
      await copy('organisation_product', PRODUCT_COLUMNS, orgs, (x, b) => productRows(ctx, x, b));
    });
    await phase('COPY annual_report (2015–2025)', () =>
      copy('annual_report', REPORT_COPY_COLUMNS, orgs, (x, b) => reportRows(ctx, x, b)),
    );
    await phase('COPY member (sổ thành viên)', () =>
      copy(
        'member',
        MEMBER_COLUMNS,
        registerHolders(ctx, orgs, NATIONAL_TARGETS.registeredMembers * scale.fraction),
        (x, b) => memberRows(ctx, x, b),
      ),
    );
    await phase('COPY assessment_campaign, assessment_result', async () => {
      const campaign = new Map<string, number>();
      await sink.copy(
        'assessment_campaign',
        CAMPAIGN_COLUMNS,
        chunked([0], (_, b) => {
          for (const [k, v] of campaignRows(geo.provinceIds, tt01, b)) campaign.set(k, v);
        }),
      );
      rows.assessment_campaign = campaign.size;
      let id = 0;
      const setup = { tt01, tt09, campaign };
      await copy('assessment_result', RESULT_COLUMNS, orgs, (x, b) =>
        resultRows(ctx, setup, x, b, () => ++id),
      );
    });
    await phase('Tạo lại chỉ mục phụ', async () => {
      for (const def of indexes) await sink.exec(def);
    });
    await phase('Đặt lại sequence, bật trigger', async () => {
      for (const t of WITH_IDS)
        await sink.exec(
          `select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 0) + 1, false)`,
        );
      for (const t of TRIGGERED) await sink.exec(`alter table ${t} enable trigger user`);
    });
    await phase('Dựng lại bảng tổng hợp (plan_*)', async () => {
      for (const s of AGGREGATE_REBUILD_STATEMENTS) await sink.exec(s);
    });
    const after = JSON.stringify({ seed: opts.seed, scale: scale.kind, province: scale.provinceCode, rows });
    await sink.exec(
      `insert into audit_log (action, entity_type, actor_name, after) values ('seed.national', 'organisation', 'Hệ thống', $j$${after}$j$::jsonb)`,
    );
    await phase('COMMIT', () => sink.exec('commit'));
  } catch (err) {
    await sink.exec('rollback').catch(() => {});
    throw err;
  }
  // VACUUM as well: a table just loaded has an empty visibility map, so until autovacuum passes (never, where it is
  // off) every index-only scan (the list's counts) reads the heap page of each row it counts.
  await phase('VACUUM ANALYZE', () => sink.exec('vacuum analyze'));
  return { rows, phases, fraction: scale.fraction };
}

const INDEXED = [
  'organisation',
  'annual_report',
  'member',
  'organisation_event',
  'organisation_product',
  'assessment_result',
];

/** Drops the indexes of the tables that back no constraint; returns their definitions to create them again. */
async function dropSecondaryIndexes(sink: CopySink, tables: readonly string[]): Promise<string[]> {
  const list = tables.map((t) => `'${t}'`).join(', ');
  const defs = await sink.rows<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in (${list})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      order by i.tablename, i.indexname`,
  );
  for (const d of defs) await sink.exec(`drop index ${d.name}`);
  return defs.map((d) => d.def);
}

/** Deletes the registry: child tables truncated, organisations deleted (accounts keep existing, unbound). */
async function clearRegistry(sink: CopySink) {
  await sink.exec(`truncate ${CHILDREN} restart identity`);
  await sink.exec('update app_user set organisation_id = null where organisation_id is not null');
  await sink.exec('alter table organisation disable trigger user');
  await sink.exec('delete from organisation');
}

/**
 * The HTX whose members are registered one by one: operating HTX drawn in id order (each with its own stream)
 * until about `target` members (the latest report's count) are covered.
 */
function* registerHolders(ctx: RowContext, orgs: NationalOrg[], target: number): Generator<NationalOrg> {
  let covered = 0;
  for (const x of orgs) {
    if (covered >= target) return;
    // Credit funds keep their registers under the State Bank's rules (and would fill the quota with a few funds).
    if (x.o.kind !== 'HTX' || x.o.creditFund || x.o.endedOn || x.o.paperOnly) continue;
    const latest = ctx.summaries[x.id]?.latest;
    if (!latest || !ctx.stream(x, 'register').chance(0.5)) continue;
    covered += Number(latest.members_total ?? 0);
    yield x;
  }
}
