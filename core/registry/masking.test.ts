import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskAddress, maskBirthDate, maskIdNumber, maskMember } from './masking.js';

describe('maskIdNumber', () => {
  it('shows only the last 3 characters behind 9 stars, whatever the length', () => {
    expect(maskIdNumber('001080012345')).toBe('*********345');
    expect(maskIdNumber('012345678')).toBe('*********678');
    expect(maskIdNumber('B1234567')).toBe('*********567');
    expect(maskIdNumber('12345')).toBe('************');
    expect(maskIdNumber(null)).toBeNull();
  });
});

describe('maskBirthDate', () => {
  it('shows the year only', () => {
    expect(maskBirthDate('1980-05-12')).toBe('**/**/1980');
    expect(maskBirthDate('12/05/1980')).toBe('**/**/****');
    expect(maskBirthDate(null)).toBeNull();
  });
});

describe('maskAddress', () => {
  it('shows the last comma-separated part only, nothing without a comma', () => {
    expect(maskAddress('Thôn Nà Lầu, xã Đồng Đăng, tỉnh Lạng Sơn')).toBe('***, tỉnh Lạng Sơn');
    expect(maskAddress('Số 5 ngõ 3,  Lạng Sơn ,')).toBe('***, Lạng Sơn');
    expect(maskAddress('Thôn Nà Lầu')).toBe('***');
  });
});

describe('maskMember', () => {
  it('masks an individual and leaves an organisation member as it is', () => {
    const person = {
      full_name: 'Hoàng Văn A',
      id_number: '001080012345',
      birth_date: '1980-05-12',
      address: 'Thôn B, Lạng Sơn',
      ethnicity: 'Tày',
      org_code: null,
    };
    expect(maskMember(person)).toEqual({
      ...person,
      id_number: '*********345',
      birth_date: '**/**/1980',
      address: '***, Lạng Sơn',
      ethnicity: '***',
    });
    const org = {
      full_name: 'HTX X',
      id_number: null,
      birth_date: null,
      address: 'Số 1, phố Y, Lạng Sơn',
      ethnicity: null,
      org_code: '4900000009',
    };
    expect(maskMember(org)).toEqual(org);
  });
});

/** Characters of `masked` that are not mask characters or the fixed separators. */
const revealed = (masked: string) => masked.replace(/^\*+/, '');

describe('masking never reveals more than allowed (properties)', () => {
  test.prop([fc.string({ maxLength: 40 })])(
    'an ID number reveals at most its last 3 characters, and only as a suffix',
    (id) => {
      const m = maskIdNumber(id)!;
      const shown = revealed(m);
      expect(shown.length).toBeLessThanOrEqual(3);
      expect(id.trim().endsWith(shown)).toBe(true);
      expect(m.length).toBe(12);
      if (id.trim().length < 6) expect(m).toBe('*'.repeat(12));
    },
  );

  test.prop([fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })])(
    'a birth date reveals the year and nothing else',
    (d) => {
      const iso = d.toISOString().slice(0, 10);
      const m = maskBirthDate(iso)!;
      expect(m).toBe(`**/**/${iso.slice(0, 4)}`);
      expect(m.replace(/[*/]/g, '')).toBe(iso.slice(0, 4));
    },
  );

  test.prop([fc.array(fc.string({ maxLength: 15 }), { maxLength: 6 }).map((parts) => parts.join(','))])(
    'an address reveals at most its last comma-separated part',
    (address) => {
      const m = maskAddress(address)!;
      const parts = address
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length < 2) expect(m).toBe('***');
      else {
        expect(m.startsWith('***, ')).toBe(true);
        expect(m.slice(5)).toBe(parts.at(-1));
        // One part only: no other part (nor a separator) survives.
        expect(m.slice(5)).not.toContain(',');
        expect(m.length - 5).toBeLessThanOrEqual(Math.max(...parts.map((p) => p.length)));
      }
    },
  );
});
