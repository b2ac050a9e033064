import type { Band } from '../../../core/indicator/spec.js';
import type { Rng } from '../demo-random.js';
import type { CopyBuffer } from './copy-sink.js';
import type { NationalOrg } from './national-orgs.js';
import { hadApproved, type RowContext } from './national-rows.js';
import { ASSESSMENT_YEARS } from './national-scale.js';

/**
 * Yearly assessments 2020–2025 of HTX and LHHTX under the shipped rubrics: TT 01/2020/TT-BKHĐT (repealed
 * 18/9/2025 by TT 78/2025/TT-BTC), and TT 09/2017/TT-BNNPTNT for agricultural HTX in 2025. One provincial
 * campaign per year; results published for 2020–2024, a workflow in progress for 2025. Exclusions follow
 * TT 01/2020 Art. 2: credit funds, founded < 12 months, no figures (not submitted).
 */

export const CAMPAIGN_COLUMNS = [
  'id',
  'province_id',
  'year',
  'rubric_version_id',
  'self_deadline',
  'commune_deadline',
  'province_deadline',
  'status',
  'closed_at',
];
export const RESULT_COLUMNS = [
  'id organisation_id year rubric_version_id campaign_id status self_total officer_total final_total band',
  'not_classified_reason service_type submitted_at confirmed_at published_at',
]
  .join(' ')
  .split(' ');

/** Rubric ids by code, and campaign ids by province and year. */
export interface AssessmentSetup {
  tt01: number;
  tt09: number;
  campaign: Map<string, number>;
}

/** One campaign per province and year (ids 1…n in province, year order). */
export function campaignRows(
  provinceIds: readonly number[],
  tt01: number,
  b: CopyBuffer,
): Map<string, number> {
  const ids = new Map<string, number>();
  for (const p of [...provinceIds].sort((a, c) => a - c)) {
    for (const y of ASSESSMENT_YEARS) {
      const id = ids.size + 1;
      ids.set(`${p}|${y}`, id);
      const live = y === 2025;
      b.add([
        id,
        p,
        y,
        tt01,
        `${y}-12-15`,
        `${y}-12-18`,
        `${y}-12-21`,
        live ? 'open' : 'closed',
        live ? null : `${y + 1}-01-10T09:00:00+07:00`,
      ]);
    }
  }
  return ids;
}

// TT 01/2020 Art. 8 bands: Tốt ≥ 80, Khá 65–<80, Trung bình 50–<65, Yếu < 50 (the same cut-offs in TT 09/2017).
const band = (total: number): Band =>
  total >= 80 ? 'tot' : total >= 65 ? 'kha' : total >= 50 ? 'trung_binh' : 'yeu';
const round2 = (x: number) => Math.round(x * 100) / 100;
const at = (rng: Rng, y: number, from: number, to: number) =>
  `${y + 1}-0${rng.int(from, to)}-${String(rng.int(1, 28)).padStart(2, '0')}T10:00:00+07:00`;

/** The results of one organisation: a total around its own level, improving slowly (≈45% → ≈55% Tốt/Khá). */
export function resultRows(
  ctx: RowContext,
  s: AssessmentSetup,
  x: NationalOrg,
  b: CopyBuffer,
  next: () => number,
) {
  const o = x.o;
  if (o.kind === 'THT') return;
  const rng = ctx.stream(x, 'assessment');
  const level = 61 + 12 * rng.normal() + (o.newModel ? 10 : 0) + (o.kind === 'LHHTX' ? 5 : 0);
  const service = rng.weighted([
    ['production', 70],
    ['mixed', 18],
    ['job_creation', 8],
    ['consumption', 4],
  ] as const);
  for (const y of ASSESSMENT_YEARS) {
    if (o.foundedOn > `${y}-12-31`) continue;
    if (o.endedOn && o.endedOn <= `${y}-12-31`) continue;
    const campaign = s.campaign.get(`${x.commune.provinceId}|${y}`) ?? null;
    const rubric = y === 2025 && o.field === 'agriculture' && o.kind === 'HTX' ? s.tt09 : s.tt01;
    const base = [next(), x.id, y, rubric, campaign];
    const reason = o.creditFund
      ? 'credit_fund'
      : o.foundedOn > `${y - 1}-12-31`
        ? 'new_lt_12_months'
        : !hadApproved(ctx, x.id, y) && y < 2025
          ? 'not_submitted'
          : null;
    if (reason) {
      b.add([...base, 'draft', null, null, null, null, reason, null, null, null, null]);
      continue;
    }
    const status =
      y < 2025
        ? 'published'
        : rng.weighted([
            ['published', 35],
            ['confirmed', 15],
            ['commune_reviewed', 15],
            ['self_submitted', 20],
            ['draft', 15],
          ] as const);
    const self = round2(Math.max(20, Math.min(100, level + 1.6 * (y - 2020) + 6 * rng.normal() + 3)));
    const decided = status === 'published' || status === 'confirmed';
    const final = round2(Math.max(15, self - Math.abs(3 * rng.normal())));
    b.add([
      ...base,
      status,
      status === 'draft' ? null : self,
      decided ? final : null,
      decided ? final : null,
      decided ? band(final) : null,
      null,
      service,
      status === 'draft' ? null : at(rng, y, 1, 2),
      decided ? at(rng, y, 3, 4) : null,
      status === 'published' ? at(rng, y, 5, 6) : null,
    ]);
  }
}
