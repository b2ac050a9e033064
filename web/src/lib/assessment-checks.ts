/**
 * What blocks submitting a self-assessment and which fields the form outlines in red: a wrong value (over its
 * maximum, negative, half a survey) at once; an empty score or approval only once the user asked why Submit is
 * disabled or the server refused. Also the body of each workflow step.
 */
import type { ScoreTotal } from '../../../core/assessment/score';
import type { Issue } from '../../../core/assessment/types';
import type { AssessmentStep } from '../api/assessments';
import type { StepAction, StepInput } from '../components/assessment-actions';
import type { ApprovalsDraft } from '../components/assessment-approvals';
import { givenScores, type ScoreDrafts } from './assessment-form';

/** A reason submission is blocked; `empty` when it is something not filled in yet rather than a wrong value. */
export interface FormProblem {
  path: string;
  message: string;
  empty?: boolean;
}

/** Every reason, in the order the form shows them (server rules of core/assessment/score.ts, then approvals). */
export function blockingReasons(
  live: ScoreTotal,
  approvals: ApprovalsDraft,
  surveyHalf: boolean,
  messages: { board: string; supervisor: string; survey: string; issue: (i: Issue) => string },
): FormProblem[] {
  return [
    ...live.issues.map((i) => ({
      path: i.itemCode ?? i.path,
      message: messages.issue(i),
      empty: i.code === 'missing',
    })),
    ...(approvals.boardName.trim() && approvals.boardOn
      ? []
      : [{ path: 'board', message: messages.board, empty: true }]),
    ...(approvals.supervisorName.trim() && approvals.supervisorOn
      ? []
      : [{ path: 'supervisor', message: messages.supervisor, empty: true }]),
    ...(surveyHalf ? [{ path: 'survey', message: messages.survey }] : []),
  ];
}

/** The message shown on each field (item code, 'board', 'supervisor', 'survey'): the server's first, then ours. */
export function fieldProblems(
  blocking: FormProblem[],
  server: { path: string; message: string }[],
  attempted: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of [...server, ...blocking.filter((b) => attempted || !b.empty)])
    out[p.path.replace(/^scores\./, '')] ??= p.message;
  return out;
}

/** The API body of a workflow step from what the page collected. */
export function stepBody(
  action: StepAction,
  input: StepInput,
  comments: Record<string, string>,
  officer: ScoreDrafts,
): AssessmentStep {
  const comment = input.comment || undefined;
  if (action === 'return') {
    const items = Object.entries(comments)
      .filter(([, c]) => c.trim())
      .map(([code, c]) => ({ code, comment: c.trim() }));
    return { action, comment: input.comment ?? '', items };
  }
  if (action === 'accept') return { action, comment, officerScores: givenScores(officer) };
  if (action === 'confirm')
    return {
      action,
      comment,
      officerScores: givenScores(officer),
      ...(input.sanctioned ? { sanctioned: true } : {}),
    };
  if (action === 'reopen') return { action, comment: input.comment ?? '' };
  return { action, comment };
}
