import {
  AGRI_SUBTYPES,
  FIELDS,
  GOVERNANCE_MODES,
  LEGAL_STATUSES,
  labelOf,
  NEW_MODELS,
  ORGANISATION_KINDS,
} from '../../../core/registry/enums.js';
import type { Ctx } from '../../context.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { dateCell, moneyCell } from './excel-safe.js';
import { findOrganisationsForExport, type OrgFilters } from './export-filters.js';
import { buildKindWorkbook } from './kind-workbook.js';

type ExportRow = Awaited<ReturnType<typeof findOrganisationsForExport>>[number];

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');
const orNull = (s: string) => s || null;

const VALUE_OF: Record<string, (o: ExportRow) => unknown> = {
  regCode: (o) => o.reg_code,
  name: (o) => o.name,
  kind: (o) => labelOf(ORGANISATION_KINDS, o.kind),
  shortName: (o) => o.short_name,
  communeCode: (o) => o.commune_code,
  communeName: (o) => o.commune_name,
  province: (o) => o.province_name,
  address: (o) => o.address,
  phone: (o) => o.phone,
  email: (o) => o.email,
  foundedOn: (o) => dateCell(o.founded_on),
  registeredOn: (o) => dateCell(o.registered_on),
  registeringAuthority: (o) => o.registering_authority,
  charterCapital: (o) => moneyCell(o.charter_capital),
  legalRepName: (o) => o.legal_rep_name,
  legalRepTitle: (o) => o.legal_rep_title,
  vsicCode: (o) => o.vsic_code,
  field: (o) => orNull(labelOf(FIELDS, o.field)),
  agriSubtype: (o) => orNull(labelOf(AGRI_SUBTYPES, o.agri_subtype)),
  newModel: (o) => orNull(labelOf(NEW_MODELS, o.new_model)),
  governance: (o) => orNull(labelOf(GOVERNANCE_MODES, o.governance)),
  legalStatus: (o) => labelOf(LEGAL_STATUSES, o.legal_status),
  creditFund: (o) => yesNo(o.credit_fund),
  paperOnly: (o) => yesNo(o.paper_only),
  pre2025CommuneCode: (o) => o.pre2025_code,
};

/** One organisation as a row of the template layout (labels for coded values, real date and number cells). */
export function organisationRow(o: ExportRow): unknown[] {
  return ORGANISATION_COLUMNS.map((c) => VALUE_OF[c.key](o));
}

/**
 * The organisations the list shows for the same filters (all pages, in the list's order, within the caller's
 * scope) as .xlsx in the template's layout, so that the file can be edited and imported back (an unedited
 * export imports with no change). Text that a spreadsheet would read as a formula is neutralised.
 */
export async function exportOrganisations(
  ctx: Ctx,
  f: OrgFilters,
): Promise<{ bytes: Buffer; fileName: string; count: number }> {
  const rows = await findOrganisationsForExport(ctx, ctx.db, f);
  const bytes = await buildKindWorkbook(ctx, 'organisations', rows.map(organisationRow));
  return { bytes, fileName: 'danh-sach-to-chuc.xlsx', count: rows.length };
}
