import { MIN_MEMBERS, type OrganisationKind } from './enums.js';
import { officialMembers, type ReportFigures, totalMembers } from './report-fields.js';

/** A legal minimum the latest yearly figures fall short of. */
export interface LegalMinimumWarning {
  code: 'legal_min.members' | 'legal_min.foreign_share';
  message: string;
}

/** Foreign investors and foreign-invested entities must stay under 35% of official members (Luật HTX 2023 Art. 30(4), Art. 34). */
export const MAX_FOREIGN_OFFICIAL_SHARE = 0.35;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const anyReported = (r: ReportFigures, keys: string[]) => keys.some((k) => num(r[k]) !== null);
const OFFICIAL_KEYS = ['memberOfficialIndividual', 'memberOfficialHousehold', 'memberOfficialLegal'];
const ALL_MEMBER_KEYS = [...OFFICIAL_KEYS, 'memberAssociateCapital', 'memberAssociateNoncapital'];

/**
 * Checks the member minimums of Luật HTX 2023 Art. 4 (THT ≥ 2 members, HTX ≥ 5 official members, LHHTX ≥ 3
 * member cooperatives) and the foreign-member cap of Art. 30/34 against one year's figures. Figures not
 * reported give no warning: a missing number is unknown, not zero. Falling short for 12 consecutive months
 * is a ground for revoking the registration (Art. 103), so this is a warning to follow up, not a block.
 */
export function legalMinimumWarnings(
  kind: OrganisationKind,
  r: ReportFigures,
  year?: number,
): LegalMinimumWarning[] {
  const out: LegalMinimumWarning[] = [];
  const inYear = year ? ` theo báo cáo năm ${year}` : '';
  const min = MIN_MEMBERS[kind];
  if (kind === 'THT' && anyReported(r, ALL_MEMBER_KEYS)) {
    const n = totalMembers(r);
    if (n < min)
      out.push({
        code: 'legal_min.members',
        message: `Tổ hợp tác chỉ có ${n} thành viên${inYear}, dưới mức tối thiểu ${min} thành viên (Luật HTX 2023, Điều 4).`,
      });
  }
  if (kind === 'HTX' && anyReported(r, OFFICIAL_KEYS)) {
    const n = officialMembers(r);
    if (n < min)
      out.push({
        code: 'legal_min.members',
        message: `Hợp tác xã chỉ có ${n} thành viên chính thức${inYear}, dưới mức tối thiểu ${min} (Luật HTX 2023, Điều 4).`,
      });
  }
  const unionMembers = num(r.memberCooperatives);
  if (kind === 'LHHTX' && unionMembers !== null && unionMembers < min) {
    out.push({
      code: 'legal_min.members',
      message: `Liên hiệp HTX chỉ có ${unionMembers} HTX thành viên${inYear}, dưới mức tối thiểu ${min} (Luật HTX 2023, Điều 4).`,
    });
  }
  const foreign = num(r.memberForeignOfficial);
  if (kind !== 'THT' && foreign !== null && foreign > 0) {
    // A union's official members are its member cooperatives (Art. 34); an HTX counts its official members.
    const official = kind === 'LHHTX' ? (unionMembers ?? officialMembers(r)) : officialMembers(r);
    if (official > 0 && foreign / official >= MAX_FOREIGN_OFFICIAL_SHARE) {
      const pct = Math.round((foreign / official) * 1000) / 10;
      out.push({
        code: 'legal_min.foreign_share',
        message: `Thành viên chính thức là nhà đầu tư nước ngoài chiếm ${pct.toLocaleString('vi-VN')}%${inYear}, không được từ 35% trở lên (Luật HTX 2023, Điều 30, Điều 34).`,
      });
    }
  }
  return out;
}
