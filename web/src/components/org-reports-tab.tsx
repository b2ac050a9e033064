/** "Số liệu hằng năm" tab: years × key figures, a chart across years, and opening any year's report. */
import { FileAddOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import {
  Badge,
  Button,
  Card,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../core/format';
import type { Organisation, ReportSummary } from '../api/registry-types';
import { orgReportsQuery } from '../api/reports';
import { can, useCurrentUser } from '../current-user';
import { currentYearVn } from '../lib/dates';
import { ErrorAlert } from './error-alert';
import { PageSpinner } from './page-spinner';
import { ReportStatusTag } from './registry-tags';

const ReportsChart = lazy(() => import('./org-reports-chart'));

const money = (v: number | null) => (v === null ? '' : formatNumber(v));

/** The table and the chart; a cooperative user opens or starts its current year's report from here. */
export function OrgReportsTab({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useQuery(orgReportsQuery(org.id));
  const thisYear = currentYearVn();
  const firstYear = Math.min(thisYear, Math.max(1990, Number(org.foundedOn?.slice(0, 4) ?? thisYear - 10)));
  const [year, setYear] = useState(thisYear);
  const items = list.data?.items ?? [];
  const yearly = items.filter((r) => r.period === 'year').sort((a, b) => a.year - b.year);
  const hasCurrent = items.some((r) => r.year === thisYear && r.period === 'year');
  const open = (y: number, period?: 'h1') =>
    void navigate({
      to: '/organisations/$id/reports/$year',
      params: { id: String(org.id), year: String(y) },
      search: period ? { period } : {},
    });

  const columns: TableColumnsType<ReportSummary> = [
    {
      title: t('reports.year'),
      dataIndex: 'year',
      width: 90,
      render: (y: number, r) => (
        <Link
          to="/organisations/$id/reports/$year"
          params={{ id: String(org.id), year: String(y) }}
          search={r.period === 'h1' ? { period: 'h1' } : {}}
          data-testid={`org-report-${y}${r.period === 'h1' ? '-h1' : ''}`}
        >
          {r.period === 'h1' ? t('reports.h1Of', { year: y }) : y}
        </Link>
      ),
    },
    {
      title: t('reports.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: string) => <ReportStatusTag status={s} />,
    },
    { title: t('reports.members'), dataIndex: 'membersTotal', width: 110, align: 'right', render: money },
    { title: t('reports.workers'), dataIndex: 'workerTotal', width: 100, align: 'right', render: money },
    {
      title: t('reports.charterCapital'),
      dataIndex: 'charterCapital',
      width: 150,
      align: 'right',
      render: money,
    },
    { title: t('reports.revenue'), dataIndex: 'revenueTotal', width: 150, align: 'right', render: money },
    { title: t('reports.profit'), dataIndex: 'profitBeforeTax', width: 150, align: 'right', render: money },
    {
      title: t('reports.openFlags'),
      dataIndex: 'openFlagCount',
      width: 110,
      align: 'center',
      render: (n: number) => (n > 0 ? <Badge count={n} color="orange" /> : ''),
    },
    {
      title: t('reports.submittedAt'),
      dataIndex: 'submittedAt',
      width: 120,
      render: (v: string | null) => formatDate(v),
    },
  ];

  return (
    <>
      <ErrorAlert error={list.error} />
      <Flex gap={8} wrap justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('reports.moneyNote')}</Typography.Text>
        <Space wrap>
          {!hasCurrent && can(me, 'report.submit') && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => open(thisYear)}
              data-testid="org-report-new"
            >
              {t('reports.startYear', { year: thisYear })}
            </Button>
          )}
          <Select
            value={year}
            style={{ width: 130 }}
            options={Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('reports.yearOption', { year: y }),
            }))}
            onChange={setYear}
            aria-label={t('reports.year')}
          />
          <Button icon={<FolderOpenOutlined />} onClick={() => open(year)} data-testid="org-report-open">
            {t('reports.openYear')}
          </Button>
        </Space>
      </Flex>
      <Table<ReportSummary>
        size="small"
        rowKey="id"
        data-testid="org-reports"
        loading={list.isFetching}
        columns={columns}
        dataSource={[...items].sort((a, b) => b.year - a.year || a.period.localeCompare(b.period))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('reports.none')} /> }}
      />
      {yearly.length > 1 && (
        <Card size="small" title={t('reports.chartTitle')} style={{ marginTop: 16 }}>
          <Suspense fallback={<PageSpinner />}>
            <ReportsChart reports={yearly} />
          </Suspense>
        </Card>
      )}
    </>
  );
}
