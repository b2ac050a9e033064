/**
 * The organisation form, driven by ZOrganisationInput: its groups, the widget of each field, and the
 * conversions between form values (dayjs dates, digit strings) and the API input. A field added to the
 * schema breaks the build here until the form places it.
 */
import type { Dayjs } from 'dayjs';
import {
  AGRI_SUBTYPES,
  type Coded,
  FIELDS,
  GOVERNANCE_MODES,
  LEGAL_STATUSES,
  NEW_MODELS,
  ORGANISATION_KINDS,
} from '../../../core/registry/enums';
import { ORGANISATION_INPUT_KEYS } from '../../../core/registry/organisation-changes';
import { type TOrganisationInput, ZOrganisationInput } from '../../../core/registry/organisation-input';
import type { Organisation } from '../api/registry-types';
import { fromIsoDate, toIsoDate } from './dates';

/** A field of the organisation input. */
export type OrgField = keyof TOrganisationInput;

/** The form's sections, in the order an officer reads a registration certificate. */
export const ORG_FORM_GROUPS = [
  {
    key: 'registration',
    fields: [
      'kind',
      'creditFund',
      'regCode',
      'name',
      'shortName',
      'registeredOn',
      'registeringAuthority',
      'foundedOn',
      'charterCapital',
    ],
  },
  { key: 'address', fields: ['communeId', 'pre2025CommuneId', 'address', 'phone', 'email'] },
  { key: 'activity', fields: ['vsicCode', 'field', 'agriSubtype', 'newModel'] },
  { key: 'governance', fields: ['legalRepName', 'legalRepTitle', 'governance'] },
  { key: 'status', fields: ['legalStatus', 'paperOnly'] },
] as const satisfies readonly { key: string; fields: readonly OrgField[] }[];

// Compile-time completeness: every field of ZOrganisationInput sits in exactly one section.
type Placed = (typeof ORG_FORM_GROUPS)[number]['fields'][number];
const everyFieldPlaced: [Exclude<OrgField, Placed>] extends [never] ? true : Exclude<OrgField, Placed> = true;
void everyFieldPlaced;

/** How a field is edited. */
export type Widget =
  | { type: 'text'; max?: number; wide?: boolean }
  | { type: 'code' }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'switch' }
  | { type: 'coded'; list: readonly Coded[] }
  | { type: 'commune'; era: 'current' | 'pre2025' }
  | { type: 'vsic' };

/** The widget of every field (a Record, so a new schema field must be given one). */
export const ORG_WIDGETS: Record<OrgField, Widget> = {
  kind: { type: 'coded', list: ORGANISATION_KINDS },
  creditFund: { type: 'switch' },
  regCode: { type: 'code' },
  name: { type: 'text', max: 300, wide: true },
  shortName: { type: 'text', max: 100 },
  communeId: { type: 'commune', era: 'current' },
  pre2025CommuneId: { type: 'commune', era: 'pre2025' },
  address: { type: 'text', max: 500, wide: true },
  phone: { type: 'text', max: 20 },
  email: { type: 'text', max: 200 },
  foundedOn: { type: 'date' },
  registeredOn: { type: 'date' },
  registeringAuthority: { type: 'text', max: 300 },
  charterCapital: { type: 'money' },
  legalRepName: { type: 'text', max: 200 },
  legalRepTitle: { type: 'text', max: 100 },
  vsicCode: { type: 'vsic' },
  field: { type: 'coded', list: FIELDS },
  agriSubtype: { type: 'coded', list: AGRI_SUBTYPES },
  newModel: { type: 'coded', list: NEW_MODELS },
  governance: { type: 'coded', list: GOVERNANCE_MODES },
  legalStatus: { type: 'coded', list: LEGAL_STATUSES },
  paperOnly: { type: 'switch' },
};

/** Fields the schema requires (no default, not optional): shown with the required mark. */
export const REQUIRED_FIELDS: ReadonlySet<OrgField> = new Set(
  ORGANISATION_INPUT_KEYS.filter((k) => !ZOrganisationInput.shape[k].safeParse(undefined).success),
);

/** Test ids the browser journeys use; every other field gets org-form-<lower-case key>. */
const TEST_IDS: Partial<Record<OrgField, string>> = {
  communeId: 'org-form-commune',
  pre2025CommuneId: 'org-form-pre2025-commune',
  vsicCode: 'org-form-vsic',
};

/** The data-testid of a field's input. */
export function testIdOf(field: OrgField): string {
  return TEST_IDS[field] ?? `org-form-${field.toLowerCase()}`;
}

/** Form values: dates as dayjs, money as a digit string (exact), the rest as in the input. */
export type OrgFormValues = {
  [K in OrgField]?: K extends 'foundedOn' | 'registeredOn' ? Dayjs | null : TOrganisationInput[K] | null;
};

const DATE_FIELDS: readonly OrgField[] = ['foundedOn', 'registeredOn'];

/** Form values of an organisation (or of nothing: a new one, operating, not on paper only). */
export function formValuesOf(org: Organisation | null): OrgFormValues {
  if (!org) return { kind: 'HTX', creditFund: false, legalStatus: 'active', paperOnly: false };
  const out: Record<string, unknown> = {};
  for (const k of ORGANISATION_INPUT_KEYS) {
    const v = (org as unknown as Record<string, unknown>)[k];
    out[k] = DATE_FIELDS.includes(k) ? (fromIsoDate(v as string | null) ?? null) : (v ?? null);
  }
  return out as OrgFormValues;
}

/** The API input of form values: ISO dates, empty text as null, untouched switches as false. */
export function inputOf(values: OrgFormValues): Record<OrgField, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ORGANISATION_INPUT_KEYS) {
    const v = values[k];
    if (DATE_FIELDS.includes(k)) out[k] = v ? toIsoDate(v as Dayjs) : null;
    else if (ORG_WIDGETS[k].type === 'switch') out[k] = !!v;
    else if (typeof v === 'string') out[k] = v.trim() === '' ? null : v;
    else out[k] = v ?? null;
  }
  return out as Record<OrgField, unknown>;
}

/** A field error of the client-side check, shaped like the server's. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Checks an input with the shared schema; the parsed input, or the field messages (Vietnamese). */
export function parseInput(
  input: Record<string, unknown>,
): { ok: true; value: TOrganisationInput } | { ok: false; issues: FieldIssue[] } {
  const parsed = ZOrganisationInput.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
  };
}

/** The fields whose normalised value differs between the loaded organisation and the form. */
export function changedFields(base: Record<string, unknown>, next: Record<string, unknown>): OrgField[] {
  const norm = (x: Record<string, unknown>) => {
    const p = ZOrganisationInput.safeParse(x);
    return p.success ? (p.data as Record<string, unknown>) : x;
  };
  const a = norm(base);
  const b = norm(next);
  return ORGANISATION_INPUT_KEYS.filter((k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null));
}
