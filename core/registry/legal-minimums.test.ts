import { describe, expect, it } from 'vitest';
import { legalMinimumWarnings } from './legal-minimums.js';

const codes = (w: { code: string }[]) => w.map((x) => x.code);

describe('legalMinimumWarnings', () => {
  it('warns when an HTX has fewer than 5 official members, counting individuals, households and legal entities', () => {
    expect(
      codes(legalMinimumWarnings('HTX', { memberOfficialIndividual: 3, memberOfficialHousehold: 1 })),
    ).toEqual(['legal_min.members']);
    expect(
      legalMinimumWarnings('HTX', {
        memberOfficialIndividual: 3,
        memberOfficialHousehold: 1,
        memberOfficialLegal: 1,
      }),
    ).toEqual([]);
  });

  it('does not count associates towards the HTX minimum', () => {
    const w = legalMinimumWarnings(
      'HTX',
      { memberOfficialIndividual: 4, memberAssociateCapital: 10, memberAssociateNoncapital: 5 },
      2024,
    );
    expect(codes(w)).toEqual(['legal_min.members']);
    expect(w[0].message).toContain('4 thành viên chính thức theo báo cáo năm 2024');
    expect(w[0].message).toContain('Điều 4');
  });

  it('counts every member of a cooperative group (THT ≥ 2)', () => {
    expect(codes(legalMinimumWarnings('THT', { memberOfficialIndividual: 1 }))).toEqual([
      'legal_min.members',
    ]);
    expect(
      legalMinimumWarnings('THT', { memberOfficialIndividual: 1, memberAssociateNoncapital: 1 }),
    ).toEqual([]);
  });

  it('needs 3 member cooperatives for a union', () => {
    expect(codes(legalMinimumWarnings('LHHTX', { memberCooperatives: 2 }))).toEqual(['legal_min.members']);
    expect(legalMinimumWarnings('LHHTX', { memberCooperatives: 3 })).toEqual([]);
  });

  it('says nothing when the figures were not reported (unknown is not zero)', () => {
    expect(legalMinimumWarnings('HTX', {})).toEqual([]);
    expect(legalMinimumWarnings('HTX', { memberOfficialIndividual: null, memberWomen: 2 })).toEqual([]);
    expect(legalMinimumWarnings('LHHTX', { memberCooperatives: null })).toEqual([]);
    expect(legalMinimumWarnings('THT', { workerTotal: 1 })).toEqual([]);
  });

  it('warns when foreign official members reach 35%, not below', () => {
    const base = { memberOfficialIndividual: 10, memberOfficialLegal: 10 };
    expect(legalMinimumWarnings('HTX', { ...base, memberForeignOfficial: 6 })).toEqual([]);
    const w = legalMinimumWarnings('HTX', { ...base, memberForeignOfficial: 7 });
    expect(codes(w)).toEqual(['legal_min.foreign_share']);
    expect(w[0].message).toContain('35%');
    expect(codes(legalMinimumWarnings('LHHTX', { memberCooperatives: 5, memberForeignOfficial: 2 }))).toEqual(
      ['legal_min.foreign_share'],
    );
  });

  it('reports both shortfalls at once', () => {
    expect(
      codes(legalMinimumWarnings('HTX', { memberOfficialIndividual: 2, memberForeignOfficial: 1 })),
    ).toEqual(['legal_min.members', 'legal_min.foreign_share']);
  });
});
