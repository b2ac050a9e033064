import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hasPermission } from '../permissions.js';
import {
  ACTION_PERMISSION,
  ASSESSMENT_ACTIONS,
  type AssessmentAction,
  allowedAssessmentActions,
  bandVisible,
  isSelfEditable,
  nextAssessmentStatus,
} from './transitions.js';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from './types.js';

describe('nextAssessmentStatus', () => {
  it('walks the happy path draft → self_submitted → commune_reviewed → confirmed → published', () => {
    const path: [AssessmentAction, AssessmentStatus][] = [
      ['submit', 'self_submitted'],
      ['accept', 'commune_reviewed'],
      ['confirm', 'confirmed'],
      ['publish', 'published'],
    ];
    let s: AssessmentStatus = 'draft';
    for (const [a, to] of path) {
      s = nextAssessmentStatus(s, a)!;
      expect(s).toBe(to);
    }
  });

  it('lets the commune or the province return, and the cooperative submit again', () => {
    expect(nextAssessmentStatus('self_submitted', 'return')).toBe('returned');
    expect(nextAssessmentStatus('commune_reviewed', 'return')).toBe('returned');
    expect(nextAssessmentStatus('returned', 'submit')).toBe('self_submitted');
  });

  it.each([
    ['draft', 'accept'],
    ['draft', 'confirm'],
    ['draft', 'publish'],
    ['self_submitted', 'confirm'],
    ['self_submitted', 'submit'],
    ['commune_reviewed', 'publish'],
    ['confirmed', 'submit'],
    ['confirmed', 'return'],
    ['published', 'publish'],
    ['returned', 'accept'],
  ] as [AssessmentStatus, AssessmentAction][])('refuses %s --%s-->', (from, action) => {
    expect(nextAssessmentStatus(from, action)).toBeNull();
  });

  it('reopens a confirmed or published assessment to the province review step only', () => {
    expect(allowedAssessmentActions('published')).toEqual(['reopen']);
    expect(nextAssessmentStatus('confirmed', 'reopen')).toBe('commune_reviewed');
  });

  it('keeps scores editable by the cooperative only in draft and returned', () => {
    expect(ASSESSMENT_STATUSES.filter(isSelfEditable)).toEqual(['draft', 'returned']);
  });

  it('shows a band only once confirmed, or for an imported result', () => {
    expect(ASSESSMENT_STATUSES.filter((s) => bandVisible(s, false))).toEqual(['confirmed', 'published']);
    expect(bandVisible('draft', true)).toBe(true);
  });

  it('gives each action to the intended roles: the cooperative submits, the commune reviews, the province confirms', () => {
    const who = (a: AssessmentAction) =>
      (['coop_user', 'commune_officer', 'province_officer', 'province_admin', 'national'] as const).filter(
        (r) => hasPermission(r, ACTION_PERMISSION[a]),
      );
    expect(who('submit')).toEqual(['coop_user', 'province_admin', 'national']);
    expect(who('accept')).toEqual(['commune_officer', 'province_officer', 'province_admin', 'national']);
    expect(who('confirm')).toEqual(['province_officer', 'province_admin', 'national']);
    expect(who('reopen')).toEqual(['province_admin', 'national']);
  });
});

describe('the transition table as a state machine', () => {
  test.prop([fc.array(fc.constantFrom(...ASSESSMENT_ACTIONS), { maxLength: 40 })])(
    'any sequence of actions stays within the statuses, and published is reached only through confirmed',
    (actions) => {
      let s: AssessmentStatus = 'draft';
      for (const a of actions) {
        const next = nextAssessmentStatus(s, a);
        if (next === null) continue;
        expect(ASSESSMENT_STATUSES).toContain(next);
        if (next === 'published') expect(s).toBe('confirmed');
        if (next === 'confirmed') expect(s).toBe('commune_reviewed');
        if (next === 'commune_reviewed' && a !== 'reopen') expect(s).toBe('self_submitted');
        s = next;
      }
    },
  );

  it('every status is reachable from draft and can reach published', () => {
    const reach = (from: AssessmentStatus) => {
      const seen = new Set<AssessmentStatus>([from]);
      const queue = [from];
      while (queue.length) {
        const s = queue.shift()!;
        for (const a of allowedAssessmentActions(s)) {
          const t = nextAssessmentStatus(s, a)!;
          if (!seen.has(t)) {
            seen.add(t);
            queue.push(t);
          }
        }
      }
      return seen;
    };
    expect([...reach('draft')].sort()).toEqual([...ASSESSMENT_STATUSES].sort());
    for (const s of ASSESSMENT_STATUSES) expect(reach(s).has('published'), s).toBe(true);
  });
});
