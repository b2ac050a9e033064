/** Filters and table of the plan list; every filter lives in the URL. */
import { ClearOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import { type PlanListItem, plansQuery } from '../api/plans';
import { currentYearVn } from '../lib/dates';
import { PLAN_KINDS, PLAN_STATUSES, type PlansSearch } from '../lib/plan-search';
import { ErrorAlert } from './error-alert';
import { StatusCounts } from './plan-status';
import { UnitPicker } from './unit-picker';

const PAGE_SIZE = 20;

/** The list with its filters (unit, kind, status, year). */
export function PlanList({
  search,
  onChange,
}: {
  search: PlansSearch;
  onChange: (patch: Partial<PlansSearch>, keepPage?: boolean) => void;
}) {
  const { t } = useTranslation();
  const page = search.page ?? 1;
  const list = useQuery(
    plansQuery({
      unitId: search.unitId,
      kind: search.kind,
      status: search.status,
      year: search.year,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const thisYear = currentYearVn();
  const years = Array.from({ length: 2045 - 2015 + 1 }, (_, i) => 2045 - i);
  const filtered = !!(search.unitId || search.kind || search.status || search.year);
  const code = (p: PlanListItem) => p.number ?? t('plan.list.noNumber');

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          <UnitPicker
            value={search.unitId ?? null}
            placeholder={t('plan.list.unit')}
            onChange={(id) => onChange({ unitId: id ?? undefined })}
            style={{ width: 340, maxWidth: '100%' }}
            data-testid="plan-filter-unit"
          />
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('plan.list.kind')}
            value={search.kind}
            options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plan.kinds.${k}`) }))}
            onChange={(v) => onChange({ kind: v })}
            data-testid="plan-filter-kind"
          />
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('plan.list.status')}
            value={search.status}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))}
            onChange={(v) => onChange({ status: v })}
            data-testid="plan-filter-status"
          />
          <Select
            allowClear
            showSearch
            style={{ width: 160 }}
            placeholder={t('plan.list.year')}
            value={search.year}
            options={years.map((y) => ({
              value: y,
              label:
                y === thisYear
                  ? `${t('plan.list.yearOption', { year: y })} ★`
                  : t('plan.list.yearOption', { year: y }),
            }))}
            onChange={(v) => onChange({ year: v })}
            data-testid="plan-filter-year"
          />
          {filtered && (
            <Button
              icon={<ClearOutlined />}
              onClick={() =>
                onChange({ unitId: undefined, kind: undefined, status: undefined, year: undefined })
              }
            >
              {t('plan.list.clear')}
            </Button>
          )}
        </Flex>
      </Card>
      <ErrorAlert error={list.error} />
      <Card size="small">
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }} data-testid="plan-count">
          {list.data ? t('plan.list.found', { total: formatNumber(list.data.total) }) : '\u00a0'}
        </Typography.Text>
        <Table<PlanListItem>
          rowKey="id"
          size="middle"
          data-testid="plan-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 960 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => onChange({ page: p > 1 ? p : undefined }, true),
          }}
          columns={[
            {
              title: t('plan.list.plan'),
              key: 'plan',
              render: (_, p) => (
                <Flex vertical gap={2}>
                  <Link to="/plans/$id" params={{ id: String(p.id) }} data-testid="plan-open">
                    {`${t(`plan.kinds.${p.kind}`)} ${code(p)}`}
                  </Link>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: p.title }} style={{ maxWidth: 460 }}>
                    {p.title}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('plan.list.issuer'), dataIndex: 'issuer', width: 200 },
            { title: t('plan.page.unit'), dataIndex: 'unitLabel', width: 160 },
            {
              title: t('plan.list.period'),
              key: 'period',
              width: 110,
              render: (_, p) => `${p.startYear}–${p.endYear}`,
            },
            {
              title: t('plan.list.status'),
              key: 'status',
              width: 140,
              render: (_, p) => t(`plan.statuses.${p.status}`, { defaultValue: p.statusLabel }),
            },
            {
              // Counted like the status tags beside it (each part a, b… of a target is evaluated on its own).
              title: t('plan.list.targets'),
              key: 'targets',
              width: 90,
              align: 'right',
              render: (_, p) => Object.values(p.statusCounts).reduce((a, b) => a + b, 0),
            },
            {
              title: t('plan.list.standing'),
              key: 'standing',
              width: 260,
              render: (_, p) => <StatusCounts summary={p.statusCounts} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
