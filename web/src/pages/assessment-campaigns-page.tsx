/** /assessments: "Đánh giá, xếp loại" — the yearly campaigns per province; a province admin opens, edits and closes them. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, Navigate, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import type { Campaign } from '../api/assessment-types';
import { ASSESSMENT_KEY, campaignsQuery, closeCampaign, type OpenCampaignResult } from '../api/assessments';
import { errorMessage } from '../api/client';
import { AssessmentSectionNav } from '../components/assessment-section-nav';
import { CampaignFormModal } from '../components/campaign-form-modal';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { can, useCurrentUser } from '../current-user';
import { currentYearVn } from '../lib/dates';

const route = getRouteApi('/_app/assessments');
const FIRST_YEAR = 2015;

/** Campaign list with a year filter; a cooperative user is sent to its own assessments. */
export function AssessmentCampaignsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/assessments' });
  const { year } = route.useSearch();
  const allowed = can(me, 'assessment.read') && me.scope.type !== 'organisation';
  const list = useQuery({ ...campaignsQuery(year), enabled: allowed });
  const [editing, setEditing] = useState<Campaign | null | undefined>(undefined);
  const [opened, setOpened] = useState<OpenCampaignResult | null>(null);
  const manage = can(me, 'assessment.manage');
  const close = useMutation({
    mutationFn: (c: Campaign) => closeCampaign(c.id),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
      message.success(t('assessment.campaigns.closed', { count: r.notSubmitted }));
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  if (me.scope.type === 'organisation' && me.scope.organisationId) {
    return (
      <Navigate
        to="/organisations/$id"
        params={{ id: String(me.scope.organisationId) }}
        search={{ tab: 'assessments' }}
      />
    );
  }
  if (!allowed) return <Forbidden />;
  const thisYear = currentYearVn();

  const columns: TableColumnsType<Campaign> = [
    { title: t('assessment.year'), dataIndex: 'year', width: 80 },
    { title: t('assessment.campaigns.province'), dataIndex: 'provinceName', width: 170, ellipsis: true },
    {
      title: t('assessment.campaigns.rubric'),
      key: 'rubric',
      ellipsis: true,
      render: (_: unknown, c) => (
        <Link to="/assessments/rubrics/$id" params={{ id: String(c.rubricVersionId) }} title={c.rubricName}>
          {c.rubricCode}
        </Link>
      ),
    },
    {
      title: t('assessment.campaigns.deadlines'),
      key: 'deadlines',
      width: 270,
      render: (_: unknown, c) =>
        [c.selfDeadline, c.communeDeadline, c.provinceDeadline].map((d) => formatDate(d)).join(' · '),
    },
    {
      title: t('assessment.campaigns.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: string) => (
        <Typography.Text type={s === 'open' ? 'success' : 'secondary'}>
          {t(`assessment.campaigns.state.${s}`)}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 300,
      render: (_: unknown, c) => (
        <Space size={[12, 0]} wrap>
          <Link
            to="/assessments/board"
            search={{ unitId: c.provinceId, year: c.year }}
            data-testid={`campaign-board-${c.year}`}
          >
            {t('assessment.nav.board')}
          </Link>
          <Link to="/assessments/report" search={{ unitId: c.provinceId, year: c.year }}>
            {t('assessment.nav.report')}
          </Link>
          {manage && c.status === 'open' && (
            <>
              <Button
                size="small"
                type="link"
                onClick={() => setEditing(c)}
                data-testid={`campaign-edit-${c.year}`}
              >
                {t('assessment.campaigns.edit')}
              </Button>
              <Button
                size="small"
                type="link"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t('assessment.campaigns.closeTitle', { year: c.year }),
                    content: t('assessment.campaigns.closeBody'),
                    okText: t('assessment.campaigns.close'),
                    okButtonProps: { danger: true },
                    cancelText: t('common.cancel'),
                    onOk: () => close.mutateAsync(c),
                  })
                }
              >
                {t('assessment.campaigns.close')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('assessment.title')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="campaign-open"
            >
              {t('assessment.campaigns.open')}
            </Button>
          )
        }
      />
      <AssessmentSectionNav />
      {opened && (
        <Alert
          type={opened.warnings.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOpened(null)}
          style={{ marginBottom: 12 }}
          data-testid="campaign-opened"
          title={t('assessment.campaigns.openedDetail', {
            year: opened.campaign.year,
            province: opened.campaign.provinceName,
            ...opened.results,
          })}
          description={opened.warnings.length ? opened.warnings.join(' ') : undefined}
        />
      )}
      <Card size="small">
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 170 }}
            value={year ?? 0}
            data-testid="campaign-year"
            options={[
              { value: 0, label: t('assessment.allYears') },
              ...Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => thisYear + 1 - i).map((y) => ({
                value: y,
                label: t('assessment.yearOption', { year: y }),
              })),
            ]}
            onChange={(y) => void navigate({ search: { year: y || undefined } })}
          />
          <Typography.Text type="secondary">{t('assessment.campaigns.hint')}</Typography.Text>
        </Flex>
        <ErrorAlert error={list.error} />
        <Table<Campaign>
          size="small"
          rowKey="id"
          data-testid="campaign-table"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('assessment.campaigns.empty') }}
        />
      </Card>
      <CampaignFormModal
        open={editing !== undefined}
        campaign={editing}
        year={year ?? thisYear}
        onClose={() => setEditing(undefined)}
        onOpened={setOpened}
      />
    </>
  );
}
