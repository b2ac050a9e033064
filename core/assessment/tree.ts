/** Navigation of a rubric's item tree: children in order, leaves, and the maximum that bounds each item. */
import type { RubricDefinition, RubricItem } from './types.js';

/** The tree indexed once: items by code and the children of each code ('' = the root). */
export interface RubricTree {
  byCode: Map<string, RubricItem>;
  children: Map<string, RubricItem[]>;
}

const byOrder = (a: RubricItem, b: RubricItem) => a.order - b.order || a.code.localeCompare(b.code);

/** Indexes the items; items whose parent is missing hang under the root (validation reports them). */
export function indexTree(items: readonly RubricItem[]): RubricTree {
  const byCode = new Map(items.map((i) => [i.code, i]));
  const children = new Map<string, RubricItem[]>();
  for (const i of items) {
    const parent =
      i.parentCode !== null && byCode.has(i.parentCode) && i.parentCode !== i.code ? i.parentCode : '';
    const list = children.get(parent) ?? [];
    list.push(i);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort(byOrder);
  return { byCode, children };
}

/** Items in display order (depth first), with their depth from 0; stops on cycles. */
export function walkTree(tree: RubricTree): { item: RubricItem; depth: number }[] {
  const out: { item: RubricItem; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (code: string, depth: number) => {
    for (const c of tree.children.get(code) ?? []) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      out.push({ item: c, depth });
      visit(c.code, depth + 1);
    }
  };
  visit('', 0);
  return out;
}

/** The items that get scored: those without children, in display order. */
export function leafItems(def: Pick<RubricDefinition, 'items'>, tree = indexTree(def.items)): RubricItem[] {
  return walkTree(tree)
    .map((x) => x.item)
    .filter((i) => (tree.children.get(i.code) ?? []).length === 0);
}

/**
 * The maximum that bounds an item: its own, else the nearest ancestor's, else the rubric's total. Items whose
 * maximum is missing from our sources are bounded by their group (TT 01/2020 group III = 40 points).
 */
export function effectiveMax(
  def: Pick<RubricDefinition, 'maxTotal'>,
  tree: RubricTree,
  code: string,
): number {
  const seen = new Set<string>();
  let cur = tree.byCode.get(code);
  while (cur && !seen.has(cur.code)) {
    seen.add(cur.code);
    if (cur.maxPoints !== null) return cur.maxPoints;
    cur = cur.parentCode !== null ? tree.byCode.get(cur.parentCode) : undefined;
  }
  return def.maxTotal;
}

/** Hundredths as an integer: scores have two decimals (numeric(5,2)), so sums stay exact. */
export function toCents(x: number): number {
  return Math.round(x * 100);
}

/** Back from hundredths. */
export function fromCents(c: number): number {
  return c / 100;
}
