/** The assessment form's state and its live checks, with the same scoring rules the server applies (core/assessment). */
import { totalScore } from '../../../core/assessment/score';
import type { RubricDefinition } from '../../../core/assessment/types';
import type { Assessment } from '../api/assessment-types';

/** A score being typed and its note. */
export interface ScoreDraft {
  score: number | null;
  note: string;
}

/** Scores by item code. */
export type ScoreDrafts = Record<string, ScoreDraft>;

/** The self or officer scores of the leaves as the form starts with them. */
export function draftsOf(a: Assessment, side: 'self' | 'officer'): ScoreDrafts {
  return Object.fromEntries(
    a.items
      .filter((i) => i.isLeaf)
      .map((i) => [
        i.code,
        side === 'self'
          ? { score: i.selfScore, note: i.selfNote ?? '' }
          : { score: i.officerScore, note: i.officerNote ?? '' },
      ]),
  );
}

/** The rubric as core/assessment needs it, rebuilt from the form's items (order = display order). */
export function definitionOf(a: Assessment): RubricDefinition {
  return {
    code: a.rubric.code,
    name: a.rubric.name,
    legal: {
      documentNumber: a.rubric.documentNumber,
      issuer: '',
      signedOn: null,
      effectiveFrom: null,
      expiresOn: null,
      repealedBy: null,
      sourceNote: null,
    },
    appliesTo: { kinds: [], fields: null },
    maxTotal: a.rubric.maxTotal,
    bands: a.rubric.bands,
    overrides: [],
    exclusions: [],
    deadlines: { self: '12-15', commune: '12-18', province: '12-21', yearOffset: 0, note: null },
    items: a.items.map((i, order) => ({
      code: i.code,
      parentCode: i.parentCode,
      level: i.level,
      label: i.label,
      maxPoints: i.maxPoints,
      order,
      note: i.note,
      needsAppendix: i.needsAppendix,
      scoring: null,
    })),
  };
}

/** Total and blocking problems of the scores as typed (missing, negative, over a maximum). */
export function liveTotal(def: RubricDefinition, drafts: ScoreDrafts) {
  return totalScore(def, Object.fromEntries(Object.entries(drafts).map(([k, v]) => [k, v.score])));
}

/** Sum of the scored leaves under each node (for group and criterion rows). */
export function nodeSums(a: Assessment, drafts: ScoreDrafts): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const kids = new Map<string, string[]>();
  for (const i of a.items)
    if (i.parentCode) kids.set(i.parentCode, [...(kids.get(i.parentCode) ?? []), i.code]);
  const sum = (code: string): number | null => {
    const c = kids.get(code);
    if (!c) return drafts[code]?.score ?? null;
    const parts = c.map(sum).filter((x): x is number => x !== null);
    return parts.length ? Math.round(parts.reduce((s, x) => s + x * 100, 0)) / 100 : null;
  };
  for (const i of a.items) out[i.code] = sum(i.code);
  return out;
}

/** Leaves whose score changed against the loaded assessment, as the API's score list. */
export function changedScores(initial: ScoreDrafts, current: ScoreDrafts) {
  return Object.entries(current)
    .filter(([k, v]) => initial[k]?.score !== v.score || (initial[k]?.note ?? '') !== v.note)
    .map(([code, v]) => ({ code, score: v.score, note: v.note.trim() || null }));
}

/** Officer scores that were given (an empty score keeps the self-score). */
export function givenScores(drafts: ScoreDrafts) {
  return Object.entries(drafts)
    .filter(([, v]) => v.score !== null)
    .map(([code, v]) => ({ code, score: v.score, note: v.note.trim() || null }));
}
