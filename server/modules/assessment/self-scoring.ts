/**
 * Who enters the self-scores (điểm HTX tự chấm) of an organisation: the cooperative itself through its own account.
 * An officer holding assessment.self enters them on its behalf only when the organisation is paper-only or has no
 * account of its own; otherwise the officer reads them, reviews with officer scores, or records a past result.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../http/problem.js';
import { requireUser } from '../auth/scope.js';
import { organisationHasOwnAccount } from '../user/coop-accounts.js';

/** Why the caller may (or may not) enter the self-scores. */
export type SelfScoringBasis = 'own_account' | 'paper_only' | 'no_account' | 'coop_account';

/** The basis for the caller on this organisation; only 'coop_account' refuses an officer. */
export async function selfScoringBasis(
  ctx: Ctx,
  db: Kysely<DB>,
  org: { id: number; paper_only: boolean },
): Promise<SelfScoringBasis> {
  if (requireUser(ctx).scope.type === 'organisation') return 'own_account';
  if (org.paper_only) return 'paper_only';
  return (await organisationHasOwnAccount(db, org.id)) ? 'coop_account' : 'no_account';
}

/** 409 assessment.self_by_coop when an officer would enter the self-scores of a cooperative with its own account. */
export async function assertMaySelfScore(ctx: Ctx, db: Kysely<DB>, org: { id: number; paper_only: boolean }) {
  if ((await selfScoringBasis(ctx, db, org)) === 'coop_account') {
    throw conflict(
      'assessment.self_by_coop',
      'Hợp tác xã có tài khoản riêng nên tự chấm và nộp bảng điểm; cán bộ chỉ xem điểm tự chấm, ghi điểm thẩm định hoặc ghi nhận kết quả năm cũ.',
    );
  }
}
