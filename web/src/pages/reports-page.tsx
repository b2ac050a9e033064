/** /reports: "Báo cáo năm", the review queue of yearly reports in the officer's scope. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../core/format';
import { REPORT_STATUSES } from '../../../core/registry/enums';
import { errorMessage } from '../api/client';
import { exportAnnualReports } from '../api/registry-io';
import type { QueueItem } from '../api/registry-types';
import { reviewQueueQuery } from '../api/reports';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { KindTag, ReportStatusTag } from '../components/registry-tags';
import { can, useCurrentUser } from '../current-user';
import { useCoded } from '../lib/coded';
import { currentYearVn } from '../lib/dates';

const route = getRouteApi('/_app/reports');
const FIRST_YEAR = 2015;

/** Year and status filters (default: submitted, waiting for review), server-side pages. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { options } = useCoded();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/reports' });
  const allowed = can(me, 'report.review');
  const status = search.status ?? 'submitted';
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? 20;
  const exporting = useMutation({
    mutationFn: (year: number) => exportAnnualReports(year),
    onSuccess: (name) => message.success(t('orgList.exported', { name })),
    onError: (err) => message.error(errorMessage(err)),
  });
  const list = useQuery({
    ...reviewQueueQuery({ year: search.year, status: status === 'all' ? undefined : status, page, pageSize }),
    enabled: allowed,
  });

  if (!allowed) return <Forbidden />;
  const thisYear = currentYearVn();

  const columns: TableColumnsType<QueueItem> = [
    {
      title: t('queue.organisation'),
      key: 'org',
      width: 310,
      ellipsis: true,
      render: (_: unknown, r) => (
        <Flex gap={6} align="center" style={{ minWidth: 0 }}>
          <KindTag kind={r.organisationKind} />
          <Link
            to="/organisations/$id"
            params={{ id: String(r.organisationId) }}
            title={r.organisationName}
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {r.organisationName}
          </Link>
        </Flex>
      ),
    },
    {
      title: t('orgList.regCode'),
      dataIndex: 'regCode',
      width: 112,
      responsive: ['xl'],
      render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
    },
    { title: t('queue.commune'), dataIndex: 'communeName', width: 150, ellipsis: true },
    {
      title: t('queue.year'),
      key: 'year',
      width: 90,
      render: (_: unknown, r) => (r.period === 'h1' ? t('reports.h1Of', { year: r.year }) : r.year),
    },
    {
      title: t('queue.status'),
      dataIndex: 'status',
      width: 150,
      render: (s: string) => <ReportStatusTag status={s} />,
    },
    {
      title: t('queue.submittedAt'),
      dataIndex: 'submittedAt',
      width: 136,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('queue.openFlags'),
      dataIndex: 'openFlagCount',
      width: 90,
      align: 'center',
      render: (n: number) =>
        n > 0 ? <Badge count={n} color="orange" /> : <Typography.Text type="secondary">0</Typography.Text>,
    },
    {
      title: '',
      key: 'open',
      width: 100,
      render: (_: unknown, r) => (
        <Link
          to="/organisations/$id/reports/$year"
          params={{ id: String(r.organisationId), year: String(r.year) }}
          search={r.period === 'h1' ? { period: 'h1' } : {}}
          data-testid="queue-open"
        >
          {t('queue.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.reports')}
        extra={
          <Space wrap>
            {can(me, 'registry.import') && (
              <Button
                icon={<UploadOutlined />}
                onClick={() =>
                  void navigate({ to: '/organisations/import', search: { kind: 'annual_reports' } })
                }
                data-testid="queue-import"
              >
                {t('queue.import')}
              </Button>
            )}
            {can(me, 'registry.export') && (
              <Tooltip title={search.year ? undefined : t('queue.exportNeedsYear')}>
                <Button
                  icon={<DownloadOutlined />}
                  disabled={!search.year}
                  loading={exporting.isPending}
                  onClick={() => search.year && exporting.mutate(search.year)}
                  data-testid="queue-export"
                >
                  {search.year ? t('queue.exportYear', { year: search.year }) : t('queue.export')}
                </Button>
              </Tooltip>
            )}
          </Space>
        }
      />
      <Card size="small">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 170 }}
            value={search.year ?? 0}
            options={[
              { value: 0, label: t('queue.allYears') },
              ...Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('reports.yearOption', { year: y }),
              })),
            ]}
            onChange={(y) =>
              void navigate({ search: (p) => ({ ...p, year: y || undefined, page: undefined }) })
            }
            data-testid="queue-year"
          />
          <Select
            style={{ width: 220 }}
            value={status}
            options={[...options(REPORT_STATUSES), { value: 'all', label: t('queue.allStatuses') }]}
            onChange={(s) =>
              void navigate({
                search: (p) => ({ ...p, status: s === 'submitted' ? undefined : s, page: undefined }),
              })
            }
            data-testid="queue-status"
          />
          {list.data && (
            <Typography.Text strong style={{ marginInlineStart: 'auto' }}>
              {t('queue.count', { total: formatNumber(list.data.total) })}
            </Typography.Text>
          )}
        </Flex>
        <ErrorAlert error={list.error} />
        <Table<QueueItem>
          size="small"
          rowKey="id"
          data-testid="reports-table"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('queue.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            onChange: (p, size) =>
              void navigate({
                search: (prev) => ({
                  ...prev,
                  page: size === pageSize && p > 1 ? p : undefined,
                  pageSize: size !== 20 ? size : undefined,
                }),
              }),
          }}
        />
      </Card>
    </>
  );
}
