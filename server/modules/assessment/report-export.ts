/** Excel export of a unit's assessment report: the summary by band and reason, the movement matrix, the list. */
import { BAND_LABELS } from '../../../core/assessment/labels.js';
import type { Band } from '../../../core/assessment/types.js';
import type { Ctx } from '../../context.js';
import { buildWorkbook } from '../registry-io/xlsx-build.js';
import { unitReport } from './unit-report.js';

const moveLabel = (k: string) => (k === 'none' ? 'Chưa xếp loại' : BAND_LABELS[k as Band]);

/** The workbook and its file name (the unit name and year, without characters file systems refuse). */
export async function exportUnitReport(ctx: Ctx, q: { unitId: number; year: number }) {
  const r = await unitReport(ctx, q);
  const bytes = await buildWorkbook([
    {
      name: 'Tổng hợp',
      preamble: [
        `Kết quả đánh giá, xếp loại hợp tác xã năm ${r.year} — ${r.unit.name}`,
        r.approximate
          ? 'Lưu ý: địa bàn trước 1/7/2025 được đối chiếu gần đúng qua sắp xếp đơn vị hành chính.'
          : '',
      ],
      columns: [
        { header: 'Nội dung', width: 60 },
        { header: 'Số HTX', width: 12, numFmt: '#,##0' },
        { header: 'Tỷ lệ (%)', width: 12, numFmt: '0.0' },
      ],
      rows: [
        ['Tổng số HTX có phiếu đánh giá', r.assessed, null],
        ['Số HTX được xếp loại', r.classified, null],
        ...r.bands.map((b) => [`Loại ${b.label}`, b.count, b.sharePct]),
        ['Tỷ lệ xếp loại Tốt và Khá', r.bands[0].count + r.bands[1].count, r.shareGoodOrFairPct],
        ['Không xếp loại', r.notClassifiedTotal, null],
        ...r.notClassified.map((n) => [`— ${n.label}`, n.count, null]),
        ['Đang trong quy trình đánh giá', r.inProgress, null],
      ],
    },
    {
      name: 'Chuyển hạng',
      preamble: [`Chuyển hạng từ năm ${r.year - 1} (dòng) sang năm ${r.year} (cột)`],
      columns: [
        { header: `Năm ${r.year - 1} \\ Năm ${r.year}`, width: 26 },
        ...r.movement.keys.map((k) => ({ header: moveLabel(k), width: 16, numFmt: '#,##0' })),
      ],
      rows: r.movement.keys.map((p) => [
        moveLabel(p),
        ...r.movement.keys.map((c) => r.movement.matrix[p][c]),
      ]),
    },
    {
      name: 'Danh sách',
      columns: [
        { header: 'STT', width: 6 },
        { header: 'Mã số HTX', width: 16, numFmt: '@' },
        { header: 'Tên hợp tác xã', width: 48 },
        { header: 'Xã, phường', width: 28 },
        { header: 'Trạng thái', width: 28 },
        { header: 'Điểm tự chấm', width: 12, numFmt: '0.00' },
        { header: 'Tổng điểm', width: 12, numFmt: '0.00' },
        { header: 'Xếp loại', width: 14 },
        { header: `Xếp loại năm ${r.year - 1}`, width: 16 },
        { header: 'Lý do không xếp loại', width: 40 },
      ],
      rows: r.list.map((x, i) => [
        i + 1,
        x.regCode,
        x.name,
        x.communeName,
        x.imported ? 'Kết quả nhập' : x.statusLabel,
        x.selfTotal,
        x.total,
        x.bandLabel,
        x.previousBand ? BAND_LABELS[x.previousBand] : null,
        x.notClassifiedLabel,
      ]),
    },
  ]);
  const safe = r.unit.name.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return { bytes, fileName: `Ket-qua-danh-gia-HTX-${r.year}-${safe}.xlsx` };
}
