import { registerAttachmentOwner } from '../attachment/attachment.service.js';
import { findPlan } from './plan.repo.js';

// The original of a plan (scanned PDF, DOCX) is attached through the attachments module: owner type 'plan'.
registerAttachmentOwner('plan', async (ctx, ownerId) => {
  const plan = /^\d+$/.test(ownerId) ? await findPlan(ctx.db, Number(ownerId)) : undefined;
  if (!plan) return null;
  return { provinceId: plan.province_id, unitId: plan.unit_id };
});
