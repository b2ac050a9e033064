/**
 * The targets of a plan with their live evaluation: actual, status, projection, trend and the drill-down. Read for
 * one unit, a row shows the unit's allocation, or the unit's actual under "no target of its own for this unit".
 */
import { DeleteOutlined, EditOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../core/format';
import type { ConsistencyCheck, PlanTarget } from '../api/plans';
import { TargetStatusTag, TrendSparkline } from './plan-status';
import { UnitFigure } from './plan-unit-figure';

/** Props: the targets, the checks, and what the user may do. */
export interface PlanTargetsTableProps {
  targets: PlanTarget[];
  consistency: ConsistencyCheck[];
  manage: boolean;
  onDrill: (t: PlanTarget) => void;
  onEdit: (t: PlanTarget) => void;
  onDelete: (t: PlanTarget) => void;
}

const nameOf = (t: Pick<PlanTarget, 'code' | 'part'>) => `${t.code}${t.part}`;
const num = (v: number | null) => (v === null ? '—' : formatNumber(v));
/** Projections of a count are shown as whole numbers; shares and averages keep their decimals. */
const projected = (v: number | null, r: PlanTarget) =>
  v === null ? '—' : formatNumber(v, Number.isInteger(r.evaluation.actual ?? 0.5) ? 0 : undefined);

/** One row per target; allocated targets expand to each unit's result. */
export function PlanTargetsTable({
  targets,
  consistency,
  manage,
  onDrill,
  onEdit,
  onDelete,
}: PlanTargetsTableProps) {
  const { t } = useTranslation();
  const byId = new Map(targets.map((x) => [x.id, x]));
  const check = new Map(consistency.map((c) => [c.targetId, c]));

  return (
    <Table<PlanTarget>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={targets}
      scroll={{ x: 1100 }}
      data-testid="target-table"
      locale={{ emptyText: t('plan.target.noTargets') }}
      onRow={(r) => ({ 'data-testid': `target-row-${nameOf(r)}` }) as React.HTMLAttributes<HTMLElement>}
      expandable={{
        // `children` of a target are its allocation results, not tree rows of the same shape.
        childrenColumnName: 'noTreeRows',
        rowExpandable: (r) => (r.children?.length ?? 0) > 0,
        expandedRowRender: (r) => (
          <div data-testid={`allocation-${nameOf(r)}`}>
            <Typography.Text strong>
              {t('plan.target.allocationTitle', { count: r.children?.length ?? 0 })}
            </Typography.Text>
            <Table
              rowKey="unitId"
              size="small"
              pagination={false}
              style={{ marginTop: 8, maxWidth: 640 }}
              dataSource={r.children ?? []}
              columns={[
                { title: t('plan.target.unitCol'), dataIndex: 'label' },
                { title: t('plan.target.actual'), key: 'a', align: 'right', render: (_, c) => num(c.actual) },
                {
                  title: t('plan.target.status'),
                  key: 's',
                  render: (_, c) => (
                    <Space size={4}>
                      <TargetStatusTag status={c.status} />
                      {c.approximate && <Tag color="gold">{t('plan.target.approximate')}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          </div>
        ),
      }}
      columns={[
        {
          title: t('plan.target.id'),
          key: 'id',
          width: 96,
          render: (_, r) => {
            const c = check.get(r.id);
            return (
              <Flex vertical gap={4} align="start">
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {nameOf(r)}
                </Typography.Text>
                {c && (
                  <Tooltip title={c.reason}>
                    <Tag color={c.consistent ? 'green' : 'red'} data-testid={`check-${nameOf(r)}`}>
                      {t(c.consistent ? 'plan.page.consistent' : 'plan.page.inconsistent')}
                    </Tag>
                  </Tooltip>
                )}
              </Flex>
            );
          },
        },
        {
          title: t('plan.target.wording'),
          key: 'wording',
          width: 320,
          render: (_, r) => {
            const parent = r.parentId ? byId.get(r.parentId) : undefined;
            return (
              <Flex vertical gap={2}>
                <Typography.Text italic>«{r.wording}»</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.indicatorName}
                  {parent &&
                    ` · ${t(r.relation === 'allocated' ? 'plan.target.allocated' : 'plan.target.ofWhich', { code: nameOf(parent) })}`}
                </Typography.Text>
                {r.note && (
                  <Typography.Text
                    type="warning"
                    style={{ fontSize: 12 }}
                    data-testid={`target-note-${nameOf(r)}`}
                  >
                    <WarningOutlined /> {r.note}
                  </Typography.Text>
                )}
              </Flex>
            );
          },
        },
        {
          title: t('plan.target.figure'),
          key: 'figure',
          width: 150,
          render: (_, r) => (
            <Flex vertical gap={2}>
              <UnitFigure target={r} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.recurring
                  ? t('plan.target.recurring', { year: r.evaluation.year })
                  : t('plan.target.byYear', { year: r.targetYear })}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          title: t('plan.target.actual'),
          key: 'actual',
          width: 140,
          align: 'right',
          render: (_, r) => {
            const e = r.evaluation;
            return (
              <Flex vertical gap={2} align="end">
                {r.unitView?.mode === 'contribution' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(r.unitView.additive ? 'plan.target.contribution' : 'plan.target.unitValue')}
                  </Typography.Text>
                )}
                <Typography.Text
                  strong
                  data-testid={`target-actual-${nameOf(r)}`}
                  data-value={e.actual ?? ''}
                >
                  {num(e.actual)}
                  {e.actual !== null && r.unit && r.unit !== '%'
                    ? ` ${r.unit}`
                    : e.actual !== null && r.unit === '%'
                      ? '%'
                      : ''}
                </Typography.Text>
                {e.denominator !== null && e.numerator !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('plan.target.ratio', { numerator: num(e.numerator), denominator: num(e.denominator) })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.figuresYear
                    ? t('plan.target.figuresYear', { year: e.figuresYear })
                    : e.asOf
                      ? t('plan.target.asOf', { date: formatDate(e.asOf) })
                      : ''}
                </Typography.Text>
                <TrendSparkline points={e.trend} />
              </Flex>
            );
          },
        },
        {
          title: t('plan.target.status'),
          key: 'status',
          width: 130,
          render: (_, r) => (
            <Flex vertical gap={4} align="start">
              <TargetStatusTag status={r.evaluation.status} testId={`target-status-${nameOf(r)}`} />
              {r.evaluation.aboveRange && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('plan.target.aboveRange')}
                </Typography.Text>
              )}
              {r.evaluation.approximate && (
                <Tooltip title={r.evaluation.explanation}>
                  <Tag color="gold" icon={<WarningOutlined />} data-testid={`target-approx-${nameOf(r)}`}>
                    {t('plan.target.approximate')}
                  </Tag>
                </Tooltip>
              )}
            </Flex>
          ),
        },
        {
          title: t('plan.target.projection'),
          key: 'projection',
          width: 120,
          align: 'right',
          render: (_, r) => (
            <Flex vertical gap={2} align="end">
              <span>{projected(r.evaluation.projected, r)}</span>
              {r.evaluation.required !== null && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('plan.target.required')}: {projected(r.evaluation.required, r)}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 120,
          render: (_, r) => (
            <Flex vertical align="start">
              <Button
                size="small"
                type="link"
                icon={<TeamOutlined />}
                onClick={() => onDrill(r)}
                data-testid={`target-drill-${nameOf(r)}`}
              >
                {t('plan.target.drill')}
              </Button>
              {manage && (
                <Space size={0}>
                  <Tooltip title={t('plan.target.edit')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<EditOutlined />}
                      onClick={() => onEdit(r)}
                      aria-label={t('plan.target.edit')}
                    />
                  </Tooltip>
                  <Popconfirm
                    title={t('plan.target.deleteConfirm', { code: nameOf(r) })}
                    onConfirm={() => onDelete(r)}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('plan.target.delete')}
                    />
                  </Popconfirm>
                </Space>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
