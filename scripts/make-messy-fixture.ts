/**
 * Writes server/test/fixtures/registry-messy.xlsx and its manifest: ≥ 2,000 organisation rows of Lạng Sơn
 * the way real provincial spreadsheets look (title rows, a column-number row, headers without diacritics or
 * abbreviated, columns in another order, Vietnamese numbers (1.234.567 and decimal commas, 150.000.000,00),
 * text/serial/real dates, stray and non-breaking spaces, empty rows, communes by code or by name, kinds and
 * booleans spelt many ways, formulas, rich text), plus a known set of invalid rows. Deterministic: the same file
 * (cell for cell) and manifest on every run.
 *
 *   npx tsx scripts/make-messy-fixture.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { loadUnitDataset, type UnitRow } from '../server/modules/admin-unit/admin-unit-source.js';

/** The checked-in fixture workbook. */
export const FIXTURE_PATH = resolve('server/test/fixtures/registry-messy.xlsx');
/** Its manifest: which rows are invalid and why, computed by the generator, not by the importer. */
export const MANIFEST_PATH = resolve('server/test/fixtures/registry-messy.manifest.json');

/** Why a row was made invalid, and the template column the error belongs to. */
export interface InvalidRow {
  row: number;
  reason: string;
  column: string;
}

/** What the generator made: every data row, which are invalid and why, which carry a warning. */
export interface MessyManifest {
  headerRow: number;
  dataRows: number;
  emptyRows: number;
  invalid: InvalidRow[];
  warnings: { row: number; column: string }[];
  /** Rows that name their commune by name rather than code (a messy feature the test checks). */
  byName: number;
  /**
   * Rows whose charter capital is typed with a decimal comma ("150.000.000,00", "150000000,0"): the text in the
   * cell and the amount in đồng it must be read as. Charter capital is whole đồng, so a non-zero fraction
   * ("1.234,5") is an invalid row (reason fractional_capital), never rounded.
   */
  decimalComma: { row: number; code: string; text: string; capital: string }[];
}

const HEADER = [
  'STT',
  'MST',
  'ten hop tac xa',
  'LOẠI HÌNH',
  'Mã xã/phường',
  'Xã, phường',
  'Tỉnh',
  'Dia chi',
  'SĐT',
  ' Ngay thanh lap ',
  'Ngày cấp GCN',
  'Vốn điều lệ (đồng) (*)',
  'Người\u00a0đại diện',
  'Chức vụ',
  'Mã ngành',
  'Tình trạng',
  'QTDND',
  'Ghi chú',
];
const C = Object.fromEntries(HEADER.map((h, i) => [h.trim(), i])) as Record<string, number>;
const DATA_ROWS = 2100;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = [
  ['HTX', 'HTX'],
  ['Hợp tác xã', 'HTX'],
  ['hop tac xa', 'HTX'],
  ['THT', 'THT'],
  ['Tổ hợp tác', 'THT'],
  ['to hop tac', 'THT'],
  ['LHHTX', 'LHHTX'],
  ['Liên hiệp hợp tác xã', 'LHHTX'],
] as const;
const PREFIX: Record<string, string[]> = {
  HTX: ['Hợp tác xã', 'HTX'],
  THT: ['Tổ hợp tác'],
  LHHTX: ['Liên hiệp HTX'],
};
const TRADES = [
  'Nông nghiệp',
  'Dịch vụ tổng hợp',
  'Chè',
  'Hồi Quế',
  'Thủy sản',
  'Vận tải',
  'Môi trường',
  'Rau an toàn',
  'Chăn nuôi',
  'Mây tre đan',
];
const PEOPLE = [
  'Nguyễn Văn An',
  'Hoàng Thị Lan',
  'Lý Văn Sơn',
  'Vi Thị Đào',
  'Nông Văn Hải',
  'Lương Thị Mai',
  'Triệu Văn Tám',
  'Hà Thị Hoa',
];
const BOOLS: unknown[] = ['Có', 'Không', 'x', '1', '0', null, true, 'không'];
const STATUSES = ['Đang hoạt động', 'hoat dong', 'Tạm ngừng kinh doanh', ' Đang  hoạt động '];

