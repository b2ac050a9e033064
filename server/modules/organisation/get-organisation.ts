import type { OrganisationKind } from '../../../core/registry/enums.js';
import { legalMinimumWarnings } from '../../../core/registry/legal-minimums.js';
import { REPORT_FIELDS, type ReportFigures } from '../../../core/registry/report-fields.js';
import type { Ctx } from '../../context.js';
import { toOrganisationDto } from './organisation.dto.js';
import * as repo from './organisation.repo.js';
import { loadOrganisationInScope } from './organisation-access.js';
import * as rel from './organisation-relations.repo.js';
import { toProductDto } from './products.js';
import { toEventDto } from './record-event.js';

/** Figures of a report row keyed by report field (core/registry/report-fields.ts); money stays exact text. */
function figuresOf(row: Record<string, unknown>): ReportFigures {
  const out: ReportFigures = {};
  for (const f of REPORT_FIELDS) {
    const v = row[f.column];
    out[f.key] = v === undefined || v === null ? null : (v as number | boolean | string);
  }
  return out;
}

const toLink = (l: Awaited<ReturnType<typeof rel.listUnionLinks>>[number]) => ({
  id: l.id,
  kind: l.kind,
  regCode: l.reg_code,
  name: l.name,
  legalStatus: l.legal_status,
  communeName: l.commune_name,
  joinedOn: l.joined_on,
});

/**
 * The profile of an organisation in the caller's scope: registration data with unit names, the old commune
 * (before 1/7/2025) with its district, products, lifecycle events, union links (members of a union, unions
 * of an HTX), pending change requests, and the legal minimums its latest yearly report falls short of.
 */
export async function getOrganisation(ctx: Ctx, id: number) {
  const r = await loadOrganisationInScope(ctx, id);
  const [pre, products, events, members, unions, pending, report] = await Promise.all([
    r.pre2025_commune_id ? rel.findPre2025Commune(ctx.db, r.pre2025_commune_id) : Promise.resolve(undefined),
    rel.listProducts(ctx.db, id),
    rel.listEvents(ctx.db, id),
    r.kind === 'LHHTX' ? rel.listUnionLinks(ctx.db, id, 'members') : Promise.resolve([]),
    rel.listUnionLinks(ctx.db, id, 'unions'),
    rel.countPendingChangeRequests(ctx.db, id),
    rel.latestYearlyReport(ctx.db, id),
  ]);
  return {
    organisation: {
      ...toOrganisationDto(r),
      pre2025Commune: pre ? { id: pre.id, name: pre.name, districtName: pre.district_name } : null,
    },
    products: products.map(toProductDto),
    events: events.map(toEventDto),
    unionMembers: members.map(toLink),
    unions: unions.map(toLink),
    openChangeRequests: pending,
    legalWarnings: report
      ? legalMinimumWarnings(
          r.kind as OrganisationKind,
          figuresOf(report as unknown as Record<string, unknown>),
          report.year,
        ).map((w) => ({ ...w, year: report.year }))
      : [],
  };
}

/** The audit trail of an organisation (its edits, events, products, union links, change requests), newest first. */
export async function organisationHistory(ctx: Ctx, id: number, page: { page: number; pageSize: number }) {
  await loadOrganisationInScope(ctx, id);
  const { rows, total } = await repo.listHistory(ctx.db, id, page.pageSize, (page.page - 1) * page.pageSize);
  return {
    total,
    items: rows.map((x) => ({
      id: Number(x.id),
      at: new Date(x.at).toISOString(),
      actorName: x.actor_name,
      action: x.action,
      before: x.before ?? null,
      after: x.after ?? null,
      requestId: x.request_id,
    })),
  };
}
