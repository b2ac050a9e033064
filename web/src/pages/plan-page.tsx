/** /plans/$id: one plan with its targets evaluated live at a date (for its area or one unit), checks, tasks, exports. */
import { EditOutlined, FileExcelOutlined, FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Flex,
  List,
  Result,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { ApiError, errorMessage } from '../api/client';
import { type PlanTarget, planApi, planPageQuery, plansKey } from '../api/plans';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { PlanFormModal } from '../components/plan-form-modal';
import { PlanHeaderCard } from '../components/plan-header-card';
import { StatusCounts } from '../components/plan-status';
import { PlanTargetDrawer } from '../components/plan-target-drawer';
import { PlanTargetModal } from '../components/plan-target-modal';
import { PlanTargetsTable } from '../components/plan-targets-table';
import { PlanTasksCard } from '../components/plan-tasks-card';
import { UnitPicker } from '../components/unit-picker';
import { can, useCurrentUser } from '../current-user';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';

const route = getRouteApi('/_app/plans/$id');

/** The page; the evaluation date and the unit live in the URL (?date=&unitId=): today and the whole area when absent. */
export function PlanPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/plans/$id' });
  const { id } = route.useParams();
  const { date, unitId } = route.useSearch();
  const planId = Number(id);
  const valid = Number.isInteger(planId) && planId > 0;
  const q = useQuery({ ...planPageQuery(planId, date, unitId), enabled: valid });
  const [drill, setDrill] = useState<PlanTarget | null>(null);
  const [editingTarget, setEditingTarget] = useState<PlanTarget | 'new' | null>(null);
  const [editingPlan, setEditingPlan] = useState(false);
  const exporting = useMutation({
    mutationFn: (format: 'xlsx' | 'pdf') => planApi.exportFile(planId, format, date, unitId),
    onSuccess: (name) => message.success(t('plan.page.exported', { name })),
    onError: (err) => message.error(errorMessage(err)),
  });
  const removeTarget = useMutation({
    mutationFn: (target: PlanTarget) => planApi.deleteTarget(planId, target.id),
    onSuccess: async () => {
      message.success(t('plan.target.deleted'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  if (!valid || (q.error instanceof ApiError && q.error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('plan.page.notFound')}
        subTitle={t('plan.page.notFoundHint')}
        extra={<Link to="/plans">{t('plan.title')}</Link>}
      />
    );
  }
  if (q.error && !q.data) return <ErrorAlert error={q.error} />;
  if (!q.data) return <PageSpinner />;

  const page = q.data;
  const plan = page.plan;
  // National plans are changed by national users only (the server refuses the others anyway).
  const manage = can(me, 'plan.manage') && (plan.provinceId !== null || me.scope.type === 'nation');
  const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
  const setSearch = (next: { date?: string; unitId?: number }) =>
    void navigate({ search: (s) => ({ ...s, ...next }), replace: true });
  const setDate = (d: string | undefined) => setSearch({ date: d });
  const selectedYear = date?.endsWith('-12-31') ? Number(date.slice(0, 4)) : undefined;
  const title =
    `${t(`plan.kinds.${plan.kind}`, { defaultValue: plan.kindLabel })} ${plan.number ?? ''}`.trim();

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'list', title: <Link to="/plans">{t('plan.title')}</Link> },
          { key: 'self', title },
        ]}
      />
      <PageHeader
        title={title}
        titleTestId="plan-title"
        extra={
          <Space wrap>
            {manage && (
              <Button icon={<EditOutlined />} onClick={() => setEditingPlan(true)} data-testid="plan-edit">
                {t('plan.page.edit')}
              </Button>
            )}
            <Button
              icon={<FileExcelOutlined />}
              loading={exporting.isPending && exporting.variables === 'xlsx'}
              onClick={() => exporting.mutate('xlsx')}
              data-testid="plan-export-xlsx"
            >
              {t('plan.page.exportXlsx')}
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              loading={exporting.isPending && exporting.variables === 'pdf'}
              onClick={() => exporting.mutate('pdf')}
              data-testid="plan-export-pdf"
            >
              {t('plan.page.exportPdf')}
            </Button>
          </Space>
        }
      />
      <PlanHeaderCard page={page} mayAttach={manage && can(me, 'attachment.write')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center" justify="space-between">
          <Space wrap>
            <Typography.Text>{t('plan.page.evaluatedAt')}</Typography.Text>
            <DatePicker
              format={DATE_FORMAT}
              allowClear
              value={fromIsoDate(page.date) ?? null}
              onChange={(d) => setDate(d ? toIsoDate(d) : undefined)}
              data-testid="plan-date"
            />
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('plan.page.year')}
              value={selectedYear}
              options={years.map((y) => ({ value: y, label: `31/12/${y}` }))}
              onChange={(y) => setDate(y ? `${y}-12-31` : undefined)}
              data-testid="plan-year"
            />
            {date && <Button onClick={() => setDate(undefined)}>{t('plan.page.today')}</Button>}
            <Typography.Text>{t('plan.page.unitFilter')}</Typography.Text>
            <UnitPicker
              style={{ width: 280 }}
              value={unitId ?? null}
              choices={page.unitChoices}
              eraLabels={{ pre2025: t('plan.page.unitGroupFormer'), post2025: t('plan.page.unitGroupToday') }}
              placeholder={t('plan.page.unitPlaceholder')}
              onChange={(u) => setSearch({ unitId: u ?? undefined })}
              data-testid="plan-unit"
            />
          </Space>
          <Space wrap>
            <Typography.Text type="secondary">{t('plan.page.summaryLine')}</Typography.Text>
            <StatusCounts summary={page.summary} testId="plan-summary" />
          </Space>
        </Flex>
      </Card>
      {page.unit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="plan-unit-banner"
          title={t('plan.page.unitTitle', { unit: page.unit.label })}
          description={[t('plan.page.unitHint'), page.unit.approximate ? page.unit.explanation : null]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      <Card
        size="small"
        title={`${t('plan.page.targetsTitle')} · ${page.unit ? `${page.unit.label} · ` : ''}${formatDate(page.date)}`}
        extra={
          manage && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditingTarget('new')}
              data-testid="target-add"
            >
              {t('plan.page.addTarget')}
            </Button>
          )
        }
      >
        <PlanTargetsTable
          targets={page.targets}
          consistency={page.consistency}
          manage={manage}
          onDrill={setDrill}
          onEdit={setEditingTarget}
          onDelete={(target) => removeTarget.mutate(target)}
        />
      </Card>
      {page.consistency.length > 0 && (
        <Card
          size="small"
          title={t('plan.page.checksTitle')}
          style={{ marginTop: 16 }}
          data-testid="plan-checks"
        >
          <List
            size="small"
            dataSource={page.consistency}
            renderItem={(c) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Space align="start">
                  <Typography.Text strong style={{ minWidth: 64, display: 'inline-block' }}>
                    {`${c.code}${c.part}`}
                  </Typography.Text>
                  <Tag color={c.consistent ? 'green' : 'red'}>
                    {t(c.consistent ? 'plan.page.consistent' : 'plan.page.inconsistent')}
                  </Tag>
                  <Typography.Text>{c.reason}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <PlanTasksCard planId={planId} tasks={page.tasks} manage={manage} />
      <PlanTargetDrawer
        planId={planId}
        target={drill}
        date={date}
        unitId={unitId}
        onClose={() => setDrill(null)}
      />
      {editingTarget && (
        <PlanTargetModal
          planId={planId}
          years={[plan.startYear, plan.endYear]}
          target={editingTarget === 'new' ? null : editingTarget}
          targets={page.targets}
          onClose={() => setEditingTarget(null)}
        />
      )}
      {editingPlan && <PlanFormModal open plan={plan} onClose={() => setEditingPlan(false)} />}
    </>
  );
}
