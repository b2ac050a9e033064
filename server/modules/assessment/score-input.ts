/** Checks of per-item scores sent by a client against the rubric: known leaf items, within their maximum. */
import { effectiveMax, indexTree } from '../../../core/assessment/tree.js';
import type { RubricDefinition } from '../../../core/assessment/types.js';
import { AppError, type FieldError } from '../../http/problem.js';

/** One item's score and note as a client sends it. */
export interface ScoreInput {
  code: string;
  score: number | null;
  note?: string | null;
}

/**
 * Refuses unknown or non-leaf items (400 assessment.unknown_item) and, when `capped`, scores above the item's
 * maximum (400 assessment.score_exceeds); both list the items concerned.
 */
export function checkScoreInput(def: RubricDefinition, scores: readonly ScoreInput[], capped: boolean) {
  const tree = indexTree(def.items);
  const unknown: FieldError[] = [];
  const over: FieldError[] = [];
  const seen = new Set<string>();
  scores.forEach((s, k) => {
    const item = tree.byCode.get(s.code);
    if (!item || (tree.children.get(s.code) ?? []).length > 0 || seen.has(s.code)) {
      unknown.push({
        path: `scores.${k}.code`,
        message: `Tiêu chí "${s.code}" không có trong bộ tiêu chí, không phải tiêu chí chấm điểm hoặc bị lặp.`,
      });
    } else if (capped && s.score !== null && s.score > effectiveMax(def, tree, s.code)) {
      over.push({
        path: `scores.${k}.score`,
        message: `Điểm tiêu chí "${s.code}" vượt điểm tối đa ${String(effectiveMax(def, tree, s.code)).replace('.', ',')}.`,
      });
    }
    seen.add(s.code);
  });
  if (unknown.length)
    throw new AppError(
      400,
      'assessment.unknown_item',
      'Có tiêu chí không thuộc bộ tiêu chí của phiếu đánh giá.',
      unknown,
    );
  if (over.length)
    throw new AppError(400, 'assessment.score_exceeds', 'Có điểm vượt điểm tối đa của tiêu chí.', over);
}
