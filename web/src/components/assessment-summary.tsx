/** The head of an assessment: status, rubric, deadlines, totals, band, the commune's comment, why not classified. */
import { Alert, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../../core/format';
import type { Assessment } from '../api/assessment-types';
import { AssessmentStatusTag, BandTag } from './assessment-tags';

const pts = (v: number | null) => (v === null ? '—' : formatNumber(v, 2));

/** Descriptions of the assessment, with the live self total while it is typed. */
export function AssessmentSummary({ a, liveSelfTotal }: { a: Assessment; liveSelfTotal: number }) {
  const { t } = useTranslation();
  return (
    <>
      {a.notClassifiedReason && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assessment-not-classified"
          title={t('assessment.form.notClassified', {
            reason: t(`assessment.reason.${a.notClassifiedReason}`, { defaultValue: a.notClassifiedLabel }),
          })}
        />
      )}
      {a.reviewComment && (a.status === 'returned' || a.status === 'commune_reviewed') && (
        <Alert
          type={a.status === 'returned' ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="assessment-review-comment"
          title={t(
            a.status === 'returned' ? 'assessment.form.returnedBecause' : 'assessment.form.reviewComment',
          )}
          description={a.reviewComment}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('assessment.form.status')}>
            <AssessmentStatusTag status={a.status} label={a.statusLabel} testId="assessment-status" />
            {a.imported && <AssessmentStatusTag status="imported" label={t('assessment.imported')} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.campaigns.rubric')}>
            {a.rubric.code} ({a.rubric.documentNumber})
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.campaigns.selfDeadline')}>
            {formatDate(a.campaign?.selfDeadline ?? null)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.form.submittedAt')}>
            {formatDateTime(a.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.selfTotal')}>
            <span data-testid="assessment-self-total">
              {pts(liveSelfTotal)} / {formatNumber(a.rubric.maxTotal)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.officerTotal')}>{pts(a.officerTotal)}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.finalTotal')}>
            <span data-testid="assessment-final-total">{pts(a.finalTotal)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.bandTitle')}>
            <BandTag band={a.band} testId="assessment-band" />
            {a.overrideApplied && t('assessment.form.override')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
