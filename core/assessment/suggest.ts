/**
 * Suggested scores from data: a threshold rule over an approved yearly figure, or the member-satisfaction survey
 * average (TT 09/2017/TT-BNNPTNT Art. 5(1)). Shown beside the cooperative's own score, never imposed.
 */
import { effectiveMax, fromCents, indexTree, leafItems, toCents } from './tree.js';
import type { LevelRule, RubricDefinition, ScoringRule } from './types.js';

/** The member-satisfaction survey of the year: number of valid forms and the sum of their scores. */
export interface SurveyData {
  validForms: number | null;
  scoreSum: number | null;
}

const reaches = (value: number, l: LevelRule) =>
  l.min === null || (l.exclusive ? value > l.min : value >= l.min);

/** Points of a threshold rule for a value: the last level (in ascending order) the value reaches. */
export function levelPoints(levels: readonly LevelRule[], value: number): number | null {
  let points: number | null = null;
  for (const l of levels) if (reaches(value, l)) points = l.points;
  return points;
}

/** The suggested score of one rule, bounded by the item's maximum; null when the data is missing. */
export function suggestScore(
  rule: ScoringRule,
  figures: Readonly<Record<string, number | null>>,
  survey: SurveyData,
  max: number,
): number | null {
  let raw: number | null;
  if (rule.kind === 'survey_average') {
    const n = survey.validForms;
    raw = n && n > 0 && survey.scoreSum !== null ? fromCents(Math.round(toCents(survey.scoreSum) / n)) : null;
  } else {
    const v = figures[rule.figure];
    raw = v === null || v === undefined ? null : levelPoints(rule.levels, v);
  }
  return raw === null ? null : Math.min(Math.max(0, raw), max);
}

/** Suggested scores of every leaf that has a rule, by item code (null where data is missing). */
export function suggestScores(
  def: RubricDefinition,
  figures: Readonly<Record<string, number | null>>,
  survey: SurveyData,
): Record<string, number | null> {
  const tree = indexTree(def.items);
  const out: Record<string, number | null> = {};
  for (const i of leafItems(def, tree)) {
    if (i.scoring) out[i.code] = suggestScore(i.scoring, figures, survey, effectiveMax(def, tree, i.code));
  }
  return out;
}
