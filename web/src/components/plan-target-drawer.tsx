/** Drill-down of a target: the organisations counted in its actual (or its base), paginated, each a link. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Drawer, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import { LEGAL_STATUSES, ORGANISATION_KINDS } from '../../../core/registry/enums';
import { type CountedOrganisation, type PlanTarget, targetOrganisationsQuery } from '../api/plans';
import { useCoded } from '../lib/coded';
import { ErrorAlert } from './error-alert';

const PAGE_SIZE = 20;

/**
 * The drawer; `target` null keeps it closed. With `unitId` (the page read for one unit) it lists the organisations
 * behind the actual the row shows for that unit, not the whole territory's.
 */
export function PlanTargetDrawer({
  planId,
  target,
  date,
  unitId,
  onClose,
}: {
  planId: number;
  target: PlanTarget | null;
  date?: string;
  unitId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { label } = useCoded();
  const [set, setSet] = useState<'numerator' | 'denominator'>('numerator');
  const [page, setPage] = useState(1);
  const q = useQuery({
    ...targetOrganisationsQuery(planId, target?.id ?? 0, { date, unitId, set, page, pageSize: PAGE_SIZE }),
    enabled: !!target,
  });
  const hasBase = target?.evaluation.denominator !== null && target?.evaluation.denominator !== undefined;
  const name = target ? `${target.code}${target.part}` : '';

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={880}
      title={t('plan.drill.title', { code: name })}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          setSet('numerator');
          setPage(1);
        }
      }}
      data-testid="drill-drawer"
    >
      {target && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          «{target.wording}» · {target.indicatorName}
        </Typography.Paragraph>
      )}
      {hasBase && (
        <Segmented<'numerator' | 'denominator'>
          style={{ marginBottom: 12 }}
          value={set}
          options={[
            { value: 'numerator', label: t('plan.drill.numerator') },
            { value: 'denominator', label: t('plan.drill.denominator') },
          ]}
          onChange={(v) => {
            setSet(v);
            setPage(1);
          }}
        />
      )}
      <ErrorAlert error={q.error} />
      {q.data?.note && <Alert type="info" showIcon title={q.data.note} style={{ marginBottom: 12 }} />}
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }} data-testid="drill-total">
        {q.data ? t('plan.drill.total', { total: formatNumber(q.data.total) }) : '\u00a0'}
      </Typography.Text>
      <Table<CountedOrganisation>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        data-testid="drill-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('plan.drill.name'),
            key: 'name',
            render: (_, o) => (
              <Link to="/organisations/$id" params={{ id: String(o.id) }} data-testid="drill-org">
                {o.name}
              </Link>
            ),
          },
          { title: t('plan.drill.regCode'), dataIndex: 'regCode', width: 120 },
          {
            title: t('plan.drill.kind'),
            key: 'kind',
            width: 110,
            render: (_, o) => label(ORGANISATION_KINDS, o.kind),
          },
          { title: t('plan.drill.commune'), dataIndex: 'communeName', width: 160 },
          {
            title: t('plan.drill.status'),
            key: 'legalStatus',
            width: 150,
            render: (_, o) => label(LEGAL_STATUSES, o.legalStatus),
          },
        ]}
      />
    </Drawer>
  );
}
