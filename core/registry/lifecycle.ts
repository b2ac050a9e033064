import {
  ENDED_STATUSES,
  type EventKind,
  LEGAL_STATUSES,
  type LegalStatus,
  type OrganisationKind,
} from './enums.js';

/** What a lifecycle event needs to know about the organisation now. */
export interface LifecycleState {
  kind: OrganisationKind;
  legalStatus: LegalStatus;
  hasFoundedEvent: boolean;
}

/** The organisation after an allowed event, or why the event is refused. */
export type LifecycleOutcome =
  | { ok: true; kind: OrganisationKind; legalStatus: LegalStatus; ends: boolean }
  | { ok: false; code: 'organisation.ended' | 'organisation.event_not_allowed'; message: string };

/** True when the status means the organisation no longer exists (NĐ 92/2024 Art. 27–28). */
export function isEnded(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

/** True when the legal status exists for that kind (THT and HTX/LHHTX have different lists, NĐ 92/2024 Art. 27–28). */
export function statusAllowedFor(kind: OrganisationKind, status: string): boolean {
  return LEGAL_STATUSES.some((s) => s.value === status && (s.kinds as readonly string[]).includes(kind));
}

const refuse = (message: string): LifecycleOutcome => ({
  ok: false,
  code: 'organisation.event_not_allowed',
  message,
});

/**
 * The state rules of lifecycle events. Nothing happens to an ended organisation. 'converted' turns a THT
 * into an HTX keeping its code (NĐ 92/2024 Art. 14); 'dissolved' and 'merged' (absorbed into another) end it
 * with the end status of its kind; 'suspended'/'resumed' switch between operating and suspended (Luật HTX
 * 2023 Art. 96); 'split' (a part separated off) and 'moved' leave the status as it is.
 */
export function applyLifecycleEvent(state: LifecycleState, event: EventKind): LifecycleOutcome {
  const { kind, legalStatus } = state;
  if (isEnded(legalStatus)) {
    return {
      ok: false,
      code: 'organisation.ended',
      message: 'Tổ chức đã giải thể/chấm dứt hoạt động; không ghi nhận thêm sự kiện.',
    };
  }
  const same = { ok: true as const, kind, legalStatus, ends: false };
  switch (event) {
    case 'founded':
      return state.hasFoundedEvent ? refuse('Tổ chức đã có sự kiện thành lập.') : same;
    case 'converted':
      if (kind !== 'THT')
        return refuse('Chỉ tổ hợp tác mới chuyển đổi thành hợp tác xã (NĐ 92/2024, Điều 14).');
      if (!statusAllowedFor('HTX', legalStatus))
        return refuse('Tổ hợp tác đang làm thủ tục chấm dứt hoạt động không thể chuyển đổi.');
      return { ok: true, kind: 'HTX', legalStatus, ends: false };
    case 'suspended':
      if (legalStatus === 'suspended') return refuse('Tổ chức đang tạm ngừng kinh doanh.');
      if (legalStatus !== 'active' && legalStatus !== 'not_at_address') {
        return refuse('Chỉ tổ chức đang hoạt động mới có thể tạm ngừng kinh doanh.');
      }
      return { ...same, legalStatus: 'suspended' };
    case 'resumed':
      if (legalStatus !== 'suspended')
        return refuse('Chỉ tổ chức đang tạm ngừng mới có thể hoạt động trở lại.');
      return { ...same, legalStatus: 'active' };
    case 'dissolved':
    case 'merged':
      return { ok: true, kind, legalStatus: kind === 'THT' ? 'terminated' : 'dissolved', ends: true };
    case 'split':
    case 'moved':
      return same;
  }
}
