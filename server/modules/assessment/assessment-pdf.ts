/**
 * The printable assessment form in the layout of TT 01/2020/TT-BKHĐT Phụ lục 2 "Bảng đánh giá hợp tác xã năm …":
 * header fields and the classifications as tick boxes, the table "Số TT | Tiêu chí đánh giá | Thang điểm tối đa |
 * Điểm HTX tự chấm | Ghi chú", totals and band, the signature block of the board and the supervisory board.
 * Tick boxes are drawn as bordered cells with "×" (Roboto has no ☐/☑ glyphs).
 */

import {
  BAND_LABELS,
  SCALE_LABELS,
  type ScaleClass,
  SERVICE_TYPE_LABELS,
} from '../../../core/assessment/labels.js';
import { bandForTotal } from '../../../core/assessment/score.js';
import { formatDate, formatNumber } from '../../../core/format.js';
import { FIELDS, labelOf } from '../../../core/registry/enums.js';
import type { Ctx } from '../../context.js';
import { getAssessment } from './get-assessment.js';
import { PDF_FONT, renderPdf } from './pdf-engine.js';

type View = Awaited<ReturnType<typeof getAssessment>>['assessment'];

const box = (ticked: boolean) => ({
  width: 9,
  table: {
    widths: [6],
    heights: [6],
    body: [
      [
        {
          text: ticked ? '×' : ' ',
          fontSize: 7,
          bold: true,
          alignment: 'center',
          margin: [0, -1.5, 0, -1.5],
        },
      ],
    ],
  },
  layout: {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    paddingLeft: () => 0,
    paddingRight: () => 0,
    paddingTop: () => 0,
    paddingBottom: () => 0,
  },
});

function ticks(label: string, options: [string, string][], value: string | null, undetermined = false) {
  const cols: object[] = [{ width: 205, text: `${label}:` }];
  for (const [key, text] of options)
    cols.push(box(key === value), { width: 'auto', text, margin: [2, 0, 10, 0] });
  if (undetermined || value === null)
    cols.push({
      width: '*',
      text: undetermined ? '(chưa xác định)' : '(chưa có số liệu)',
      italics: true,
      color: '#555',
    });
  return { columns: cols, margin: [0, 2, 0, 2] };
}

const SCALES: [string, string][] = (['micro', 'small', 'medium', 'large'] as ScaleClass[]).map((k) => [
  k,
  SCALE_LABELS[k],
]);
const pts = (x: number | null) => (x === null ? '' : formatNumber(x));

function tableBody(v: View) {
  const subtotal = new Map<string, number>();
  for (const i of [...v.items].reverse()) {
    if (i.isLeaf) subtotal.set(i.code, i.selfScore ?? 0);
    if (i.parentCode)
      subtotal.set(i.parentCode, (subtotal.get(i.parentCode) ?? 0) + (subtotal.get(i.code) ?? 0));
  }
  const head = ['Số TT', 'Tiêu chí đánh giá', 'Thang điểm tối đa', 'Điểm HTX tự chấm', 'Ghi chú'].map(
    (t) => ({ text: t, bold: true, alignment: 'center' }),
  );
  const rows = v.items.map((i) => {
    const strong = i.level === 'group' || (i.level === 'criterion' && !i.isLeaf);
    const self = i.isLeaf ? i.selfScore : Math.round((subtotal.get(i.code) ?? 0) * 100) / 100;
    return [
      { text: i.code, bold: strong, alignment: 'center' },
      { text: i.label, bold: strong, margin: [i.depth * 8, 0, 0, 0] },
      {
        text: i.maxPoints === null ? (i.needsAppendixText ?? '') : pts(i.maxPoints),
        alignment: 'center',
        italics: i.maxPoints === null,
        fontSize: i.maxPoints === null ? 7 : 9,
      },
      { text: pts(self), alignment: 'center', bold: strong },
      { text: i.selfNote ?? '', fontSize: 8 },
    ];
  });
  const total = [
    '',
    { text: 'Tổng cộng', bold: true },
    { text: pts(v.rubric.maxTotal), alignment: 'center', bold: true },
    { text: pts(v.selfTotal), alignment: 'center', bold: true },
    '',
  ];
  return [head, ...rows, total];
}

