/**
 * Stores the four classifications of organisations for a year (assessment_classification), computed by
 * core/assessment/classify.ts from the approved yearly figures and the service type the cooperative ticked.
 */
import { type Kysely, sql } from 'kysely';
import { classifyOrganisation } from '../../../core/assessment/classify.js';
import { numericFigures } from '../../../core/assessment/figures.js';
import type { ServiceType } from '../../../core/assessment/labels.js';
import type { Field } from '../../../core/registry/enums.js';
import type { DB } from '../../db/schema.js';
import { type ApprovedFigures, approvedFigures } from './figures.repo.js';

/** What a classification is computed from for one organisation. */
export interface ClassifySubject {
  organisationId: number;
  field: string | null;
  serviceType: string | null;
}

/** The computed row of one subject. */
export function classificationRow(s: ClassifySubject, year: number, f: ApprovedFigures | undefined) {
  const n = f ? numericFigures(f.figures) : {};
  const c = classifyOrganisation({
    field: (s.field as Field | null) ?? null,
    officialMembers: f?.membersOfficial ?? null,
    totalMembers: f?.membersTotal ?? null,
    revenue: n.revenueTotal ?? null,
    totalCapital: n.totalCapital ?? null,
    serviceType: (s.serviceType as ServiceType | null) ?? null,
  });
  return {
    organisation_id: s.organisationId,
    year,
    member_scale: c.memberScale,
    capital_scale: c.capitalScale,
    size_class: c.sizeClass,
    service_type: c.serviceType,
    field: s.field,
    members_basis: f?.membersOfficial ?? f?.membersTotal ?? null,
    capital_basis: f?.figures.totalCapital == null ? null : String(f.figures.totalCapital),
    revenue_basis: f?.figures.revenueTotal == null ? null : String(f.figures.revenueTotal),
  };
}

/** Recomputes and upserts the classifications of subjects for a year in one statement. */
export async function refreshClassifications(
  trx: Kysely<DB>,
  year: number,
  subjects: ClassifySubject[],
  figures?: Map<number, ApprovedFigures>,
) {
  if (subjects.length === 0) return;
  const f =
    figures ??
    (await approvedFigures(
      trx,
      subjects.map((s) => s.organisationId),
      year,
    ));
  const rows = subjects.map((s) => classificationRow(s, year, f.get(s.organisationId)));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await sql`insert into assessment_classification (organisation_id, year, member_scale, capital_scale, size_class, service_type,
      field, members_basis, capital_basis, revenue_basis)
    select * from unnest(${col('organisation_id')}::int[], ${col('year')}::smallint[], ${col('member_scale')}::text[],
      ${col('capital_scale')}::text[], ${col('size_class')}::text[], ${col('service_type')}::text[], ${col('field')}::text[],
      ${col('members_basis')}::int[], ${col('capital_basis')}::numeric[], ${col('revenue_basis')}::numeric[])
    on conflict on constraint assessment_classification_pk do update set member_scale = excluded.member_scale,
      capital_scale = excluded.capital_scale, size_class = excluded.size_class, service_type = excluded.service_type,
      field = excluded.field, members_basis = excluded.members_basis, capital_basis = excluded.capital_basis,
      revenue_basis = excluded.revenue_basis, computed_at = now()`.execute(trx);
}

/** The stored classification of an organisation and year, as the API returns it. */
export async function getClassification(db: Kysely<DB>, organisationId: number, year: number) {
  const r = await db
    .selectFrom('assessment_classification')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!r) return null;
  return {
    memberScale: r.member_scale,
    capitalScale: r.capital_scale,
    sizeClass: r.size_class,
    serviceType: r.service_type,
    field: r.field,
    membersBasis: r.members_basis,
    capitalBasis: r.capital_basis,
    revenueBasis: r.revenue_basis,
  };
}
