import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { foldVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { orgScopeFilter } from '../auth/scope.js';

/** Filters of the organisation list, shared by the exports (same names as the list's query string). */
export interface OrgFilters {
  q?: string;
  kind?: string;
  legalStatus?: string;
  field?: string;
  agriSubtype?: string;
  newModel?: string;
  paperOnly?: boolean;
  /** Organisations with a yearly report of this year. */
  year?: number;
  /** An administrative unit: a province or commune of today, or a commune before 1/7/2025. */
  unitId?: number;
}

type Q = SelectQueryBuilder<DB, 'organisation', object>;

/**
 * Applies the caller's scope (province, commune or own organisation) and the filters to a query over
 * organisation. The name search is on the folded name key (trigram index) or a registration-code prefix.
 */
export function applyOrgFilters(ctx: Ctx, q: Q, f: OrgFilters): Q {
  const scope = orgScopeFilter(ctx);
  if (scope.provinceId !== undefined) q = q.where('organisation.province_id', '=', scope.provinceId);
  if (scope.communeId !== undefined) q = q.where('organisation.commune_id', '=', scope.communeId);
  if (scope.organisationId !== undefined) q = q.where('organisation.id', '=', scope.organisationId);
  if (f.kind) q = q.where('organisation.kind', '=', f.kind);
  if (f.legalStatus) q = q.where('organisation.legal_status', '=', f.legalStatus);
  if (f.field) q = q.where('organisation.field', '=', f.field);
  if (f.agriSubtype) q = q.where('organisation.agri_subtype', '=', f.agriSubtype);
  if (f.newModel) q = q.where('organisation.new_model', '=', f.newModel);
  if (f.paperOnly !== undefined) q = q.where('organisation.paper_only', '=', f.paperOnly);
  if (f.year !== undefined) {
    const year = f.year;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('annual_report as yr')
          .select('yr.id')
          .whereRef('yr.organisation_id', '=', 'organisation.id')
          .where('yr.year', '=', year),
      ),
    );
  }
  if (f.unitId !== undefined) {
    const unitId = f.unitId;
    q = q.where((eb) =>
      eb.or([
        eb('organisation.province_id', '=', unitId),
        eb('organisation.commune_id', '=', unitId),
        eb('organisation.pre2025_commune_id', '=', unitId),
      ]),
    );
  }
  const folded = f.q ? foldVietnamese(f.q) : '';
  if (folded) {
    const code = f.q!.replace(/[\s.]/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('organisation.name_key', 'like', `%${folded}%`),
        ...(/^\d[\d-]*$/.test(code) ? [eb('organisation.reg_code', 'like', `${code}%`)] : []),
      ]),
    );
  }
  return q;
}

/** The organisations an export covers, with the names of their communes and provinces. */
export async function findOrganisationsForExport(ctx: Ctx, db: Kysely<DB>, f: OrgFilters) {
  const q = applyOrgFilters(
    ctx,
    db.selectFrom('organisation') as unknown as Q,
    f,
  ) as unknown as SelectQueryBuilder<DB, 'organisation', object>;
  return q
    .innerJoin('admin_unit as c', 'c.id', 'organisation.commune_id')
    .innerJoin('admin_unit as p', 'p.id', 'organisation.province_id')
    .leftJoin('admin_unit as pc', 'pc.id', 'organisation.pre2025_commune_id')
    .selectAll('organisation')
    .select([
      'c.code as commune_code',
      'c.full_name as commune_name',
      'p.name as province_name',
      'pc.code as pre2025_code',
    ])
    .orderBy('p.code')
    .orderBy('c.code')
    .orderBy(sql`organisation.id`)
    .execute();
}
