import { NAME_STYLES } from './demo-names.js';
import type { Rng } from './demo-random.js';
import { VILLAGES } from './demo-words.js';

/** A synthetic person: name, gender, ethnic group, birth date and a citizen ID (CCCD) number. */
export interface DemoPerson {
  fullName: string;
  gender: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  idNumber: string;
}

/** A full name in the naming style of an ethnic group (Kinh style for unknown groups). */
export function personName(rng: Rng, ethnicity: string, gender: 'male' | 'female'): string {
  const style = NAME_STYLES[ethnicity] ?? NAME_STYLES.Kinh;
  const middle = rng.pick(gender === 'male' ? style.maleMiddle : style.femaleMiddle);
  const given = rng.pick(gender === 'male' ? style.male : style.female);
  if (style.pattern === 'prefix') return `${middle}${given}`;
  const family = rng.pick(style.families);
  return style.pattern === 'suffix' ? `${middle}${given} ${family}` : `${family} ${middle}${given}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Day numbers of civil dates (H. Hinnant's algorithms): date arithmetic without Date objects, which the demo
// data does ~100,000 times.
function toDays(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function fromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** A 'YYYY-MM-DD' date uniformly between two dates (both included). */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = toDays(from);
  return fromDays(a + Math.floor(rng.next() * (toDays(to) - a + 1)));
}

/** Adds days to a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/**
 * A citizen ID (CCCD; personal ID structure of NĐ 137/2015/NĐ-CP): 3 digits for the place of birth registration, 1 digit for gender and
 * century (0/1 = male/female born in the 1900s, 2/3 in the 2000s), 2 digits of the birth year, 6 random digits.
 */
export function citizenId(rng: Rng, placeCode: string, gender: 'male' | 'female', birthYear: number): string {
  const century = birthYear >= 2000 ? 2 : 0;
  const g = century + (gender === 'female' ? 1 : 0);
  return `${placeCode}${g}${pad(birthYear % 100, 2)}${pad(rng.int(0, 999_999), 6)}`;
}

/** A person of an ethnic group born 1955 or later and by a date (an adult in 2025 by default), with a citizen ID. */
export function makePerson(
  rng: Rng,
  ethnicity: string,
  gender: 'male' | 'female',
  placeCode: string,
  bornBy = '2006-12-31',
): DemoPerson {
  const birthDate = dateBetween(rng, '1955-01-01', bornBy < '1975-01-01' ? '1975-01-01' : bornBy);
  return {
    fullName: personName(rng, ethnicity, gender),
    gender,
    ethnicity,
    birthDate,
    idNumber: citizenId(rng, placeCode, gender, Number(birthDate.slice(0, 4))),
  };
}

/** A mobile number as people write it: "0912 345 678". */
export function phoneNumber(rng: Rng): string {
  const head = rng.pick([
    '091',
    '094',
    '098',
    '097',
    '096',
    '086',
    '088',
    '035',
    '036',
    '038',
    '039',
    '081',
    '083',
    '070',
    '077',
  ]);
  return `${head}${rng.int(0, 9)} ${pad(rng.int(0, 999), 3)} ${pad(rng.int(0, 999), 3)}`;
}

/** Kind of place, for village names: a ward, or the countryside of a region. */
export type PlaceKind = keyof typeof VILLAGES;

/** A village or residential group of a commune: "Thôn Nà Pàn", "Xóm Đông", "Tổ dân phố 3". */
export function village(rng: Rng, kind: PlaceKind): string {
  const name = rng.pick(VILLAGES[kind]);
  if (kind === 'city') return name;
  if (kind === 'delta') return `${rng.pick(['Thôn', 'Thôn', 'Xóm'])} ${name}`;
  if (kind === 'highland')
    return rng.chance(0.5) ? `Thôn ${rng.int(1, 12)}` : `${rng.pick(['Làng', 'Thôn', 'Buôn'])} ${name}`;
  return `${kind === 'mountain' ? rng.pick(['Thôn', 'Bản']) : 'Thôn'} ${name}`;
}