function resultLines(v: View) {
  if (v.notClassifiedLabel) return [{ text: `Không xếp loại: ${v.notClassifiedLabel}.`, bold: true }];
  const out: object[] = [];
  if (v.selfTotal !== null && v.issues.length === 0) {
    out.push({
      text: [
        { text: 'Tự xếp loại theo điểm tự chấm: ' },
        { text: `HTX ${BAND_LABELS[bandForTotal(v.selfTotal, v.rubric.bands)]}`, bold: true },
      ],
    });
  }
  if (v.band && v.finalTotal !== null) {
    out.push({
      text: [
        { text: `Kết quả được xác nhận: ${pts(v.finalTotal)} điểm, xếp loại ` },
        { text: `HTX ${BAND_LABELS[v.band]}`, bold: true },
        v.overrideApplied === 'sanctioned' ? { text: ' (bị xử phạt vi phạm hành chính trong năm)' } : '',
      ],
    });
  }
  return out;
}

function signature(title: string, who: { name: string | null; approvedOn: string | null }, hint: string) {
  return {
    width: '*',
    alignment: 'center',
    stack: [
      { text: title, bold: true },
      { text: hint, italics: true, fontSize: 8 },
      { text: who.approvedOn ? `Thông qua ngày ${formatDate(who.approvedOn)}` : ' ', margin: [0, 4, 0, 30] },
      { text: who.name ?? '', bold: true },
    ],
  };
}

/** The document definition of an assessment (exported for tests of the layout). */
export function assessmentDocument(v: View) {
  const c = v.classification;
  const o = v.organisation;
  return {
    pageSize: 'A4',
    pageMargins: [40, 36, 36, 40],
    defaultStyle: { font: PDF_FONT, fontSize: 9 },
    info: { title: `Bảng đánh giá hợp tác xã năm ${v.year} — ${o.name}`, creator: 'HopTac' },
    content: [
      { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, alignment: 'center' },
      { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: `BẢNG ĐÁNH GIÁ HỢP TÁC XÃ NĂM ${v.year}`, bold: true, fontSize: 13, alignment: 'center' },
      { text: `(${v.rubric.name})`, italics: true, alignment: 'center', margin: [0, 0, 0, 10] },
      { text: `Tên hợp tác xã: ${o.name}` },
      { text: `Địa chỉ: ${[o.address, o.communeName, o.provinceName].filter(Boolean).join(', ')}` },
      { columns: [{ text: `Điện thoại: ${o.phone ?? ''}` }, { text: `Email: ${o.email ?? ''}` }] },
      { text: `Số giấy chứng nhận đăng ký: ${o.regCode}`, margin: [0, 0, 0, 4] },
      { text: `Phân loại theo ngành nghề: ${labelOf(FIELDS, o.field) || 'chưa xác định'}` },
      ticks('Sản phẩm, dịch vụ cung ứng cho thành viên', Object.entries(SERVICE_TYPE_LABELS), c.serviceType),
      ticks('Phân loại theo quy mô thành viên', SCALES, c.memberScale),
      ticks(
        'Phân loại theo quy mô tổng nguồn vốn',
        SCALES,
        c.capitalScale,
        c.capitalScale === 'undetermined',
      ),
      ticks('Quy mô theo NĐ 113/2024/NĐ-CP', SCALES, c.sizeClass, c.sizeClass === 'undetermined'),
      { table: { headerRows: 1, widths: [30, '*', 58, 58, 90], body: tableBody(v) }, margin: [0, 8, 0, 6] },
      ...resultLines(v),
      { text: '……, ngày …… tháng …… năm ……', alignment: 'right', italics: true, margin: [0, 12, 0, 4] },
      {
        columns: [
          signature('BAN KIỂM SOÁT / KIỂM SOÁT VIÊN', v.supervisor, '(Ký, ghi rõ họ tên)'),
          signature('TM. HỘI ĐỒNG QUẢN TRỊ', v.board, '(Ký, ghi rõ họ tên, đóng dấu)'),
        ],
      },
    ],
  };
}

/** The PDF of an organisation's assessment of a year, with its file name. */
export async function assessmentPdf(ctx: Ctx, organisationId: number, year: number) {
  const { assessment } = await getAssessment(ctx, organisationId, year);
  const bytes = await renderPdf(assessmentDocument(assessment));
  return { bytes, fileName: `Bang-danh-gia-HTX-${year}-${assessment.organisation.regCode}.pdf` };
}
