/**
 * A past year's result entered by an officer or imported from Excel (assessment_result.imported = true): checked
 * against its rubric (scores within their maxima, total = sum of the scores when all are given, band consistent with
 * the total or with an override of the rubric), then upserted as published. Results still in the workflow are never
 * overwritten.
 */
import type { Kysely } from 'kysely';
import { BAND_LABELS } from '../../../core/assessment/labels.js';
import { bandForTotal, scoredItems, totalScore } from '../../../core/assessment/score.js';
import type { Band, NotClassifiedReason } from '../../../core/assessment/types.js';
import type { DB } from '../../db/schema.js';
import type { FieldError } from '../../http/problem.js';
import * as repo from './assessment.repo.js';
import { refreshClassifications } from './classification.js';
import type { LoadedRubric } from './load-rubric.js';

/** A past result as given. */
export interface PastResultInput {
  total: number | null;
  band: Band | null;
  reason: NotClassifiedReason | null;
  scores: { code: string; score: number }[];
}

/** A checked result ready to store. */
export interface CheckedResult {
  total: number | null;
  band: Band | null;
  reason: NotClassifiedReason | null;
  override: string | null;
  scores: { code: string; score: number }[];
}

const fmt = (x: number) => String(x).replace('.', ',');

/** Checks a past result against its rubric: the result or the Vietnamese errors. */
export function checkPastResult(
  r: LoadedRubric,
  input: PastResultInput,
): { ok: CheckedResult } | { errors: FieldError[] } {
  const def = r.def;
  const errors: FieldError[] = [];
  const leaves = new Map(scoredItems(def).map((x) => [x.item.code, x.max]));
  for (const s of input.scores) {
    const max = leaves.get(s.code);
    if (max === undefined)
      errors.push({
        path: `scores.${s.code}`,
        message: `Tiêu chí "${s.code}" không phải tiêu chí chấm điểm của bộ ${def.code}.`,
      });
    else if (s.score < 0 || s.score > max)
      errors.push({
        path: `scores.${s.code}`,
        message: `Điểm tiêu chí "${s.code}" phải từ 0 đến ${fmt(max)}.`,
      });
  }
  let total = input.total;
  if (errors.length === 0 && input.scores.length > 0) {
    const sheet = Object.fromEntries(input.scores.map((s) => [s.code, s.score]));
    const t = totalScore(def, sheet);
    const complete = input.scores.length === leaves.size;
    const groupIssues = t.issues.filter((i) => i.code !== 'missing');
    for (const i of groupIssues) errors.push({ path: i.path, message: i.message });
    if (complete && groupIssues.length === 0) {
      if (total === null) total = t.total;
      else if (Math.round(total * 100) !== Math.round(t.total * 100)) {
        errors.push({
          path: 'total',
          message: `Tổng điểm ${fmt(total)} khác tổng điểm các tiêu chí (${fmt(t.total)}).`,
        });
      }
    }
  }
  if (total !== null && (total < 0 || total > def.maxTotal))
    errors.push({ path: 'total', message: `Tổng điểm phải từ 0 đến ${fmt(def.maxTotal)}.` });
  if (input.reason) {
    if (input.band) errors.push({ path: 'band', message: 'Tổ chức không xếp loại thì không ghi xếp loại.' });
    return errors.length
      ? { errors }
      : { ok: { total, band: null, reason: input.reason, override: null, scores: input.scores } };
  }
  if (total === null) {
    errors.push({
      path: 'total',
      message: 'Cần tổng điểm (hoặc điểm đủ các tiêu chí), hoặc lý do không xếp loại.',
    });
    return { errors };
  }
  const byTotal = bandForTotal(total, def.bands);
  let band = input.band ?? byTotal;
  let override: string | null = null;
  if (band !== byTotal) {
    const o = def.overrides.find((x) => x.band === band);
    if (o) override = o.kind;
    else
      errors.push({
        path: 'band',
        message: `Xếp loại "${BAND_LABELS[band]}" không khớp tổng điểm ${fmt(total)} (theo ngưỡng là loại "${BAND_LABELS[byTotal]}").`,
      });
  }
  if (errors.length) return { errors };
  band = band as Band;
  return { ok: { total, band, reason: null, override, scores: input.scores } };
}

/** Why an existing row blocks writing a past result, or null. */
export function blockedByExisting(existing: repo.ResultRow | undefined | null, year: number): string | null {
  if (!existing || existing.imported) return null;
  return `Năm ${year} đã có phiếu đánh giá trong quy trình của hệ thống; không ghi đè bằng kết quả nhập.`;
}

/** Inserts or replaces an imported result of an organisation and year (the caller checked blockedByExisting). */
export async function writePastResult(
  trx: Kysely<DB>,
  o: { organisationId: number; field: string | null },
  year: number,
  r: LoadedRubric,
  c: CheckedResult,
  userId: number | null,
): Promise<{ id: number; inserted: boolean }> {
  const existing = await repo.findResult(trx, o.organisationId, year, true);
  const now = new Date();
  const values = {
    rubric_version_id: r.row.id,
    status: 'published',
    imported: true,
    self_total: c.total === null ? null : String(c.total),
    final_total: c.reason || c.total === null ? null : String(c.total),
    band: c.band,
    not_classified_reason: c.reason,
    override_applied: c.override,
    sanctioned: c.override === 'sanctioned' ? true : null,
    confirmed_at: now,
    confirmed_by: userId,
    published_at: now,
  };
  let id: number;
  if (existing) {
    await repo.updateResult(trx, existing.id, values);
    id = existing.id;
  } else {
    id = (await repo.insertResult(trx, { organisation_id: o.organisationId, year, ...values })).id;
  }
  await repo.replaceImportedScores(trx, id, c.scores);
  await refreshClassifications(trx, year, [
    { organisationId: o.organisationId, field: o.field, serviceType: existing?.service_type ?? null },
  ]);
  return { id, inserted: !existing };
}
