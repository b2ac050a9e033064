import { describe, expect, it } from 'vitest';
import { checkOrganisationRules } from './organisation-rules.js';

const base = { kind: 'HTX' as const, legalStatus: 'active' };

describe('checkOrganisationRules', () => {
  it('derives the field from the VSIC code when none is given, salt extraction counting as agriculture', () => {
    expect(checkOrganisationRules({ ...base, vsicCode: '0111' }).field).toBe('agriculture');
    expect(checkOrganisationRules({ ...base, vsicCode: '0893' }).field).toBe('agriculture');
    expect(checkOrganisationRules({ ...base, vsicCode: '4100' }).field).toBe('industry_construction');
    expect(checkOrganisationRules({ ...base, vsicCode: '6419' }).field).toBe('finance');
    expect(checkOrganisationRules({ ...base, vsicCode: '4930' }).field).toBe('trade_service');
    expect(checkOrganisationRules({ ...base }).field).toBeNull();
  });

  it('keeps an explicit field but warns when it contradicts the main business line', () => {
    const r = checkOrganisationRules({ ...base, vsicCode: '0111', field: 'trade_service' });
    expect(r.field).toBe('trade_service');
    expect(r.warnings).toHaveLength(1);
    expect(checkOrganisationRules({ ...base, vsicCode: '0111', field: 'agriculture' }).warnings).toEqual([]);
  });

  it('refuses an agricultural sub-type outside agriculture', () => {
    expect(
      checkOrganisationRules({ ...base, vsicCode: '4930', agriSubtype: 'crop' }).errors.map((e) => e.code),
    ).toEqual(['organisation.agri_subtype_field']);
    expect(checkOrganisationRules({ ...base, agriSubtype: 'crop' }).errors.map((e) => e.code)).toEqual([
      'organisation.agri_subtype_field',
    ]);
    expect(checkOrganisationRules({ ...base, vsicCode: '0311', agriSubtype: 'fishery' }).errors).toEqual([]);
  });

  it('refuses reduced governance for a THT and only warns for an HTX or union', () => {
    expect(
      checkOrganisationRules({ kind: 'THT', legalStatus: 'active', governance: 'reduced' }).errors.map(
        (e) => e.path,
      ),
    ).toEqual(['governance']);
    const htx = checkOrganisationRules({ ...base, governance: 'reduced' });
    expect(htx.errors).toEqual([]);
    expect(htx.warnings[0]).toContain('Điều 56');
    expect(checkOrganisationRules({ ...base, kind: 'LHHTX', governance: 'reduced' }).warnings[0]).toContain(
      'dưới 10 thành viên',
    );
    expect(checkOrganisationRules({ ...base, governance: 'full' }).warnings).toEqual([]);
  });

  it('refuses a legal status that does not exist for the kind', () => {
    expect(
      checkOrganisationRules({ kind: 'THT', legalStatus: 'dissolved' }).errors.map((e) => e.code),
    ).toEqual(['organisation.legal_status_kind']);
    expect(
      checkOrganisationRules({ kind: 'HTX', legalStatus: 'terminated' }).errors.map((e) => e.code),
    ).toEqual(['organisation.legal_status_kind']);
    expect(checkOrganisationRules({ kind: 'THT', legalStatus: 'terminating' }).errors).toEqual([]);
  });
});
