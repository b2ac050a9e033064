/**
 * The assessment report of a unit (any level, either era) and year: counts and shares per band, how many are not
 * classified and why, results still in progress, the movement between bands since the previous year (matrix previous
 * band → current band), and the list with scores. Plans read the share rated Tốt/Khá from the same table.
 */
import { sql } from 'kysely';
import { BAND_LABELS, NOT_CLASSIFIED_LABELS, STATUS_LABELS } from '../../../core/assessment/labels.js';
import {
  type AssessmentStatus,
  BANDS,
  type Band,
  NOT_CLASSIFIED_REASONS,
  type NotClassifiedReason,
} from '../../../core/assessment/types.js';
import { compareVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { resolveReportUnit } from './unit-scope.js';

interface Row {
  organisation_id: number;
  name: string;
  reg_code: string;
  commune_name: string;
  year: number;
  status: string;
  band: string | null;
  reason: string | null;
  final_total: string | null;
  self_total: string | null;
  imported: boolean;
  rubric_code: string;
}

/** Movement categories: the four bands, and "none" (no result, not classified or not finished). */
export const MOVE_KEYS = [...BANDS, 'none'] as const;
type MoveKey = (typeof MOVE_KEYS)[number];

const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a * 1000) / b) / 10);
const rank = (k: MoveKey) => (k === 'none' ? -1 : BANDS.length - BANDS.indexOf(k));

/** Builds the report from rows of the year and the year before (pure, exported for the export). */
export function buildUnitReport(rows: Row[], year: number) {
  const cur = rows.filter((r) => r.year === year);
  const prevBand = new Map(
    rows
      .filter((r) => r.year === year - 1)
      .map((r) => [r.organisation_id, (r.band as Band | null) ?? 'none']),
  );
  const counts = Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
  const reasons = Object.fromEntries(NOT_CLASSIFIED_REASONS.map((r) => [r, 0])) as Record<
    NotClassifiedReason,
    number
  >;
  let inProgress = 0;
  for (const r of cur) {
    if (r.band) counts[r.band as Band]++;
    else if (r.reason) reasons[r.reason as NotClassifiedReason]++;
    else inProgress++;
  }
  const classified = BANDS.reduce((s, b) => s + counts[b], 0);
  const matrix = Object.fromEntries(
    MOVE_KEYS.map((p) => [p, Object.fromEntries(MOVE_KEYS.map((c) => [c, 0]))]),
  ) as Record<MoveKey, Record<MoveKey, number>>;
  const moves = { improved: 0, same: 0, declined: 0 };
  for (const r of cur) {
    const p = (prevBand.get(r.organisation_id) ?? 'none') as MoveKey;
    const c = ((r.band as Band | null) ?? 'none') as MoveKey;
    matrix[p][c]++;
    if (p !== 'none' && c !== 'none') {
      if (rank(c) > rank(p)) moves.improved++;
      else if (rank(c) < rank(p)) moves.declined++;
      else moves.same++;
    }
  }
  const list = cur
    .map((r) => ({
      organisationId: r.organisation_id,
      name: r.name,
      regCode: r.reg_code,
      communeName: r.commune_name,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status as AssessmentStatus] ?? r.status,
      imported: r.imported,
      rubricCode: r.rubric_code,
      selfTotal: r.self_total === null ? null : Number(r.self_total),
      total: r.band && r.final_total !== null ? Number(r.final_total) : null,
      band: r.band as Band | null,
      bandLabel: r.band ? BAND_LABELS[r.band as Band] : null,
      previousBand:
        (prevBand.get(r.organisation_id) ?? null) === 'none'
          ? null
          : ((prevBand.get(r.organisation_id) ?? null) as Band | null),
      notClassifiedReason: r.reason as NotClassifiedReason | null,
      notClassifiedLabel: r.reason ? NOT_CLASSIFIED_LABELS[r.reason as NotClassifiedReason] : null,
    }))
    .sort((a, b) => compareVietnamese(a.communeName, b.communeName) || compareVietnamese(a.name, b.name));
  return {
    year,
    assessed: cur.length,
    classified,
    inProgress,
    bands: BANDS.map((b) => ({
      band: b,
      label: BAND_LABELS[b],
      count: counts[b],
      sharePct: pct(counts[b], classified),
    })),
    shareGoodOrFairPct: pct(counts.tot + counts.kha, classified),
    notClassified: NOT_CLASSIFIED_REASONS.map((r) => ({
      reason: r,
      label: NOT_CLASSIFIED_LABELS[r],
      count: reasons[r],
    })),
    notClassifiedTotal: NOT_CLASSIFIED_REASONS.reduce((s, r) => s + reasons[r], 0),
    movement: { keys: [...MOVE_KEYS], matrix, ...moves },
    list,
  };
}

/** The report of a unit and year. */
export async function unitReport(ctx: Ctx, q: { unitId: number; year: number }) {
  const f = await resolveReportUnit(ctx, q.unitId);
  const rows =
    await sql<Row>`select a.organisation_id, o.name, o.reg_code, cu.full_name as commune_name, a.year, a.status, a.band,
      a.not_classified_reason as reason, a.final_total, a.self_total, a.imported, r.code as rubric_code
    from assessment_result a
    join organisation o on o.id = a.organisation_id
    join admin_unit cu on cu.id = o.commune_id
    join rubric_version r on r.id = a.rubric_version_id
    where ${f.where} and a.year in (${q.year}, ${q.year - 1})`.execute(ctx.db);
  return { unit: f.unit, approximate: f.approximate, ...buildUnitReport(rows.rows, q.year) };
}
