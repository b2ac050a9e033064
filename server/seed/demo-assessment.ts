/**
 * Demo assessments (first start only, after the demo registry): a TT 01/2020 campaign per province for 2020–2025 and a
 * result for every HTX/LHHTX of the year — published for 2020–2024, a workflow in progress for 2025 — with exclusions
 * recorded (credit funds, founded < 12 months, stopped > 3 months), a few never submitted, scores per item and the
 * four classifications. One transaction of unnest() statements and one audit row; nothing when results exist.
 */
import { type Kysely, sql } from 'kysely';
import { bandForTotal } from '../../core/assessment/score.js';
import type { DB } from '../db/schema.js';
import { refreshClassifications } from '../modules/assessment/classification.js';
import { notClassifiedReasonFor } from '../modules/assessment/eligibility.js';
import { approvedFigures, cooperativesOfYear } from '../modules/assessment/figures.repo.js';
import { loadRubric } from '../modules/assessment/load-rubric.js';
import { findRubricVersionByCode } from '../modules/assessment/rubric.repo.js';
import { baseQuality, type DemoSubject, demoResult, status2025 } from './demo-assessment-build.js';
import { createRng } from './demo-random.js';

/** What the seeder did. */
export interface DemoAssessmentSummary {
  created: boolean;
  campaigns: number;
  results: number;
  classified: number;
  scores: number;
}

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const LIVE = 2025;
const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:15:00+07:00`;
const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

/** Seeds the demo results when the registry exists and no result does; deterministic from `seed`. */
export async function seedDemoAssessments(
  db: Kysely<DB>,
  opts: { seed?: number } = {},
): Promise<DemoAssessmentSummary> {
  const empty = { created: false, campaigns: 0, results: 0, classified: 0, scores: 0 };
  if (await db.selectFrom('assessment_result').select('id').limit(1).executeTakeFirst()) return empty;
  const provinces = (
    await db.selectFrom('organisation').select('province_id').distinct().where('demo', '=', true).execute()
  ).map((r) => r.province_id);
  if (provinces.length === 0) return empty;
  const rng = createRng(opts.seed ?? 20251215);
  return db.transaction().execute(async (trx) => {
    const rubric = await loadRubric(trx, (await findRubricVersionByCode(trx, 'TT01-2020'))!.id);
    const summary = { ...empty, created: true };
    const results: Record<string, unknown>[] = [];
    const scores: { key: number; code: string; self: number; officer: number | null }[] = [];
    const bases = new Map<number, number>();
    const meta = new Map(
      (await trx.selectFrom('organisation').select(['id', 'paper_only', 'new_model']).execute()).map((o) => [
        o.id,
        o,
      ]),
    );
    for (const provinceId of provinces.sort((a, b) => a - b)) {
      for (const year of YEARS) {
        const camp = await trx
          .insertInto('assessment_campaign')
          .values({
            province_id: provinceId,
            year,
            rubric_version_id: rubric.row.id,
            self_deadline: `${year}-12-15`,
            commune_deadline: `${year}-12-18`,
            province_deadline: `${year}-12-21`,
            status: year === LIVE ? 'open' : 'closed',
            closed_at: year === LIVE ? null : `${year + 1}-01-10T09:00:00+07:00`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        summary.campaigns++;
        const orgs = await cooperativesOfYear(trx, provinceId, year);
        const figures = await approvedFigures(
          trx,
          orgs.map((o) => o.id),
          year,
        );
        for (const o of orgs) {
          const f = figures.get(o.id);
          const base = {
            organisation_id: o.id,
            year,
            rubric_version_id: rubric.row.id,
            campaign_id: camp.id,
          };
          const reason = notClassifiedReasonFor(rubric.def, o, year, f);
          if (reason || (!f && year !== LIVE) || (year !== LIVE && rng.chance(0.02))) {
            results.push({ ...base, status: 'draft', not_classified_reason: reason ?? 'not_submitted' });
            continue;
          }
          const m = meta.get(o.id);
          const revenue = num(f?.figures.revenueTotal);
          const s: DemoSubject = {
            organisationId: o.id,
            year,
            kind: o.kind,
            paperOnly: m?.paper_only ?? false,
            pilot: !!m?.new_model,
            margin: revenue ? (num(f?.figures.profitBeforeTax) ?? 0) / revenue : null,
            fundPct: num(f?.figures.fundDevelopmentPct),
          };
          if (!bases.has(o.id)) bases.set(o.id, baseQuality(rng, s));
          const r = demoResult(rng, rubric.def, s, bases.get(o.id)!);
          const status = year === LIVE ? status2025(rng, !!f) : 'published';
          const decided = status === 'published' || status === 'confirmed';
          const submitted = status !== 'draft';
          const reviewed = ['commune_reviewed', 'confirmed', 'published', 'returned'].includes(status);
          results.push({
            ...base,
            status,
            self_total: r.selfTotal,
            officer_total: decided && Object.keys(r.officer).length ? r.finalTotal : null,
            final_total: decided ? r.finalTotal : null,
            band: decided ? bandForTotal(r.finalTotal, rubric.def.bands) : null,
            board_name: r.board,
            board_approved_on: submitted ? r.submittedOn : null,
            supervisor_name: r.supervisor,
            supervisor_approved_on: submitted ? r.submittedOn : null,
            service_type: r.serviceType,
            submitted_at: submitted ? at(r.submittedOn, 9) : null,
            reviewed_at: reviewed ? at(r.reviewedOn, 14) : null,
            confirmed_at: decided ? at(r.confirmedOn, 10) : null,
            published_at: status === 'published' ? at(r.confirmedOn, 16) : null,
            review_comment:
              status === 'returned'
                ? 'Đề nghị HTX chấm lại nhóm tiêu chí tài chính cho khớp báo cáo năm.'
                : null,
          });
          const key = results.length - 1;
          for (const [code, v] of Object.entries(r.self))
            scores.push({ key, code, self: v, officer: decided ? (r.officer[code] ?? null) : null });
          if (decided) summary.classified++;
        }
      }
    }
    const ids = await insertResults(trx, results);
    for (let i = 0; i < scores.length; i += 40_000) {
      const part = scores.slice(i, i + 40_000);
      await sql`insert into assessment_score (assessment_id, item_code, self_score, officer_score)
        select * from unnest(${part.map((x) => ids[x.key])}::int[], ${part.map((x) => x.code)}::text[],
          ${part.map((x) => x.self)}::numeric[], ${part.map((x) => x.officer)}::numeric[])`.execute(trx);
    }
    const orgFields = new Map(
      (await trx.selectFrom('organisation').select(['id', 'field']).execute()).map((o) => [o.id, o.field]),
    );
    for (const year of YEARS) {
      const rows = results.filter((r) => r.year === year);
      await refreshClassifications(
        trx,
        year,
        rows.map((r) => ({
          organisationId: r.organisation_id as number,
          field: orgFields.get(r.organisation_id as number) ?? null,
          serviceType: (r.service_type as string | undefined) ?? null,
        })),
      );
    }
    Object.assign(summary, { results: results.length, scores: scores.length });
    await trx
      .insertInto('audit_log')
      .values({
        action: 'seed.demo_assessment',
        entity_type: 'assessment',
        entity_id: null,
        actor_id: null,
        actor_name: 'Hệ thống',
        before: null,
        after: JSON.stringify(summary),
        request_id: null,
        ip: null,
        province_id: null,
      })
      .execute();
    return summary;
  });
}

const COLUMNS: [string, string][] = [
  ['organisation_id', 'int'],
  ['year', 'smallint'],
  ['rubric_version_id', 'int'],
  ['campaign_id', 'int'],
  ['status', 'text'],
  ['self_total', 'numeric'],
  ['officer_total', 'numeric'],
  ['final_total', 'numeric'],
  ['band', 'text'],
  ['not_classified_reason', 'text'],
  ['board_name', 'text'],
  ['board_approved_on', 'date'],
  ['supervisor_name', 'text'],
  ['supervisor_approved_on', 'date'],
  ['service_type', 'text'],
  ['submitted_at', 'timestamptz'],
  ['reviewed_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
  ['published_at', 'timestamptz'],
  ['review_comment', 'text'],
];

/** Inserts the results in chunks with unnest(); returns their ids in input order (matched by organisation and year). */
async function insertResults(trx: Kysely<DB>, rows: Record<string, unknown>[]): Promise<number[]> {
  const byKey = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 5_000) {
    const part = rows.slice(i, i + 5_000);
    const arrays = COLUMNS.map(([c, t]) => sql`${part.map((r) => r[c] ?? null)}::${sql.raw(t)}[]`);
    const names = sql.join(COLUMNS.map(([c]) => sql.ref(c)));
    const r = await sql<{
      id: number;
      organisation_id: number;
      year: number;
    }>`insert into assessment_result (${names})
      select * from unnest(${sql.join(arrays)}) returning id, organisation_id, year`.execute(trx);
    for (const x of r.rows) byKey.set(`${x.organisation_id}|${x.year}`, x.id);
  }
  return rows.map((r) => byKey.get(`${r.organisation_id}|${r.year}`) as number);
}
