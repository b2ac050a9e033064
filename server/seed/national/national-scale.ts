import type { Tag } from '../demo-words.js';

/**
 * How big the national synthetic dataset is and how it is spread (regulations.md §10.2): late 2025 ≈35,000 HTX,
 * 164 LHHTX with >1,000 member HTX, ≈66,000 THT and ≈6 million HTX members; the 2022 regional split of HTX.
 */
export const NATIONAL_TARGETS = {
  htx: 35_000,
  lhhtx: 164,
  unionMemberHtx: 1_000,
  tht: 66_000,
  /** Members with an individual register (member rows); the rest exist only as yearly counts. */
  registeredMembers: 1_000_000,
  /** Share of HTX that are people's credit funds (≈1,180 QTDND nationally). */
  creditFundShare: 0.033,
};

/** First and last year of yearly figures; assessments run 2020–2025. */
export const FIRST_FIGURES_YEAR = 2015;
export const LAST_FIGURES_YEAR = 2025;
export const ASSESSMENT_YEARS = [2020, 2021, 2022, 2023, 2024, 2025] as const;
/** The earliest founding date of the generated organisations. */
export const FIRST_FOUNDING_YEAR = 2000;

/** A socio-economic region (vùng) of the pre-2025 provinces, with its 2022 share of HTX and its character. */
export interface Region {
  key: string;
  name: string;
  share: number;
  agriShare: number;
  tags: readonly Tag[];
  ethnic: readonly (readonly [string, number])[];
}

// 2022 by region (regulations.md §10.2, [S65]): 27.1 / 26.5 / 21.0 / 11.6 / 7.1 / 6.7 %.
export const REGIONS: readonly Region[] = [
  {
    key: 'TDMNPB',
    name: 'Trung du và miền núi phía Bắc',
    share: 0.271,
    agriShare: 0.72,
    tags: ['north', 'mountain'],
    ethnic: [
      ['Kinh', 45],
      ['Tày', 18],
      ['Thái', 12],
      ['Mường', 8],
      ['Nùng', 8],
      ["H'Mông", 6],
      ['Dao', 3],
    ],
  },
  {
    key: 'DBSH',
    name: 'Đồng bằng sông Hồng',
    share: 0.265,
    agriShare: 0.62,
    tags: ['north', 'delta', 'coast'],
    ethnic: [['Kinh', 100]],
  },
  {
    key: 'BTBDHMT',
    name: 'Bắc Trung Bộ và Duyên hải miền Trung',
    share: 0.21,
    agriShare: 0.66,
    tags: ['central', 'coast'],
    ethnic: [
      ['Kinh', 92],
      ['Thái', 3],
      ['Mường', 2],
      ['Chăm', 2],
      ['Raglai', 1],
    ],
  },
  {
    key: 'TN',
    name: 'Tây Nguyên',
    share: 0.067,
    agriShare: 0.72,
    tags: ['highland', 'south'],
    ethnic: [
      ['Kinh', 65],
      ['Ê Đê', 10],
      ['Gia Rai', 12],
      ["M'Nông", 5],
      ['Xơ Đăng', 5],
      ['Nùng', 3],
    ],
  },
  {
    key: 'DNB',
    name: 'Đông Nam Bộ',
    share: 0.071,
    agriShare: 0.45,
    tags: ['south', 'city'],
    ethnic: [
      ['Kinh', 95],
      ['Hoa', 3],
      ['Khmer', 2],
    ],
  },
  {
    key: 'DBSCL',
    name: 'Đồng bằng sông Cửu Long',
    share: 0.116,
    agriShare: 0.7,
    tags: ['south', 'delta'],
    ethnic: [
      ['Kinh', 92],
      ['Khmer', 7],
      ['Hoa', 1],
    ],
  },
];

/** The region of a pre-2025 province by its code (GSO statistical regions). */
export function regionOfOldProvince(code: string): Region {
  const c = Number(code);
  const key =
    c === 1 || c === 22 || (c >= 26 && c <= 37)
      ? 'DBSH'
      : c <= 25
        ? 'TDMNPB'
        : c <= 60
          ? 'BTBDHMT'
          : c <= 68
            ? 'TN'
            : c <= 79
              ? 'DNB'
              : 'DBSCL';
  return REGIONS.find((r) => r.key === key) as Region;
}

/** What to generate: the whole country, one province of today, or a fraction of the country (tests). */
export interface SeedScale {
  kind: 'national' | 'province' | 'tiny';
  /** Post-2025 province code for kind 'province'. */
  provinceCode: string | null;
  /** Multiplier of the national counts (1 for national; the province's share for a province). */
  fraction: number;
}

/** The default province of `--scale province`: Lạng Sơn (code 20), the province of the demo cooperative. */
export const DEFAULT_PROVINCE = '20';
/** The fraction of the nation `--scale tiny` generates (≈700 HTX, ≈1,300 THT). */
export const TINY_FRACTION = 0.02;
