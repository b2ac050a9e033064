import { type RawBuilder, sql } from 'kysely';
import { type Condition, flagMask, type OrgFilter } from '../../../core/indicator/spec.js';

/**
 * SQL conditions of an indicator spec, on the aggregates (alias.kind, field, has_model, paper_only, flags,
 * band) and on base rows (organisation o, report flags via plan_report_flags, assessment band).
 */

const all = (parts: RawBuilder<boolean>[]) =>
  parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` and `)})`;

/** Assessment statuses that are results (confirmed by the authority, or published): drafts and reviews in progress are not counted. */
export const COUNTED_ASSESSMENT_STATUSES = ['confirmed', 'published'];

/** The organisation filter on an aggregate (paper-only and legal status exist only on the organisation aggregates). */
export function aggFilter(f: OrgFilter, alias: string, withPaperOnly: boolean): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<boolean>[] = [];
  if (f.kinds) parts.push(sql<boolean>`${col('kind')} = any(${f.kinds}::text[])`);
  if (f.fields) parts.push(sql<boolean>`${col('field')} = any(${f.fields}::text[])`);
  if (f.excludeFields) parts.push(sql<boolean>`not (${col('field')} = any(${f.excludeFields}::text[]))`);
  if (f.withModel !== undefined) parts.push(sql<boolean>`${col('has_model')} = ${f.withModel}`);
  if (withPaperOnly && f.paperOnly !== undefined)
    parts.push(sql<boolean>`${col('paper_only')} = ${f.paperOnly}`);
  if (withPaperOnly && f.legalStatuses)
    parts.push(sql<boolean>`${col('legal_status')} = any(${f.legalStatuses}::text[])`);
  return all(parts);
}

/** The organisation filter on organisation rows. */
export function orgFilter(f: OrgFilter, alias: string): RawBuilder<boolean> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<boolean>[] = [];
  if (f.kinds) parts.push(sql<boolean>`${col('kind')} = any(${f.kinds}::text[])`);
  if (f.fields) parts.push(sql<boolean>`coalesce(${col('field')}, '') = any(${f.fields}::text[])`);
  if (f.excludeFields)
    parts.push(sql<boolean>`not (coalesce(${col('field')}, '') = any(${f.excludeFields}::text[]))`);
  if (f.withModel !== undefined)
    parts.push(
      f.withModel ? sql<boolean>`${col('new_model')} is not null` : sql<boolean>`${col('new_model')} is null`,
    );
  if (f.paperOnly !== undefined) parts.push(sql<boolean>`${col('paper_only')} = ${f.paperOnly}`);
  if (f.legalStatuses) parts.push(sql<boolean>`${col('legal_status')} = any(${f.legalStatuses}::text[])`);
  return all(parts);
}

/** A flag and band condition over a flags expression and a band expression. */
export function conditionSql(
  c: Condition | undefined,
  flags: RawBuilder<number>,
  band: RawBuilder<string> | null,
): RawBuilder<boolean> {
  if (!c) return sql<boolean>`true`;
  const parts: RawBuilder<boolean>[] = [];
  const allMask = flagMask(c.all);
  const anyMask = flagMask(c.any);
  if (allMask) parts.push(sql<boolean>`(${flags} & ${allMask}) = ${allMask}`);
  if (anyMask) parts.push(sql<boolean>`(${flags} & ${anyMask}) <> 0`);
  if (c.bands && band) parts.push(sql<boolean>`${band} = any(${c.bands}::text[])`);
  return all(parts);
}
