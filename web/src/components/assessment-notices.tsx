/** Notices above the score sheet: what blocks submission, and who enters the self-scores of this organisation. */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../api/assessment-types';
import type { FormProblem } from '../lib/assessment-checks';

/** `selfMode`: the caller enters the self-scores; `ownOrg`: the caller is the cooperative itself. */
export function AssessmentNotices(props: {
  a: Assessment;
  selfMode: boolean;
  ownOrg: boolean;
  blocking: FormProblem[];
  reviewHint: boolean;
}) {
  const { a, selfMode, ownOrg, blocking, reviewHint } = props;
  const { t } = useTranslation();
  const held = a.status === 'draft' || a.status === 'returned';
  const onBehalf = selfMode && (a.selfScoring === 'paper_only' || a.selfScoring === 'no_account');
  return (
    <>
      {selfMode && blocking.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assessment-blocking"
          title={t('assessment.form.cannotSubmit', { count: blocking.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18, maxHeight: 160, overflow: 'auto' }}>
              {blocking.map((b) => (
                <li key={`${b.path}-${b.message}`}>{b.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {!ownOrg && held && a.selfScoring === 'coop_account' && !a.imported && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assessment-coop-scores"
          title={t('assessment.form.coopScores')}
        />
      )}
      {onBehalf && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assessment-on-behalf"
          title={t(`assessment.form.onBehalf.${a.selfScoring}`)}
        />
      )}
      {reviewHint && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('assessment.form.reviewHint')} />
      )}
    </>
  );
}
