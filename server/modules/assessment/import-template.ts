/** The Excel template of the past-results import for a rubric: fixed columns, one column per scored item, instructions. */
import { scoredItems } from '../../../core/assessment/score.js';
import type { Ctx } from '../../context.js';
import { buildWorkbook } from '../registry-io/xlsx-build.js';
import { importColumns } from './import-columns.js';
import { loadRubric } from './load-rubric.js';
import { findRubricVersionByCode } from './rubric.repo.js';

/** The template workbook and its file name. */
export async function importTemplate(ctx: Ctx, q: { rubricVersionId?: number }) {
  const id = q.rubricVersionId ?? (await findRubricVersionByCode(ctx.db, 'TT01-2020'))!.id;
  const { def } = await loadRubric(ctx.db, id);
  const leaves = scoredItems(def);
  const columns = importColumns(leaves.map((l) => l.item.code));
  const bytes = await buildWorkbook([
    {
      name: 'Kết quả đánh giá',
      preamble: [
        `Nhập kết quả đánh giá, xếp loại HTX các năm trước — bộ tiêu chí ${def.code} (${def.legal.documentNumber})`,
      ],
      columns: columns.map((c) => ({
        header: c.header,
        width: c.width,
        numFmt: c.key === 'regCode' ? '@' : undefined,
      })),
      rows: [],
    },
    {
      name: 'Hướng dẫn',
      columns: [
        { header: 'Cột', width: 24 },
        { header: 'Cách ghi', width: 90 },
      ],
      rows: [
        ...columns.filter((c) => !c.key.startsWith('score:')).map((c) => [c.header, c.note]),
        ...leaves.map((l) => [
          `Tiêu chí ${l.item.code}`,
          `${l.item.label} — tối đa ${String(l.max).replace('.', ',')} điểm${l.item.needsAppendix ? ' (cần bổ sung theo Phụ lục; giới hạn theo nhóm)' : ''}`,
        ]),
        [
          'Ghi chú',
          'Mỗi dòng một HTX và một năm; tải lên mục đính kèm rồi chạy thử trước khi ghi. Dòng trùng mã số và năm với phiếu đang trong quy trình sẽ bị từ chối.',
        ],
      ],
    },
  ]);
  return { bytes, fileName: `Mau-nhap-ket-qua-danh-gia-${def.code}.xlsx` };
}
