/** A cooperative user's home: its organisation and this year's report status, one click from both. */
import { BankOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../core/format';
import { profileQuery } from '../api/organisations';
import { orgReportsQuery } from '../api/reports';
import { currentYearVn } from '../lib/dates';
import { ErrorAlert } from './error-alert';
import { PageSpinner } from './page-spinner';
import { KindTag, LegalStatusTag, ReportStatusTag } from './registry-tags';

/** Card with the organisation's name, code and status, and the current year's report with an open button. */
export function CoopHomeCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
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
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="coop-home"
      title={
        <Space>
          <BankOutlined />
          <span>{t('dashboard.ownOrganisation')}</span>
        </Space>
      }
      extra={
        <Button
          onClick={() => void navigate({ to: '/organisations/$id', params: { id: String(orgId) } })}
          data-testid="coop-open-org"
        >
          {t('dashboard.openProfile')}
        </Button>
      }
    >
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {org.name}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('orgField.kind'), children: <KindTag kind={org.kind} /> },
          {
            key: 'code',
            label: t('orgField.regCode'),
            children: <Typography.Text style={{ fontFamily: 'monospace' }}>{org.regCode}</Typography.Text>,
          },
          {
            key: 'status',
            label: t('orgField.legalStatus'),
            children: <LegalStatusTag status={org.legalStatus} />,
          },
          {
            key: 'place',
            label: t('orgField.communeId'),
            children: `${org.communeName}, ${org.provinceName}`,
          },
        ]}
      />
      <Card type="inner" size="small" title={t('dashboard.reportOfYear', { year })} style={{ marginTop: 12 }}>
        <Space wrap size={12}>
          {report ? (
            <>
              <ReportStatusTag status={report.status} testId="coop-report-status" />
              {report.submittedAt && (
                <Typography.Text type="secondary">
                  {t('report.submittedAt', { at: formatDateTime(report.submittedAt) })}
                </Typography.Text>
              )}
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="coop-report-status">
              {t('dashboard.reportNotStarted')}
            </Typography.Text>
          )}
          <Button
            type="primary"
            icon={<FileTextOutlined />}
            onClick={openReport}
            data-testid="coop-open-report"
          >
            {report ? t('dashboard.openReport', { year }) : t('reports.startYear', { year })}
          </Button>
        </Space>
      </Card>
    </Card>
  );
}
