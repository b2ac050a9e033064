import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.js';
import { safeCell } from '../registry-io/excel-safe.js';
import { getPlanPage } from './plan-page.js';

/** A plan's progress as rows: the header lines and one row per target (exports share it). */
export async function planProgress(ctx: Ctx, id: number, q: PageQuery) {
  const page = await getPlanPage(ctx, id, q);
  const p = page.plan;
  const u = page.unit;
  const header = [
    `${p.issuer}`,
    `${p.kindLabel}${p.number ? ` số ${p.number}` : ''}${p.issuedOn ? ` ngày ${vnDate(p.issuedOn)}` : ''}`,
    p.title,
    `Địa bàn: ${page.territory.label}${u ? ` · Đơn vị: ${u.label}` : ''} · Thời kỳ ${p.startYear}–${p.endYear}${p.signer ? ` · Người ký: ${p.signer}` : ''}`,
    `Tình hình thực hiện tính đến ngày ${vnDate(page.date)}`,
  ];
  const columns = [
    'Mã',
    'Chỉ tiêu (nguyên văn)',
    'Mục tiêu',
    'Năm',
    'Thực hiện',
    'Số liệu năm',
    'Trạng thái',
    'Dự báo cuối kỳ',
    'Ghi chú',
  ];
  // For a unit: its allocation's figure, or none (the plan's figure is for the whole territory).
  const figure = (t: (typeof page.targets)[number]) =>
    t.unitView === null
      ? t.figureText
      : t.unitView.mode === 'allocation'
        ? `${t.unitView.figureText} (phân bổ ${t.unitView.code}${t.unitView.part})`
        : `${t.unitView.note} (toàn địa bàn: ${t.figureText})`;
  const rows = page.targets.map((t) => [
    `${t.code}${t.part ? ` (${t.part})` : ''}`,
    t.wording,
    figure(t),
    t.recurring ? `hằng năm (${t.evaluation.year})` : String(t.targetYear),
    t.evaluation.actual === null ? '—' : `${fmt(t.evaluation.actual)} ${t.indicatorUnit ?? t.unit}`,
    t.evaluation.figuresYear === null ? '' : String(t.evaluation.figuresYear),
    t.evaluation.statusLabel,
    t.evaluation.projected === null ? '' : fmt(t.evaluation.projected),
    [t.note, t.evaluation.approximate ? 'Số liệu gần đúng (địa bàn cũ)' : null].filter(Boolean).join('; '),
  ]);
  const notes = [page.territory.explanation, u?.explanation].filter((n): n is string => !!n);
  return { page, header, columns, rows, notes };
}

type PageQuery = { date?: string; unitId?: number };
const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const fmt = (x: number) => nf.format(x);
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const fileBase = (p: { number: string | null; id: number }) =>
  `tien-do-ke-hoach-${(p.number ?? String(p.id)).replace(/[^0-9A-Za-z-]+/g, '-')}`;

/** The progress of a plan as an .xlsx workbook (text cells neutralised against formula injection). */
export async function exportPlanXlsx(ctx: Ctx, id: number, q: PageQuery) {
  const { page, header, columns, rows, notes } = await planProgress(ctx, id, q);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tiến độ');
  for (const line of header) ws.addRow([safeCell(line)]).font = { bold: true };
  ws.addRow([]);
  const h = ws.addRow(columns);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => safeCell(v)));
  for (const n of notes) ws.addRow([safeCell(n)]);
  [12, 60, 28, 14, 18, 12, 20, 14, 30].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, fileName: `${fileBase(page.plan)}.xlsx` };
}

interface PdfMake {
  setFonts(f: unknown): void;
  setUrlAccessPolicy(f: (url: string) => boolean): void;
  setLocalAccessPolicy(f: (path: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}
let printer: PdfMake | null = null;
function pdfmake(): PdfMake {
  if (printer) return printer;
  const require = createRequire(import.meta.url);
  const p = require('pdfmake') as PdfMake;
  // Roboto ships with pdfmake and covers Vietnamese; no remote or other local file may be read.
  const dir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  p.setFonts({
    Roboto: {
      normal: join(dir, 'Roboto-Regular.ttf'),
      bold: join(dir, 'Roboto-Medium.ttf'),
      italics: join(dir, 'Roboto-Italic.ttf'),
      bolditalics: join(dir, 'Roboto-MediumItalic.ttf'),
    },
  });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((path) => path.startsWith(dir));
  printer = p;
  return p;
}

/** The progress of a plan as a PDF report with the plan's header. */
export async function exportPlanPdf(ctx: Ctx, id: number, q: PageQuery) {
  const { page, header, columns, rows, notes } = await planProgress(ctx, id, q);
  const doc = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 30],
    info: { title: `Tiến độ ${page.plan.kindLabel} ${page.plan.number ?? ''}`.trim() },
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    content: [
      { text: header[0].toUpperCase(), bold: true, fontSize: 10 },
      { text: header[1], margin: [0, 2, 0, 6] },
      { text: 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU', bold: true, fontSize: 13, alignment: 'center' },
      { text: header[2], bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
      { text: `${header[3]}\n${header[4]}`, alignment: 'center', margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: [40, '*', 80, 40, 60, 35, 55, 45, 80],
          body: [columns.map((c) => ({ text: c, bold: true })), ...rows],
        },
      },
      ...notes.map((n) => ({ text: n, italics: true, margin: [0, 6, 0, 0] })),
    ],
  };
  const bytes = await pdfmake().createPdf(doc).getBuffer();
  return { bytes: Buffer.from(bytes), fileName: `${fileBase(page.plan)}.pdf` };
}
