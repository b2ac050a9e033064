/** Who may change a rubric version: its owner province's admins, or national users for national versions. */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { conflict, notFound } from '../../http/problem.js';
import { requireUser } from '../auth/scope.js';
import { type LoadedRubric, loadRubric } from './load-rubric.js';
import { versionsInUse } from './rubric.repo.js';

/**
 * Loads a version the caller may change, locked: 404 when owned by another province (or national and the caller is
 * not). For a change of content also 409 rubric.in_use once a campaign or a result uses it, and 409 rubric.shipped
 * for the versions shipped as law (a copy is edited instead).
 */
export async function loadRubricForChange(
  ctx: Ctx,
  trx: Kysely<DB>,
  id: number,
  content = true,
): Promise<LoadedRubric> {
  const user = requireUser(ctx);
  const loaded = await loadRubric(trx, id, true);
  if (user.scope.type !== 'nation' && loaded.row.owner_province_id !== user.scope.provinceId) {
    throw notFound('Không tìm thấy bộ tiêu chí đánh giá.');
  }
  if (!content) return loaded;
  if ((await versionsInUse(trx, [id])).has(id)) {
    throw conflict(
      'rubric.in_use',
      'Bộ tiêu chí đã được dùng cho đợt đánh giá hoặc kết quả đánh giá nên không thể sửa; hãy sao chép thành phiên bản mới.',
    );
  }
  if (loaded.row.shipped) {
    throw conflict(
      'rubric.shipped',
      'Bộ tiêu chí ban hành kèm hệ thống theo văn bản pháp luật không được sửa; hãy sao chép thành bản nháp để điều chỉnh.',
    );
  }
  return loaded;
}
