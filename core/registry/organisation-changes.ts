import { z } from 'zod';
import { LEGAL_STATUSES, valuesOf } from './enums.js';
import { REGISTRATION_FIELDS, type TOrganisationInput, ZOrganisationInput } from './organisation-input.js';

/**
 * A partial edit of an organisation: any field of ZOrganisationInput, unknown keys refused. The defaults of
 * the full input are removed, so that a missing field means "unchanged", never "reset to the default".
 */
export const ZOrganisationChanges = ZOrganisationInput.extend({
  creditFund: z.boolean().optional(),
  legalStatus: z.enum(valuesOf(LEGAL_STATUSES)).optional(),
  paperOnly: z.boolean().optional(),
}).partial();

/** Parsed organisation changes. */
export type TOrganisationChanges = Partial<TOrganisationInput>;

/** The keys of the organisation input, in form order. */
export const ORGANISATION_INPUT_KEYS = Object.keys(ZOrganisationInput.shape) as (keyof TOrganisationInput)[];

/** True for a field whose change a cooperative must have approved by an officer (NĐ 92/2024). */
export function isRegistrationField(key: string): boolean {
  return (REGISTRATION_FIELDS as readonly string[]).includes(key);
}

/** Fields only an officer sets: whether the organisation exists only on paper is the officer's finding. */
export const OFFICER_ONLY_FIELDS: readonly (keyof TOrganisationInput)[] = ['paperOnly'];