/** Builds the sheet's rows (exceljs cell values) and the manifest, without touching the disk. */
export function buildMessyFixture(): { rows: unknown[][]; manifest: MessyManifest } {
  const rand = rng(20250701);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const units = loadUnitDataset().units;
  const communes = units.filter((u) => u.era === 'post2025' && u.level === 3 && u.parentKey === 'post:P:20');
  const outside = units.find(
    (u) => u.era === 'post2025' && u.level === 3 && u.parentKey === 'post:P:37',
  ) as UnitRow;
  const nameCount = new Map<string, number>();
  for (const c of communes) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const rows: unknown[][] = [
    ['ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN'],
    ['DANH SÁCH TỔ HỢP TÁC, HỢP TÁC XÃ TRÊN ĐỊA BÀN TỈNH (cập nhật 2025)'],
    [],
    HEADER,
    HEADER.map((_, i) => `(${i + 1})`),
  ];
  const manifest: MessyManifest = {
    headerRow: 4,
    dataRows: 0,
    emptyRows: 0,
    invalid: [],
    warnings: [],
    byName: 0,
    decimalComma: [],
  };
  const codes: string[] = [];
  for (let i = 0; i < DATA_ROWS; i++) {
    if (i > 0 && i % 97 === 0) {
      rows.push([null, '   ', '\u00a0']);
      manifest.emptyRows++;
    }
    const excelRow = rows.length + 1;
    const r: unknown[] = new Array(HEADER.length).fill(null);
    const [kindText, kind] = pick(KINDS);
    const commune = pick(communes);
    const code = `491${String(100000 + i * 7).padStart(7, '0')}`;
    codes.push(code);
    const variant = i % 8;
    r[C.STT] = i + 1;
    r[C.MST] =
      variant === 1 ? Number(code) : variant === 2 ? ` ${code.slice(0, 4)} ${code.slice(4)}\u00a0` : code;
    const name = `${pick(PREFIX[kind])} ${pick(TRADES)} ${commune.name} ${i + 1}`;
    r[C['ten hop tac xa']] =
      variant === 3
        ? { richText: [{ text: name.slice(0, 10) }, { text: name.slice(10), font: { bold: true } }] }
        : variant === 4
          ? { formula: `TRIM("${name}")`, result: name }
          : variant === 5
            ? `  ${name.replace(/ /g, '\u00a0 ')}  `
            : name;
    r[C['LOẠI HÌNH']] = kindText;
    if (variant % 3 === 0 && nameCount.get(commune.name) === 1) {
      r[C['Xã, phường']] = pick([
        commune.fullName,
        commune.name.toLowerCase(),
        commune.name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[đĐ]/g, 'd')
          .toUpperCase(),
      ]);
      r[C.Tỉnh] = pick(['Lạng Sơn', 'Tỉnh Lạng Sơn', 'lang son', null]);
      manifest.byName++;
    } else {
      r[C['Mã xã/phường']] = variant === 6 ? Number(commune.code) : commune.code;
      r[C['Xã, phường']] = variant === 7 ? commune.fullName : null;
    }
    r[C['Dia chi']] = `Thôn ${1 + (i % 12)}, ${commune.fullName}`;
    r[C.SĐT] = i % 5 === 0 ? null : `0912 ${String(100000 + i).slice(-6)}`;
    const y = 2005 + (i % 20);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    const dates = [
      `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
      `${d}/${m}/${String(y).slice(2)}`,
      Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000),
      new Date(Date.UTC(y, m - 1, d)),
    ];
    r[C['Ngay thanh lap']] = dates[i % 4];
    r[C['Ngày cấp GCN']] = dates[(i + 1) % 4];
    const capital = (100 + (i % 900)) * 1_000_000;
    r[C['Vốn điều lệ (đồng) (*)']] = [
      capital.toLocaleString('vi-VN'),
      capital,
      String(capital).replace(/\B(?=(\d{3})+$)/g, '\u00a0'),
      `${capital}`,
    ][i % 4];
    if (i % 20 === 9) {
      // Copied from a sheet formatted #.##0,00: a decimal comma after the thousands dots, or with no grouping.
      const text = i % 40 === 9 ? `${capital.toLocaleString('vi-VN')},00` : `${capital},0`;
      r[C['Vốn điều lệ (đồng) (*)']] = text;
      manifest.decimalComma.push({ row: excelRow, code, text, capital: String(capital) });
    }
    r[C['Người\u00a0đại diện']] = `${pick(PEOPLE)}${i % 6 === 0 ? '\u00a0' : ''}`;
    r[C['Chức vụ']] =
      i % 250 === 17 ? { formula: 'B1&"x"' } : pick(['Giám đốc', 'Tổ trưởng', 'Chủ tịch HĐQT']);
    if (i % 250 === 17) manifest.warnings.push({ row: excelRow, column: 'Chức danh người đại diện' });
    r[C['Mã ngành']] = pick(['0111', 111, '0150', '4669', '1010', '0322']);
    r[C['Tình trạng']] = pick(STATUSES);
    r[C.QTDND] = pick(BOOLS);
    r[C['Ghi chú']] = i % 11 === 0 ? '=1+1 (ghi chú, không phải công thức)' : null;
    rows.push(r);
    manifest.dataRows++;
  }
  const dataStart = 6;
  const bad = (index: number, reason: string, column: string, apply: (r: unknown[]) => void) => {
    let row = dataStart;
    let seen = 0;
    for (; row <= rows.length; row++) {
      if ((rows[row - 1] as unknown[]).every((v) => v === null || (typeof v === 'string' && !v.trim())))
        continue;
      if (seen++ === index) break;
    }
    apply(rows[row - 1] as unknown[]);
    manifest.invalid.push({ row, reason, column });
  };
  // Each break: reason, the template column the error belongs to, the cells it sets (by file header).
  const BREAKS: [string, string, (k: number) => Record<string, unknown>][] = [
    ['bad_code', 'Mã số HTX/THT', (k) => ({ MST: `4912A${k}0001` })],
    ['short_code', 'Mã số HTX/THT', (k) => ({ MST: `49${k}123` })],
    ['unknown_commune_code', 'Mã xã', () => ({ 'Mã xã/phường': '99999', 'Xã, phường': null })],
    [
      'unknown_commune_name',
      'Xã/phường/đặc khu',
      (k) => ({ 'Mã xã/phường': null, 'Xã, phường': `Xã Không Có Thật ${k}` }),
    ],
    ['outside_scope', 'Mã xã', () => ({ 'Mã xã/phường': outside.code, 'Xã, phường': null, Tỉnh: null })],
    ['bad_date', 'Ngày thành lập', () => ({ 'Ngay thanh lap': '31/02/2020' })],
    ['negative_capital', 'Vốn điều lệ (đồng)', () => ({ 'Vốn điều lệ (đồng) (*)': '-5.000.000' })],
    [
      'fractional_capital',
      'Vốn điều lệ (đồng)',
      (k) => ({ 'Vốn điều lệ (đồng) (*)': k % 2 ? '1.234,5' : '1.234.567,5' }),
    ],
    ['missing_name', 'Tên tổ chức', () => ({ 'ten hop tac xa': '   ' })],
    ['bad_kind', 'Loại hình', () => ({ 'LOẠI HÌNH': 'Công ty TNHH' })],
    ['bad_boolean', 'Quỹ tín dụng nhân dân', () => ({ QTDND: 'Có thể' })],
    [
      'status_not_for_kind',
      'Tình trạng pháp lý',
      () => ({ 'LOẠI HÌNH': 'THT', 'Tình trạng': 'Đã giải thể, phá sản, chấm dứt tồn tại' }),
    ],
    ['cell_error', 'Vốn điều lệ (đồng)', () => ({ 'Vốn điều lệ (đồng) (*)': { error: '#N/A' } })],
    ['bad_vsic', 'Mã ngành kinh tế (VSIC cấp 4)', () => ({ 'Mã ngành': '0000' })],
  ];
  for (let k = 0; k < 6; k++) {
    const at = (n: number) => 40 + k * 330 + n * 23;
    for (const [n, [reason, column, cells]] of BREAKS.entries()) {
      bad(at(n), reason, column, (r) => {
        for (const [h, v] of Object.entries(cells(k))) r[C[h]] = v;
      });
    }
    // Two rows sharing one code: both are invalid (which one is right cannot be told).
    const first = at(BREAKS.length);
    bad(first, 'duplicate_code', 'Mã số HTX/THT', () => {});
    bad(first + 5, 'duplicate_code', 'Mã số HTX/THT', (r) => {
      r[C.MST] = codes[first];
    });
  }
  manifest.invalid.sort((a, b) => a.row - b.row);
  return { rows, manifest };
}

/** Writes the fixture workbook and its manifest. */
export async function writeMessyFixture(): Promise<MessyManifest> {
  const { rows, manifest } = buildMessyFixture();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HopTac fixture';
  wb.created = wb.modified = new Date(Date.UTC(2025, 6, 1));
  const ws = wb.addWorksheet('DS HTX 2025');
  for (const r of rows) {
    const row = ws.addRow(r);
    r.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  ws.mergeCells('A1:R1');
  ws.mergeCells('A2:R2');
  mkdirSync(dirname(FIXTURE_PATH), { recursive: true });
  writeFileSync(FIXTURE_PATH, Buffer.from(await wb.xlsx.writeBuffer()));
  writeFileSync(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const m = await writeMessyFixture();
  console.log(
    `Đã ghi ${FIXTURE_PATH}: ${m.dataRows} dòng dữ liệu, ${m.invalid.length} dòng lỗi, ${m.emptyRows} dòng trống.`,
  );
}
