import type { Ctx } from '../../context.js';
import type { ImportKind } from './columns.js';
import { buildKindWorkbook, KIND_LAYOUT } from './kind-workbook.js';

/**
 * The empty import template of a kind, generated from the current catalogue (headers, dropdowns, the
 * instructions sheet, the caller's communes), so it never drifts from what the import accepts.
 */
export async function getTemplate(ctx: Ctx, kind: ImportKind): Promise<{ bytes: Buffer; fileName: string }> {
  return {
    bytes: await buildKindWorkbook(ctx, kind, []),
    fileName: `mau-nhap-${KIND_LAYOUT[kind].file}.xlsx`,
  };
}
