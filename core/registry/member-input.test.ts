import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  capitalShareWarning,
  checkMember,
  isVietnamese,
  type MemberData,
  ZMemberCreate,
  ZMemberUpdate,
} from './member-input.js';

const person: MemberData = {
  memberType: 'official',
  fullName: 'Hoàng Thị Lan',
  birthDate: '1980-05-12',
  gender: 'female',
  ethnicity: 'Tày',
  nationality: 'Việt Nam',
  idNumber: '020180001234',
  orgCode: null,
  address: 'Thôn Nà Lầu, xã Đồng Đăng, tỉnh Lạng Sơn',
  capitalPledged: '50000000',
  capitalPaid: '20000000',
  joinedOn: '2021-03-01',
  leftOn: null,
};
const paths = (m: Partial<MemberData>) => checkMember({ ...person, ...m }, '2025-06-30').map((e) => e.path);

describe('ZMemberCreate / ZMemberUpdate', () => {
  it('normalises empty strings to null and money to decimal strings', () => {
    const r = ZMemberCreate.parse({
      memberType: 'official',
      fullName: '  Lan ',
      address: '',
      capitalPaid: 5,
      idNumber: 'b1234567',
    });
    expect(r).toMatchObject({ fullName: 'Lan', address: null, capitalPaid: '5', idNumber: 'B1234567' });
  });

  it('refuses unknown fields, a bad organisation code and a missing version', () => {
    expect(ZMemberCreate.safeParse({ memberType: 'official', fullName: 'A', soCCCD: '1' }).success).toBe(
      false,
    );
    expect(ZMemberCreate.safeParse({ memberType: 'official', fullName: 'A', orgCode: '12345' }).success).toBe(
      false,
    );
    expect(ZMemberUpdate.safeParse({ fullName: 'B' }).success).toBe(false);
    expect(ZMemberUpdate.parse({ fullName: 'B', version: 2 })).toEqual({ fullName: 'B', version: 2 });
  });
});

describe('checkMember', () => {
  it('accepts a complete official member', () => {
    expect(paths({})).toEqual([]);
  });

  it('requires a 12- or 9-digit number for Vietnamese, a passport pattern for foreigners', () => {
    expect(paths({ idNumber: '123456789' })).toEqual([]);
    expect(paths({ idNumber: '12345678901' })).toEqual(['idNumber']);
    expect(paths({ idNumber: 'C0123456' })).toEqual(['idNumber']);
    expect(paths({ idNumber: 'C0123456', nationality: 'Lào' })).toEqual([]);
  });

  it('requires an ID or organisation code for official and capital members, not for non-capital associates', () => {
    expect(paths({ idNumber: null })).toEqual(['idNumber']);
    expect(paths({ idNumber: null, orgCode: '4900000009', birthDate: null })).toEqual([]);
    expect(
      paths({ idNumber: null, memberType: 'associate_noncapital', capitalPledged: null, capitalPaid: null }),
    ).toEqual([]);
    expect(paths({ orgCode: '4900000009' })).toEqual(['orgCode']);
  });

  it('refuses paid above pledged, leaving before joining, and capital for a non-capital associate', () => {
    expect(paths({ capitalPaid: '50000001' })).toEqual(['capitalPaid']);
    expect(paths({ leftOn: '2021-02-28' })).toEqual(['leftOn']);
    expect(paths({ memberType: 'associate_noncapital' })).toEqual(['capitalPledged']);
  });

  it('applies the Art. 30 ages at joining: 18 for official and capital associates, 15 for non-capital associates', () => {
    expect(paths({ birthDate: '2003-03-02', joinedOn: '2021-03-01' })).toEqual(['birthDate']);
    expect(paths({ birthDate: '2003-03-01', joinedOn: '2021-03-01' })).toEqual([]);
    expect(paths({ memberType: 'associate_capital', birthDate: '2004-01-01' })).toEqual(['birthDate']);
    const young = { memberType: 'associate_noncapital' as const, capitalPledged: null, capitalPaid: null };
    expect(paths({ ...young, birthDate: '2006-03-01' })).toEqual([]);
    expect(paths({ ...young, birthDate: '2006-03-02' })).toEqual(['birthDate']);
    // Without a joining date the age is taken today.
    expect(paths({ birthDate: '2007-07-01', joinedOn: null })).toEqual(['birthDate']);
  });
});

describe('ageOn', () => {
  test.prop([
    fc.date({ min: new Date('1900-01-01'), max: new Date('2050-12-31'), noInvalidDate: true }),
    fc.nat({ max: 100 }),
  ])('is the number of whole years, turning over on the birthday', (d, years) => {
    const birth = d.toISOString().slice(0, 10);
    if (birth.slice(5) === '02-29') return;
    const birthday = `${String(Number(birth.slice(0, 4)) + years).padStart(4, '0')}${birth.slice(4)}`;
    expect(ageOn(birth, birthday)).toBe(years);
    const dayBefore = new Date(Date.parse(`${birthday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(ageOn(birth, dayBefore)).toBe(years - 1);
  });
});

describe('isVietnamese', () => {
  it('reads common spellings, and no nationality as Vietnamese', () => {
    for (const n of ['Việt Nam', 'viet nam', 'VN', null]) expect(isVietnamese(n)).toBe(true);
    expect(isVietnamese('Lào')).toBe(false);
  });
});

describe('capitalShareWarning', () => {
  it('warns above 30% for an HTX and 40% for a union, never for a THT or an associate', () => {
    expect(capitalShareWarning('HTX', '1000', { memberType: 'official', capitalPaid: '300' })).toBeNull();
    expect(
      capitalShareWarning('HTX', '1000', { memberType: 'official', capitalPaid: '301' })?.message,
    ).toMatch(/30,1%.*30%/);
    expect(capitalShareWarning('LHHTX', '1000', { memberType: 'official', capitalPaid: '400' })).toBeNull();
    expect(capitalShareWarning('LHHTX', '1000', { memberType: 'official', capitalPaid: '401' })?.code).toBe(
      'member.capital_share',
    );
    expect(capitalShareWarning('THT', '1000', { memberType: 'official', capitalPaid: '900' })).toBeNull();
    expect(
      capitalShareWarning('HTX', '1000', { memberType: 'associate_capital', capitalPaid: '900' }),
    ).toBeNull();
    expect(capitalShareWarning('HTX', null, { memberType: 'official', capitalPaid: '900' })).toBeNull();
  });
});
