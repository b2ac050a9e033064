/** "Đánh giá" tab of an organisation: total score and band over the years, each year's assessment one click away. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { HistoryItem } from '../api/assessment-types';
import { historyQuery } from '../api/assessments';
import type { Organisation } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { AssessmentRecordModal } from './assessment-record-modal';
import { AssessmentStatusTag, BandTag } from './assessment-tags';
import { ErrorAlert } from './error-alert';
import { PageSpinner } from './page-spinner';

const HistoryChart = lazy(() => import('./assessment-history-chart'));
const pts = (v: number | null) => (v === null ? '—' : formatNumber(v, 2));

/** Chart and table; an officer with the confirm right records a past year's result by hand. */
export function AssessmentHistoryTab({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useQuery(historyQuery(org.id));
  const [recording, setRecording] = useState(false);
  const items = [...(list.data?.items ?? [])].sort((a, b) => a.year - b.year);
  const applicable = org.kind !== 'THT';

  const columns: TableColumnsType<HistoryItem> = [
    {
      title: t('assessment.year'),
      dataIndex: 'year',
      width: 90,
      render: (y: number) => (
        <Link
          to="/organisations/$id/assessments/$year"
          params={{ id: String(org.id), year: String(y) }}
          data-testid={`org-assessment-${y}`}
        >
          {y}
        </Link>
      ),
    },
    {
      title: t('assessment.form.status'),
      key: 'status',
      width: 230,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <AssessmentStatusTag status={r.status} />
          {r.imported && <AssessmentStatusTag status="imported" label={t('assessment.imported')} />}
        </Space>
      ),
    },
    { title: t('assessment.campaigns.rubric'), dataIndex: 'rubricCode', width: 120 },
    { title: t('assessment.selfTotal'), dataIndex: 'selfTotal', width: 100, align: 'right', render: pts },
    { title: t('assessment.finalTotal'), dataIndex: 'total', width: 100, align: 'right', render: pts },
    {
      title: t('assessment.bandTitle'),
      key: 'band',
      render: (_: unknown, r) =>
        r.band ? (
          <BandTag band={r.band} testId={`org-assessment-band-${r.year}`} />
        ) : (
          <Typography.Text type="secondary">
            {r.notClassifiedReason
              ? t(`assessment.reason.${r.notClassifiedReason}`, { defaultValue: r.notClassifiedLabel })
              : '—'}
          </Typography.Text>
        ),
    },
  ];

  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <PageSpinner />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {!applicable && (
        <Typography.Text type="secondary">{t('assessment.history.notApplicable')}</Typography.Text>
      )}
      {items.length > 0 && (
        <Card size="small" title={t('assessment.history.chart')}>
          <Suspense fallback={<PageSpinner />}>
            <HistoryChart items={items} />
          </Suspense>
        </Card>
      )}
      <Card
        size="small"
        title={t('assessment.history.title')}
        extra={
          applicable &&
          can(me, 'assessment.confirm') && (
            <Button size="small" onClick={() => setRecording(true)} data-testid="assessment-record">
              {t('assessment.record.button')}
            </Button>
          )
        }
      >
        {items.length === 0 ? (
          <Empty description={t('assessment.history.empty')} />
        ) : (
          <Table<HistoryItem>
            size="small"
            rowKey="year"
            data-testid="org-assessments"
            pagination={false}
            columns={columns}
            dataSource={[...items].reverse()}
            scroll={{ x: 700 }}
          />
        )}
      </Card>
      <AssessmentRecordModal orgId={org.id} open={recording} onClose={() => setRecording(false)} />
    </Space>
  );
}
