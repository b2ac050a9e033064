/**
 * Scoring of one assessment: the total is the sum of the leaf scores, each leaf bounded by [0, its maximum] and each
 * node by its own maximum; the band comes from the thresholds (monotonic in the total); an override rule wins over
 * the total; an excluded organisation gets no band. Pure: the server stores the result, the form shows it live.
 */
import { NEEDS_APPENDIX_TEXT } from './labels.js';
import { effectiveMax, fromCents, indexTree, leafItems, type RubricTree, toCents } from './tree.js';
import type {
  Band,
  BandThreshold,
  Issue,
  NotClassifiedReason,
  OverrideRule,
  RubricDefinition,
} from './types.js';

/** Leaf scores by item code; a missing key or null means "not scored yet". */
export type ScoreSheet = Readonly<Record<string, number | null | undefined>>;

/** The total of a score sheet with the problems that block submission. */
export interface ScoreTotal {
  total: number;
  maxTotal: number;
  issues: Issue[];
}

const fmt = (x: number) => String(x).replace('.', ',');

function nodeCents(
  def: RubricDefinition,
  tree: RubricTree,
  code: string,
  scores: ScoreSheet,
  issues: Issue[],
): number {
  const item = tree.byCode.get(code)!;
  const kids = tree.children.get(code) ?? [];
  const max = toCents(effectiveMax(def, tree, code));
  if (kids.length === 0) {
    const raw = scores[code];
    if (raw === null || raw === undefined || !Number.isFinite(raw)) {
      issues.push({
        path: `scores.${code}`,
        code: 'missing',
        itemCode: code,
        message: `Chưa chấm điểm tiêu chí "${code}".`,
      });
      return 0;
    }
    const c = toCents(raw);
    if (c < 0) {
      issues.push({
        path: `scores.${code}`,
        code: 'negative',
        itemCode: code,
        message: `Điểm tiêu chí "${code}" không được âm.`,
      });
      return 0;
    }
    if (c > max) {
      const why = item.maxPoints === null ? ` (${NEEDS_APPENDIX_TEXT}: giới hạn theo cấp trên)` : '';
      issues.push({
        path: `scores.${code}`,
        code: 'exceeds',
        itemCode: code,
        message: `Điểm tiêu chí "${code}" (${fmt(raw)}) vượt điểm tối đa ${fmt(max / 100)}${why}.`,
      });
      return max;
    }
    return c;
  }
  const sum = kids.reduce((s, k) => s + nodeCents(def, tree, k.code, scores, issues), 0);
  if (item.maxPoints !== null && sum > max) {
    issues.push({
      path: `scores.${code}`,
      code: 'group_exceeds',
      itemCode: code,
      message: `Tổng điểm các tiêu chí thuộc "${code}" (${fmt(sum / 100)}) vượt điểm tối đa ${fmt(max / 100)}.`,
    });
    return max;
  }
  return sum;
}

/**
 * Totals a score sheet. For a sheet without issues the total is exactly the sum of the leaf scores; otherwise out-of-
 * range scores count at their bound, so the total always lies within [0, maxTotal].
 */
export function totalScore(
  def: RubricDefinition,
  scores: ScoreSheet,
  tree = indexTree(def.items),
): ScoreTotal {
  const issues: Issue[] = [];
  let sum = 0;
  for (const top of tree.children.get('') ?? []) sum += nodeCents(def, tree, top.code, scores, issues);
  const max = toCents(def.maxTotal);
  if (sum > max) {
    issues.push({
      path: 'scores',
      code: 'total_exceeds',
      message: `Tổng điểm (${fmt(sum / 100)}) vượt ${fmt(def.maxTotal)}.`,
    });
    sum = max;
  }
  return { total: fromCents(sum), maxTotal: def.maxTotal, issues };
}

/** The band of a total: the highest band whose threshold the total reaches (TT 01/2020/TT-BKHĐT Art. 8). */
export function bandForTotal(total: number, bands: readonly BandThreshold[]): Band {
  const c = toCents(total);
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => c >= toCents(b.min)) ?? sorted[sorted.length - 1]).band;
}

/** What decides the band besides the total. */
export interface ClassifyFacts {
  /** Set when an exclusion rule applies (see exclusions.ts): no band at all. */
  excludedReason: NotClassifiedReason | null;
  /** Administratively sanctioned in the year for the cooperative's operations. */
  sanctioned: boolean;
}

/** The classification of a total. */
export interface Classification {
  band: Band | null;
  notClassifiedReason: NotClassifiedReason | null;
  override: OverrideRule | null;
}

/** Band of a total under a rubric: excluded → none; an applicable override rule wins; else the thresholds. */
export function classifyTotal(
  def: Pick<RubricDefinition, 'bands' | 'overrides'>,
  total: number,
  facts: ClassifyFacts,
): Classification {
  if (facts.excludedReason) return { band: null, notClassifiedReason: facts.excludedReason, override: null };
  // TT 09/2017/TT-BNNPTNT Art. 6: "Yếu" when administratively sanctioned in the year, whatever the score.
  const override = def.overrides.find((o) => o.kind === 'sanctioned' && facts.sanctioned) ?? null;
  if (override) return { band: override.band, notClassifiedReason: null, override };
  return { band: bandForTotal(total, def.bands), notClassifiedReason: null, override: null };
}

/** Leaf codes with their bounding maximum, for forms and imports. */
export function scoredItems(def: RubricDefinition, tree = indexTree(def.items)) {
  return leafItems(def, tree).map((i) => ({ item: i, max: effectiveMax(def, tree, i.code) }));
}
