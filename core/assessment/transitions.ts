/**
 * The yearly assessment's workflow as a table: the cooperative submits its self-assessment (approved by its board and
 * supervisory board, TT 01/2020 Art. 8), the commune accepts or returns it, the province confirms and publishes it
 * to the cooperative; a province admin may reopen a confirmed one. Anything not in the table is illegal.
 */
import type { Permission } from '../permissions.js';
import type { AssessmentStatus } from './types.js';

export const ASSESSMENT_ACTIONS = ['submit', 'accept', 'return', 'confirm', 'publish', 'reopen'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** from → action → to. */
export const ASSESSMENT_TRANSITIONS: Readonly<
  Record<AssessmentStatus, Readonly<Partial<Record<AssessmentAction, AssessmentStatus>>>>
> = {
  draft: { submit: 'self_submitted' },
  returned: { submit: 'self_submitted' },
  self_submitted: { accept: 'commune_reviewed', return: 'returned' },
  commune_reviewed: { confirm: 'confirmed', return: 'returned' },
  confirmed: { publish: 'published', reopen: 'commune_reviewed' },
  published: { reopen: 'commune_reviewed' },
};

/** The permission each action needs (the route checks it; the table keeps web and server in step). */
export const ACTION_PERMISSION: Readonly<Record<AssessmentAction, Permission>> = {
  submit: 'assessment.self',
  accept: 'assessment.review',
  return: 'assessment.review',
  confirm: 'assessment.confirm',
  publish: 'assessment.confirm',
  reopen: 'assessment.manage',
};

/** Vietnamese verbs for messages. */
export const ACTION_LABELS: Readonly<Record<AssessmentAction, string>> = {
  submit: 'nộp',
  accept: 'chấp nhận',
  return: 'trả lại',
  confirm: 'xác nhận',
  publish: 'công bố',
  reopen: 'mở lại',
};

/** The status an action leads to, or null when illegal. */
export function nextAssessmentStatus(
  from: AssessmentStatus,
  action: AssessmentAction,
): AssessmentStatus | null {
  return ASSESSMENT_TRANSITIONS[from]?.[action] ?? null;
}

/** Actions allowed from a status, whoever asks. */
export function allowedAssessmentActions(from: AssessmentStatus): AssessmentAction[] {
  return ASSESSMENT_ACTIONS.filter((a) => nextAssessmentStatus(from, a) !== null);
}

/** The cooperative edits its scores only while it holds the assessment. */
export function isSelfEditable(status: AssessmentStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/** A band may exist only once the province has confirmed (or the result was imported). */
export function bandVisible(status: AssessmentStatus, imported: boolean): boolean {
  return imported || status === 'confirmed' || status === 'published';
}
