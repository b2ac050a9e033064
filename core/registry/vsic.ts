import type { Field } from './enums.js';

/** VSIC 2018 level-1 sections by 2-digit division (QĐ 27/2018/QĐ-TTg). */
const SECTIONS: [number, number, string][] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

/** A VSIC level-4 code is 4 digits (NĐ 92/2024 Art. 13: business lines at level 4). */
export function isVsicLevel4(code: string): boolean {
  return /^\d{4}$/.test(code) && vsicSection(code) !== null;
}

/** The level-1 section letter of a VSIC code, or null when the division does not exist. */
export function vsicSection(code: string): string | null {
  const division = Number(code.slice(0, 2));
  return SECTIONS.find(([from, to]) => division >= from && division <= to)?.[2] ?? null;
}

/**
 * Field of activity from the main business line (NĐ 113/2024 Art. 4(1)): agriculture includes salt
 * extraction (VSIC 0893); mining other than salt, manufacturing, utilities and construction are industry.
 */
export function fieldFromVsic(code: string): Field | null {
  const section = vsicSection(code);
  if (!section) return null;
  if (section === 'A' || code === '0893') return 'agriculture';
  if ('BCDEF'.includes(section)) return 'industry_construction';
  if (section === 'K') return 'finance';
  return 'trade_service';
}
