/**
 * Why an organisation gets no band under a rubric for a year, if it does not: the rubric does not cover its kind or
 * field ('no_rubric'), or one of the rubric's exclusion rules applies (core/assessment/exclusions.ts).
 */
import { exclusionReason } from '../../../core/assessment/exclusions.js';
import type { NotClassifiedReason, RubricDefinition } from '../../../core/assessment/types.js';
import type { Field, OrganisationKind } from '../../../core/registry/enums.js';
import type { ApprovedFigures, OrgFacts } from './figures.repo.js';

/** Months of the year an organisation still suspended at its end has been stopped (when no report says). */
function suspendedMonths(org: OrgFacts, year: number): number | null {
  if (org.legalStatus !== 'suspended' || !org.statusChangedOn || org.statusChangedOn > `${year}-12-31`)
    return null;
  const from = org.statusChangedOn < `${year}-01-01` ? `${year}-01-01` : org.statusChangedOn;
  const [, m, d] = from.split('-').map(Number);
  return 12 - (m - 1) - (d > 1 ? 1 : 0);
}

/** The reason for no band, or null when the organisation is to be assessed. */
export function notClassifiedReasonFor(
  def: RubricDefinition,
  org: OrgFacts,
  year: number,
  figures?: ApprovedFigures,
): NotClassifiedReason | null {
  const reported = figures?.figures.monthsSuspended;
  const months = typeof reported === 'number' ? reported : suspendedMonths(org, year);
  const facts = { year, foundedOn: org.foundedOn, creditFund: org.creditFund, monthsSuspended: months };
  if (org.creditFund && def.exclusions.some((x) => x.kind === 'credit_fund')) return 'credit_fund';
  const kindOk = def.appliesTo.kinds.includes(org.kind as OrganisationKind);
  const fieldOk = def.appliesTo.fields === null || def.appliesTo.fields.includes(org.field as Field);
  if (!kindOk || !fieldOk) return 'no_rubric';
  return exclusionReason(def.exclusions, facts);
}
