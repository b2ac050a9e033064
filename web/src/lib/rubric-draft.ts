/**
 * The rubric editor's state: a draft of the parts of a rubric version a province may change (items, scoring rules,
 * bands, exclusion and override rules, default deadlines), the PATCH body built from it, tree edits (add, delete)
 * and the server's validation issues grouped by where the editor shows them.
 */
import { effectiveMax, indexTree, walkTree } from '../../../core/assessment/tree';
import type {
  BandThreshold,
  ExclusionRule,
  ItemLevel,
  OverrideRule,
  RubricDeadlines,
  RubricItem,
} from '../../../core/assessment/types';
import type { AssessmentIssue, RubricDetail } from '../api/assessment-types';

/** What the editor changes. */
export interface RubricDraft {
  name: string;
  maxTotal: number;
  items: RubricItem[];
  bands: BandThreshold[];
  overrides: OverrideRule[];
  exclusions: ExclusionRule[];
  deadlines: RubricDeadlines;
}

/** A row of the editable tree. */
export interface DraftRow extends RubricItem {
  depth: number;
  isLeaf: boolean;
  effectiveMax: number;
}

/** The draft of a loaded rubric (the API's display fields dropped). */
export function draftOf(r: RubricDetail): RubricDraft {
  return {
    name: r.name,
    maxTotal: r.maxTotal,
    items: r.items.map(
      ({ depth: _d, isLeaf: _l, effectiveMax: _e, needsAppendixText: _n, scoring, ...i }) => ({
        ...i,
        scoring: (scoring ?? null) as RubricItem['scoring'],
      }),
    ),
    bands: r.bands.map((b) => ({ ...b })),
    overrides: r.overrides as OverrideRule[],
    exclusions: r.exclusions as ExclusionRule[],
    deadlines: { ...r.deadlines },
  };
}

/** The PATCH body: the whole draft with the version it was read at. */
export function patchOf(d: RubricDraft, version: number) {
  return { ...d, name: d.name.trim(), version };
}

/** Rows in display order with depth, leaf flag and bounding maximum, computed like the server does. */
export function rowsOf(d: RubricDraft): DraftRow[] {
  const tree = indexTree(d.items);
  return walkTree(tree).map(({ item, depth }) => ({
    ...item,
    depth,
    isLeaf: (tree.children.get(item.code) ?? []).length === 0,
    effectiveMax: effectiveMax(d, tree, item.code),
  }));
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A free code for a new item: roman numerals for groups, the next number for criteria, parent + letter for subs. */
export function nextCode(items: readonly RubricItem[], level: ItemLevel, parentCode: string | null): string {
  const used = new Set(items.map((i) => i.code));
  if (level === 'group') return ROMAN.find((c) => !used.has(c)) ?? `N${items.length + 1}`;
  if (level === 'criterion') {
    const top = Math.max(0, ...items.map((i) => Number.parseInt(i.code, 10)).filter(Number.isFinite));
    let n = top + 1;
    while (used.has(String(n))) n++;
    return String(n);
  }
  const letter = [...LETTERS].find((l) => !used.has(`${parentCode}${l}`));
  return letter ? `${parentCode}${letter}` : `${parentCode}-${items.length + 1}`.slice(0, 10);
}

/** Adds an empty item under a parent (null = a new group), last among its siblings. */
export function addItem(items: RubricItem[], level: ItemLevel, parentCode: string | null): RubricItem[] {
  const siblings = items.filter((i) => i.parentCode === parentCode);
  const order = Math.max(0, ...siblings.map((i) => i.order), ...items.map((i) => i.order)) + 1;
  const item: RubricItem = {
    code: nextCode(items, level, parentCode),
    parentCode,
    level,
    label: '',
    maxPoints: null,
    order,
    note: null,
    needsAppendix: false,
    scoring: null,
  };
  return [...items, item];
}

/** Removes an item with everything under it. */
export function removeItem(items: RubricItem[], code: string): RubricItem[] {
  const gone = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const i of items) {
      if (i.parentCode !== null && gone.has(i.parentCode) && !gone.has(i.code)) {
        gone.add(i.code);
        grew = true;
      }
    }
  }
  return items.filter((i) => !gone.has(i.code));
}

/** Issues by where they show: an item code, 'bands.tot', 'deadlines.self', 'exclusions.0', 'maxTotal', or 'general'. */
export function issuesByTarget(issues: readonly Pick<AssessmentIssue, 'path' | 'message' | 'itemCode'>[]) {
  const out: Record<string, string[]> = {};
  for (const e of issues) {
    const m = /^items\.([^.]+)/.exec(e.path);
    const key =
      e.itemCode ??
      (m ? m[1] : /^(bands|deadlines|exclusions|overrides)\.[^.]+/.exec(e.path)?.[0]) ??
      (['maxTotal', 'bands', 'name'].includes(e.path) ? e.path : 'general');
    out[key] = [...(out[key] ?? []), e.message];
  }
  return out;
}

/** "12-15" (MM-DD, as stored) → "15/12" (as people type it). */
export const mdToDisplay = (md: string) => (/^\d\d-\d\d$/.test(md) ? md.split('-').reverse().join('/') : md);

/** "15/12" or "15/12" with one digit parts → "12-15"; anything else is passed through for the server to refuse. */
export function displayToMd(text: string): string {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(text);
  return m ? `${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : text.trim();
}
