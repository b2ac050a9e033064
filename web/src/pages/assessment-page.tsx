/** /organisations/$id/assessments/$year: the yearly assessment form and its workflow (self → commune → province). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { App, Breadcrumb, Result } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { Assessment } from '../api/assessment-types';
import {
  ASSESSMENT_KEY,
  assessmentQuery,
  downloadAssessmentPdf,
  saveAssessment,
  transitionAssessment,
} from '../api/assessments';
import { ApiError, errorMessage } from '../api/client';
import { orgKey } from '../api/organisations';
import { AssessmentActions, type StepAction, type StepInput } from '../components/assessment-actions';
import { type ApprovalsDraft, AssessmentApprovals } from '../components/assessment-approvals';
import { AssessmentClassificationCard } from '../components/assessment-classification-card';
import { AssessmentItemsTable } from '../components/assessment-items-table';
import { AssessmentNotices } from '../components/assessment-notices';
import { AssessmentSummary } from '../components/assessment-summary';
import { AssessmentSurvey, type SurveyDraft } from '../components/assessment-survey';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { can, useCurrentUser } from '../current-user';
import { blockingReasons, fieldProblems, stepBody } from '../lib/assessment-checks';
import {
  changedScores,
  definitionOf,
  draftsOf,
  liveTotal,
  nodeSums,
  type ScoreDrafts,
} from '../lib/assessment-form';

const route = getRouteApi('/_app/organisations/$id/assessments/$year');

/** Loads the assessment; 404 (no campaign, out of scope) is a page of its own. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { id, year: y } = route.useParams();
  const orgId = Number(id);
  const year = Number(y);
  const valid =
    Number.isInteger(orgId) && orgId > 0 && Number.isInteger(year) && year >= 2000 && year <= 2100;
  const q = useQuery({ ...assessmentQuery(orgId, year), enabled: valid, retry: false });
  if (!valid || (q.error instanceof ApiError && q.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('assessment.form.notFound', { year })}
        subTitle={q.error instanceof ApiError ? q.error.detail : undefined}
        extra={
          <Link to="/organisations/$id" params={{ id: String(orgId) }} search={{ tab: 'assessments' }}>
            {t('assessment.form.backToOrg')}
          </Link>
        }
      />
    );
  }
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <PageSpinner />;
  return <AssessmentView key={`${orgId}-${year}-${q.data.version}-${q.data.status}`} a={q.data} />;
}

const approvalsOf = (a: Assessment): ApprovalsDraft => ({
  boardName: a.board.name ?? '',
  boardOn: a.board.approvedOn,
  supervisorName: a.supervisor.name ?? '',
  supervisorOn: a.supervisor.approvedOn,
  serviceType: a.serviceType,
});

function AssessmentView({ a }: { a: Assessment }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const orgId = a.organisation.id;
  const def = useMemo(() => definitionOf(a), [a]);
  const initialSelf = useMemo(() => draftsOf(a, 'self'), [a]);
  const [self, setSelf] = useState<ScoreDrafts>(initialSelf);
  const [officer, setOfficer] = useState<ScoreDrafts>(() => draftsOf(a, 'officer'));
  const [comments, setComments] = useState<Record<string, string>>({});
  const [approvals, setApprovals] = useState<ApprovalsDraft>(() => approvalsOf(a));
  const [survey, setSurvey] = useState<SurveyDraft>(() => ({ ...a.survey }));
  const [busy, setBusy] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<{ path: string; message: string }[]>([]);
  // Empty scores and approvals are only flagged once the user asks why Submit is disabled (or the server refused).
  const [attempted, setAttempted] = useState(false);

  // The server leaves out "submit" when an officer may not enter the self-scores (the cooperative has its own account).
  const actions = a.allowedActions as StepAction[];
  const selfMode = actions.includes('submit') && can(me, 'assessment.self');
  const mode = {
    self: selfMode,
    officer: actions.includes('accept') || actions.includes('confirm'),
    comment: actions.includes('return'),
  };
  const live = liveTotal(def, self);
  const sums = nodeSums(a, self);
  const scoreChanges = changedScores(initialSelf, self);
  const approvalsDirty = JSON.stringify(approvals) !== JSON.stringify(approvalsOf(a));
  const surveyDirty = survey.validForms !== a.survey.validForms || survey.scoreSum !== a.survey.scoreSum;
  const dirty = selfMode && (scoreChanges.length > 0 || approvalsDirty || surveyDirty);
  const surveyItems = a.items.filter((i) => i.scoringKind === 'survey_average').map((i) => i.code);
  const surveyHalf = (survey.validForms === null) !== (survey.scoreSum === null);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocking = blockingReasons(live, approvals, a.rubric.usesSurvey && surveyHalf, {
    board: t('assessment.form.boardMissing'),
    supervisor: t('assessment.form.supervisorMissing'),
    survey: t('assessment.survey.half'),
    // The rules' messages are Vietnamese (core/assessment/score.ts); other languages word the common ones.
    issue: (i) =>
      i18n.language === 'vi'
        ? i.message
        : t(`assessment.issue.${i.code}`, {
            code: i.itemCode,
            score: formatNumber(self[i.itemCode ?? '']?.score ?? 0, 2),
            max: formatNumber(a.items.find((x) => x.code === i.itemCode)?.effectiveMax ?? 0, 2),
            defaultValue: i.message,
          }),
  });
  const problems = selfMode ? fieldProblems(blocking, serverProblems, attempted) : {};

  const refresh = (next: Assessment) => {
    queryClient.setQueryData(assessmentQuery(orgId, a.year).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: [...orgKey(orgId), 'assessments'] });
    void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
  };

  const showError = (err: unknown) => {
    if (err instanceof ApiError && err.problem.errors?.length) {
      setServerProblems(err.problem.errors);
      setAttempted(true);
    }
    message.error(errorMessage(err));
  };

  const save = async (quiet = false): Promise<Assessment | null> => {
    const approval = (name: string, on: string | null) =>
      name.trim() && on ? { name: name.trim(), approvedOn: on } : null;
    setBusy('save');
    try {
      const next = await saveAssessment(orgId, a.year, {
        scores: scoreChanges,
        board: approval(approvals.boardName, approvals.boardOn),
        supervisor: approval(approvals.supervisorName, approvals.supervisorOn),
        serviceType: approvals.serviceType,
        ...(surveyDirty && !surveyHalf
          ? {
              survey:
                survey.validForms === null || survey.scoreSum === null
                  ? null
                  : { validForms: survey.validForms, scoreSum: survey.scoreSum },
            }
          : {}),
        version: a.id ? a.version : undefined,
      });
      setServerProblems([]);
      if (!quiet) message.success(t('assessment.form.saved'));
      refresh(next);
      return next;
    } catch (err) {
      showError(err);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const step = async (action: StepAction, input: StepInput) => {
    if (action === 'submit' && dirty && !(await save(true))) throw new Error('not saved');
    const body = stepBody(action, input, comments, officer);
    setBusy(action);
    try {
      const next = await transitionAssessment(orgId, a.year, body);
      message.success(t(`assessment.done.${action}`));
      setServerProblems([]);
      refresh(next);
    } catch (err) {
      showError(err);
      throw err;
    } finally {
      setBusy(null);
    }
  };

  const pdf = () => {
    setBusy('pdf');
    downloadAssessmentPdf(orgId, a.year)
      .catch((e) => message.error(errorMessage(e)))
      .finally(() => setBusy(null));
  };

  const ownOrg = me.scope.type === 'organisation';
  const submitBlocked = blocking.length ? blocking.map((b) => b.message) : null;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          ...(ownOrg ? [] : [{ key: 'list', title: <Link to="/assessments">{t('assessment.title')}</Link> }]),
          {
            key: 'org',
            title: (
              <Link to="/organisations/$id" params={{ id: String(orgId) }} search={{ tab: 'assessments' }}>
                {a.organisation.name}
              </Link>
            ),
          },
          { key: 'year', title: t('assessment.form.crumb', { year: a.year }) },
        ]}
      />
      <PageHeader
        title={t('assessment.form.title', { year: a.year, name: a.organisation.name })}
        titleTestId="assessment-title"
        extra={
          <AssessmentActions
            actions={actions}
            canSave={selfMode}
            dirty={dirty}
            busy={busy}
            submitBlocked={submitBlocked}
            onShowBlocked={() => setAttempted(true)}
            onSave={() => void save()}
            onPdf={pdf}
            onStep={step}
          />
        }
      />
      <AssessmentSummary a={a} liveSelfTotal={selfMode ? live.total : (a.selfTotal ?? live.total)} />
      <AssessmentNotices
        a={a}
        selfMode={selfMode}
        ownOrg={ownOrg}
        blocking={blocking}
        reviewHint={mode.comment}
      />
      <AssessmentApprovals
        value={approvals}
        editable={selfMode}
        problems={problems}
        onChange={(v) => setApprovals((p) => ({ ...p, ...v }))}
      />
      {a.rubric.usesSurvey && (
        <AssessmentSurvey
          value={survey}
          editable={selfMode}
          items={surveyItems}
          problem={problems.survey}
          onChange={setSurvey}
        />
      )}
      <AssessmentItemsTable
        items={a.items}
        assessmentId={a.id}
        mode={mode}
        self={self}
        officer={officer}
        comments={comments}
        sums={sums}
        problems={problems}
        onSelf={(code, v) => setSelf((p) => ({ ...p, [code]: { ...p[code], ...v } }))}
        onOfficer={(code, v) => setOfficer((p) => ({ ...p, [code]: { ...p[code], ...v } }))}
        onComment={(code, c) => setComments((p) => ({ ...p, [code]: c }))}
      />
      <AssessmentClassificationCard c={a.classification} />
    </>
  );
}
