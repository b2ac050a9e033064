import { LEGAL_STATUSES, labelOf, ORGANISATION_KINDS } from '../../../core/registry/enums.js';
import { ORGANISATION_INPUT_KEYS } from '../../../core/registry/organisation-changes.js';
import type { TOrganisationInput } from '../../../core/registry/organisation-input.js';
import type { OrganisationRecord, OrganisationValues } from './organisation.repo.js';

/** Column of each input field (one table drives DTOs, audit snapshots and updates). */
export const COLUMN_OF = {
  kind: 'kind',
  creditFund: 'credit_fund',
  regCode: 'reg_code',
  name: 'name',
  shortName: 'short_name',
  communeId: 'commune_id',
  pre2025CommuneId: 'pre2025_commune_id',
  address: 'address',
  phone: 'phone',
  email: 'email',
  foundedOn: 'founded_on',
  registeredOn: 'registered_on',
  registeringAuthority: 'registering_authority',
  charterCapital: 'charter_capital',
  legalRepName: 'legal_rep_name',
  legalRepTitle: 'legal_rep_title',
  vsicCode: 'vsic_code',
  field: 'field',
  agriSubtype: 'agri_subtype',
  newModel: 'new_model',
  governance: 'governance',
  legalStatus: 'legal_status',
  paperOnly: 'paper_only',
} as const satisfies Record<keyof TOrganisationInput, keyof OrganisationValues>;

/** Every input field present, null where empty. */
export type OrganisationFields = {
  [K in keyof TOrganisationInput]-?: Exclude<TOrganisationInput[K], undefined>;
};

/** The organisation's current data in input form, to merge a partial change onto. */
export function inputOf(r: OrganisationRecord): OrganisationFields {
  const out: Record<string, unknown> = {};
  for (const k of ORGANISATION_INPUT_KEYS) out[k] = r[COLUMN_OF[k]];
  return out as OrganisationFields;
}

/**
 * What the audit log keeps of an organisation: its input fields, the derived status dates and its version.
 * The version is what a 409 version_conflict reads back to tell which fields others changed.
 */
export function snapshotOf(r: OrganisationRecord) {
  return { ...inputOf(r), statusChangedOn: r.status_changed_on, endedOn: r.ended_on, version: r.version };
}

/** Fields that differ between two snapshots (the version aside). */
export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  if (!before || !after) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('version');
  return [...keys].filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** An organisation as the API returns it. */
export function toOrganisationDto(r: OrganisationRecord) {
  return {
    id: r.id,
    ...inputOf(r),
    kindLabel: labelOf(ORGANISATION_KINDS, r.kind),
    legalStatusLabel: labelOf(LEGAL_STATUSES, r.legal_status),
    communeName: r.commune_name,
    provinceId: r.province_id,
    provinceName: r.province_name,
    statusChangedOn: r.status_changed_on,
    endedOn: r.ended_on,
    demo: r.demo,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** An organisation as the API returns it. */
export type OrganisationDto = ReturnType<typeof toOrganisationDto>;
