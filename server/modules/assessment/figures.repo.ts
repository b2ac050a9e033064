/**
 * Read-only access to what the assessment needs from the registry: organisations with their place and founding,
 * and their approved yearly figures (only approved figures feed suggestions and classifications).
 */
import { type Kysely, sql } from 'kysely';
import { REPORT_FIELDS, type ReportFigures } from '../../../core/registry/report-fields.js';
import type { DB } from '../../db/schema.js';

/** Approved yearly figures of one year, by organisation id, keyed by report field (plus member totals). */
export interface ApprovedFigures {
  figures: ReportFigures;
  membersOfficial: number | null;
  membersTotal: number | null;
}

/** The approved yearly report figures of organisations for a year. */
export async function approvedFigures(
  db: Kysely<DB>,
  orgIds: number[],
  year: number,
): Promise<Map<number, ApprovedFigures>> {
  if (orgIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('annual_report')
    .selectAll()
    .where('organisation_id', '=', sql<number>`any(${orgIds}::int[])`)
    .where('year', '=', year)
    .where('period', '=', 'year')
    .where('status', '=', 'approved')
    .execute();
  const out = new Map<number, ApprovedFigures>();
  for (const r of rows) {
    const rec = r as unknown as Record<string, unknown>;
    const figures: ReportFigures = {};
    for (const f of REPORT_FIELDS) {
      const v = rec[f.column];
      figures[f.key] = v === undefined || v === null ? null : (v as number | string | boolean);
    }
    out.set(r.organisation_id, {
      figures,
      membersOfficial: r.members_official,
      membersTotal: r.members_total,
    });
  }
  return out;
}

/** The facts of an organisation the assessment looks at. */
export interface OrgFacts {
  id: number;
  kind: string;
  name: string;
  regCode: string;
  creditFund: boolean;
  field: string | null;
  foundedOn: string | null;
  endedOn: string | null;
  legalStatus: string;
  statusChangedOn: string | null;
  provinceId: number;
  communeId: number;
}

const FACT_COLUMNS = [
  'id',
  'kind',
  'name',
  'reg_code',
  'credit_fund',
  'field',
  'founded_on',
  'ended_on',
  'legal_status',
  'status_changed_on',
  'province_id',
  'commune_id',
] as const;

function toFacts(r: Record<(typeof FACT_COLUMNS)[number], unknown>): OrgFacts {
  return {
    id: r.id as number,
    kind: r.kind as string,
    name: r.name as string,
    regCode: r.reg_code as string,
    creditFund: r.credit_fund as boolean,
    field: r.field as string | null,
    foundedOn: r.founded_on as string | null,
    endedOn: r.ended_on as string | null,
    legalStatus: r.legal_status as string,
    statusChangedOn: r.status_changed_on as string | null,
    provinceId: r.province_id as number,
    communeId: r.commune_id as number,
  };
}

/** HTX and LHHTX of a province that existed at some point in the year (founded by its end, not ended before it). */
export async function cooperativesOfYear(
  db: Kysely<DB>,
  provinceId: number,
  year: number,
): Promise<OrgFacts[]> {
  const rows = await db
    .selectFrom('organisation')
    .select(FACT_COLUMNS)
    .where('province_id', '=', provinceId)
    .where('kind', 'in', ['HTX', 'LHHTX'])
    .where((eb) => eb.or([eb('founded_on', 'is', null), eb('founded_on', '<=', `${year}-12-31`)]))
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', `${year}-01-01`)]))
    .orderBy('id')
    .execute();
  return rows.map(toFacts);
}

/** One organisation's facts. */
export async function organisationFacts(db: Kysely<DB>, id: number): Promise<OrgFacts | null> {
  const r = await db.selectFrom('organisation').select(FACT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return r ? toFacts(r) : null;
}
