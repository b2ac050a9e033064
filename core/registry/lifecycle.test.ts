import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from './enums.js';
import { applyLifecycleEvent, type LifecycleState } from './lifecycle.js';

const htx: LifecycleState = { kind: 'HTX', legalStatus: 'active', hasFoundedEvent: true };
const tht: LifecycleState = { kind: 'THT', legalStatus: 'active', hasFoundedEvent: true };

describe('applyLifecycleEvent', () => {
  it('converts only a THT, into an HTX with the same status', () => {
    expect(applyLifecycleEvent(tht, 'converted')).toEqual({
      ok: true,
      kind: 'HTX',
      legalStatus: 'active',
      ends: false,
    });
    expect(applyLifecycleEvent({ ...tht, legalStatus: 'suspended' }, 'converted')).toMatchObject({
      ok: true,
      kind: 'HTX',
      legalStatus: 'suspended',
    });
    expect(applyLifecycleEvent(htx, 'converted')).toMatchObject({
      ok: false,
      code: 'organisation.event_not_allowed',
    });
    expect(applyLifecycleEvent({ ...htx, kind: 'LHHTX' }, 'converted')).toMatchObject({ ok: false });
    expect(applyLifecycleEvent({ ...tht, legalStatus: 'terminating' }, 'converted')).toMatchObject({
      ok: false,
    });
  });

  it('suspends an operating organisation and resumes only a suspended one', () => {
    expect(applyLifecycleEvent(htx, 'suspended')).toMatchObject({ ok: true, legalStatus: 'suspended' });
    expect(applyLifecycleEvent({ ...htx, legalStatus: 'suspended' }, 'suspended')).toMatchObject({
      ok: false,
    });
    expect(applyLifecycleEvent({ ...htx, legalStatus: 'suspended' }, 'resumed')).toMatchObject({
      ok: true,
      legalStatus: 'active',
    });
    expect(applyLifecycleEvent(htx, 'resumed')).toMatchObject({
      ok: false,
      code: 'organisation.event_not_allowed',
    });
    expect(applyLifecycleEvent({ ...htx, legalStatus: 'bankruptcy' }, 'suspended')).toMatchObject({
      ok: false,
    });
  });

  it('ends an HTX as dissolved and a THT as terminated, by dissolution or merger', () => {
    expect(applyLifecycleEvent(htx, 'dissolved')).toEqual({
      ok: true,
      kind: 'HTX',
      legalStatus: 'dissolved',
      ends: true,
    });
    expect(applyLifecycleEvent(tht, 'dissolved')).toEqual({
      ok: true,
      kind: 'THT',
      legalStatus: 'terminated',
      ends: true,
    });
    expect(applyLifecycleEvent({ ...htx, kind: 'LHHTX', legalStatus: 'suspended' }, 'merged')).toMatchObject({
      legalStatus: 'dissolved',
      ends: true,
    });
  });

  it('accepts no event at all once the organisation has ended', () => {
    for (const e of EVENT_KINDS) {
      expect(applyLifecycleEvent({ ...htx, legalStatus: 'dissolved' }, e.value)).toMatchObject({
        ok: false,
        code: 'organisation.ended',
      });
      expect(applyLifecycleEvent({ ...tht, legalStatus: 'terminated' }, e.value)).toMatchObject({
        ok: false,
        code: 'organisation.ended',
      });
    }
  });

  it('records a founding only once and leaves the status alone on split and move', () => {
    expect(applyLifecycleEvent({ ...htx, hasFoundedEvent: false }, 'founded')).toMatchObject({ ok: true });
    expect(applyLifecycleEvent(htx, 'founded')).toMatchObject({ ok: false });
    expect(applyLifecycleEvent({ ...htx, legalStatus: 'suspended' }, 'split')).toMatchObject({
      ok: true,
      legalStatus: 'suspended',
      ends: false,
    });
    expect(applyLifecycleEvent(htx, 'moved')).toEqual({
      ok: true,
      kind: 'HTX',
      legalStatus: 'active',
      ends: false,
    });
  });
});
