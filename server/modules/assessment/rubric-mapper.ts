/** Conversions between stored rubric rows and core/assessment RubricDefinition, and the DTO the API returns. */
import { NEEDS_APPENDIX_TEXT } from '../../../core/assessment/labels.js';
import { effectiveMax, indexTree, walkTree } from '../../../core/assessment/tree.js';
import type { RubricDefinition, RubricItem } from '../../../core/assessment/types.js';
import { validateRubric } from '../../../core/assessment/validate-rubric.js';
import type { Field, OrganisationKind } from '../../../core/registry/enums.js';
import type {
  RubricItemRow,
  RubricItemValues,
  RubricVersionRow,
  RubricVersionValues,
} from './rubric.repo.js';

const num = (v: string | null) => (v === null ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The definition of a stored version with its items. */
export function toDefinition(v: RubricVersionRow, items: RubricItemRow[]): RubricDefinition {
  return {
    code: v.code,
    name: v.name,
    legal: {
      documentNumber: v.document_number,
      issuer: v.issuer,
      signedOn: v.signed_on,
      effectiveFrom: v.effective_from,
      expiresOn: v.expires_on,
      repealedBy: v.repealed_by,
      sourceNote: v.source_note,
    },
    appliesTo: {
      kinds: v.applies_kinds as OrganisationKind[],
      fields: (v.applies_fields as Field[] | null) ?? null,
    },
    maxTotal: Number(v.max_total),
    bands: json(v.bands),
    overrides: json(v.overrides),
    exclusions: json(v.exclusions),
    deadlines: json(v.deadlines),
    items: items
      .filter((i) => i.rubric_version_id === v.id)
      .map(
        (i): RubricItem => ({
          code: i.code,
          parentCode: i.parent_code,
          level: i.level as RubricItem['level'],
          label: i.label,
          maxPoints: num(i.max_points),
          order: i.sort_order,
          note: i.note,
          needsAppendix: i.needs_appendix,
          scoring: i.scoring === null || i.scoring === undefined ? null : json(i.scoring),
        }),
      ),
  };
}

/** Column values of a definition's version row. */
export function versionValues(d: RubricDefinition): RubricVersionValues {
  return {
    code: d.code,
    name: d.name,
    document_number: d.legal.documentNumber,
    issuer: d.legal.issuer,
    signed_on: d.legal.signedOn,
    effective_from: d.legal.effectiveFrom,
    expires_on: d.legal.expiresOn,
    repealed_by: d.legal.repealedBy,
    source_note: d.legal.sourceNote,
    applies_kinds: d.appliesTo.kinds,
    applies_fields: d.appliesTo.fields,
    max_total: String(d.maxTotal),
    bands: JSON.stringify(d.bands),
    overrides: JSON.stringify(d.overrides),
    exclusions: JSON.stringify(d.exclusions),
    deadlines: JSON.stringify(d.deadlines),
  };
}

/** Column values of a definition's items. */
export function itemValues(d: RubricDefinition): RubricItemValues[] {
  return d.items.map((i) => ({
    code: i.code,
    parent_code: i.parentCode,
    level: i.level,
    label: i.label,
    max_points: i.maxPoints === null ? null : String(i.maxPoints),
    sort_order: i.order,
    note: i.note,
    needs_appendix: i.needsAppendix,
    scoring: i.scoring ? JSON.stringify(i.scoring) : null,
  }));
}

/** Items in display order with depth, the maximum that bounds them, and the visible appendix text. */
export function itemTreeDto(d: RubricDefinition) {
  const tree = indexTree(d.items);
  return walkTree(tree).map(({ item, depth }) => ({
    ...item,
    depth,
    isLeaf: (tree.children.get(item.code) ?? []).length === 0,
    effectiveMax: effectiveMax(d, tree, item.code),
    needsAppendixText: item.needsAppendix ? NEEDS_APPENDIX_TEXT : null,
  }));
}

/** The summary of a version as lists show it. */
export function rubricSummaryDto(v: RubricVersionRow, d: RubricDefinition, inUse: boolean) {
  const validation = validateRubric(d);
  return {
    id: v.id,
    code: v.code,
    name: v.name,
    status: v.status,
    shipped: v.shipped,
    inUse,
    ownerProvinceId: v.owner_province_id,
    derivedFromId: v.derived_from_id,
    version: v.version,
    legal: d.legal,
    appliesTo: d.appliesTo,
    maxTotal: d.maxTotal,
    valid: validation.valid,
    complete: validation.complete,
    activatedAt: v.activated_at ? new Date(v.activated_at).toISOString() : null,
  };
}

/** A version with its tree, rules and validation. */
export function rubricDetailDto(v: RubricVersionRow, d: RubricDefinition, inUse: boolean) {
  return {
    ...rubricSummaryDto(v, d, inUse),
    bands: d.bands,
    overrides: d.overrides,
    exclusions: d.exclusions,
    deadlines: d.deadlines,
    items: itemTreeDto(d),
    validation: validateRubric(d),
  };
}
