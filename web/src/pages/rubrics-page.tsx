/** /assessments/rubrics: the rubric versions (legal basis, status, validity); copy one into a draft to edit. */
import { CopyOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import type { RubricSummary } from '../api/assessment-types';
import { ASSESSMENT_KEY, copyRubric, rubricsQuery } from '../api/assessments';
import { errorMessage } from '../api/client';
import { AssessmentSectionNav } from '../components/assessment-section-nav';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { can, useCurrentUser } from '../current-user';

const STATUS_COLORS: Record<string, string> = { draft: 'default', active: 'green', retired: 'red' };

/** Status tag of a rubric version. */
export function RubricStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`assessment.rubrics.status.${status}`)}</Tag>;
}

/** The list; copying opens the new draft. */
export function RubricsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const allowed = can(me, 'assessment.read') && me.scope.type !== 'organisation';
  const list = useQuery({ ...rubricsQuery(), enabled: allowed });
  const copy = useMutation({
    mutationFn: (r: RubricSummary) => copyRubric(r.id, {}),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
      message.success(t('assessment.rubrics.copied', { code: r.code }));
      void navigate({ to: '/assessments/rubrics/$id', params: { id: String(r.id) } });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  if (!allowed) return <Forbidden />;

  const columns: TableColumnsType<RubricSummary> = [
    {
      title: t('assessment.rubrics.code'),
      key: 'code',
      width: 200,
      render: (_: unknown, r) => (
        <Link to="/assessments/rubrics/$id" params={{ id: String(r.id) }} data-testid={`rubric-${r.code}`}>
          {r.code}
        </Link>
      ),
    },
    { title: t('assessment.rubrics.name'), dataIndex: 'name', ellipsis: true },
    {
      title: t('assessment.rubrics.legal'),
      key: 'legal',
      width: 260,
      render: (_: unknown, r) => (
        <>
          <div>{r.legal.documentNumber}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.rubrics.effective', {
              from: formatDate(r.legal.effectiveFrom),
              to: r.legal.expiresOn ? formatDate(r.legal.expiresOn) : '…',
            })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('assessment.rubrics.state'),
      key: 'status',
      width: 260,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <RubricStatusTag status={r.status} />
          {r.shipped && <Tag>{t('assessment.rubrics.shipped')}</Tag>}
          {r.inUse && <Tag color="blue">{t('assessment.rubrics.inUse')}</Tag>}
          {!r.valid && <Tag color="red">{t('assessment.rubrics.invalid')}</Tag>}
          {!r.complete && <Tag color="orange">{t('assessment.needsAppendix')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_: unknown, r) =>
        can(me, 'rubric.manage') && (
          <Button
            size="small"
            icon={<CopyOutlined />}
            loading={copy.isPending && copy.variables?.id === r.id}
            onClick={() => copy.mutate(r)}
            data-testid={`rubric-copy-${r.code}`}
          >
            {t('assessment.rubrics.copy')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('assessment.title')} />
      <AssessmentSectionNav />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('assessment.rubrics.hint')}</Typography.Paragraph>
        <ErrorAlert error={list.error} />
        <Table<RubricSummary>
          size="small"
          rowKey="id"
          data-testid="rubric-table"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={false}
        />
      </Card>
    </>
  );
}
