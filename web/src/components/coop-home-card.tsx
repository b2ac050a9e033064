/** A cooperative user's home: its organisation and this year's report status, one click from both. */
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../core/format';
import { LEGAL_STATUSES, ORGANISATION_KINDS, REPORT_STATUSES } from '../../../core/registry/enums';
import { profileQuery } from '../api/organisations';
import { orgReportsQuery } from '../api/reports';
import { currentYearVn } from '../lib/calendar';
import { useCoded } from '../lib/coded';
import { ErrorAlert } from './error-alert';
import { Icon } from './icons';
import { PageSpinner } from './page-spinner';
import { KIND_COLOR, REPORT_COLOR, STATUS_COLOR } from './registry-colors';
import { Button, Card, Descriptions, Tag } from './ui';

/** Card with the organisation's name, code and status, and the current year's report with an open button. */
export function CoopHomeCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { label } = useCoded();
  const navigate = useNavigate();
  const profile = useQuery(profileQuery(orgId));
  const reports = useQuery(orgReportsQuery(orgId));
  const year = currentYearVn();
  if (profile.error) return <ErrorAlert error={profile.error} />;
  if (!profile.data) return <PageSpinner />;
  const org = profile.data.organisation;
  const report = reports.data?.items.find((r) => r.year === year && r.period === 'year');
  const openReport = () =>
    void navigate({
      to: '/organisations/$id/reports/$year',
      params: { id: String(orgId), year: String(year) },
    });
  return (
    <Card
      style={{ marginBottom: 16 }}
      testId="coop-home"
      title={
        <>
          <Icon name="bank" />
          <span>{t('dashboard.ownOrganisation')}</span>
        </>
      }
      extra={
        <Button
          onClick={() => void navigate({ to: '/organisations/$id', params: { id: String(orgId) } })}
          testId="coop-open-org"
        >
          {t('dashboard.openProfile')}
        </Button>
      }
    >
      <h4 className="ht-title-4" style={{ marginBottom: '0.5em' }}>
        {org.name}
      </h4>
      <Descriptions
        items={[
          {
            key: 'kind',
            label: t('orgField.kind'),
            children: (
              <Tag color={KIND_COLOR[org.kind]} title={label(ORGANISATION_KINDS, org.kind)}>
                {org.kind}
              </Tag>
            ),
          },
          {
            key: 'code',
            label: t('orgField.regCode'),
            children: <span className="ht-mono">{org.regCode}</span>,
          },
          {
            key: 'status',
            label: t('orgField.legalStatus'),
            children: (
              <Tag color={STATUS_COLOR[org.legalStatus]} wrap>
                {label(LEGAL_STATUSES, org.legalStatus)}
              </Tag>
            ),
          },
          {
            key: 'place',
            label: t('orgField.communeId'),
            children: `${org.communeName}, ${org.provinceName}`,
          },
        ]}
      />
      <Card inner title={t('dashboard.reportOfYear', { year })} style={{ marginTop: 12 }}>
        <div className="ht-row">
          {report ? (
            <>
              <Tag color={REPORT_COLOR[report.status]} testId="coop-report-status">
                {label(REPORT_STATUSES, report.status)}
              </Tag>
              {report.submittedAt && (
                <span className="ht-secondary">
                  {t('dashboard.submittedAt', { at: formatDateTime(report.submittedAt) })}
                </span>
              )}
            </>
          ) : (
            <span className="ht-secondary" data-testid="coop-report-status">
              {t('dashboard.reportNotStarted')}
            </span>
          )}
          <Button variant="primary" icon="fileText" onClick={openReport} testId="coop-open-report">
            {report ? t('dashboard.openReport', { year }) : t('dashboard.startReport', { year })}
          </Button>
        </div>
      </Card>
    </Card>
  );
}
