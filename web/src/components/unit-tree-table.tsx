/** Drill-down table of administrative units valid at one date. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { App, Space, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import type { Unit } from '../api/types';
import { unitListQuery } from '../api/units';
import { validityText } from '../lib/unit-validity';
import { ErrorAlert } from './error-alert';

interface UnitRow extends Unit {
  key: number;
  children?: UnitRow[];
}

/** Provinces at `date`, each expandable into its children (loaded on first expand). Remount on a new date. */
export function UnitTreeTable({ date }: { date: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roots = useQuery(unitListQuery({ date }));
  const [childrenOf, setChildrenOf] = useState<Record<number, Unit[]>>({});
  const [expanded, setExpanded] = useState<number[]>([]);
  const [loadingIds, setLoadingIds] = useState<number[]>([]);

  async function onExpand(open: boolean, row: UnitRow) {
    setExpanded((prev) => (open ? [...prev, row.id] : prev.filter((id) => id !== row.id)));
    if (!open || childrenOf[row.id]) return;
    setLoadingIds((prev) => [...prev, row.id]);
    try {
      const res = await queryClient.fetchQuery(unitListQuery({ date, parentId: row.id }));
      setChildrenOf((prev) => ({ ...prev, [row.id]: res.items }));
    } catch (err) {
      message.error(errorMessage(err));
      setExpanded((prev) => prev.filter((id) => id !== row.id));
    } finally {
      setLoadingIds((prev) => prev.filter((id) => id !== row.id));
    }
  }

  const toRows = (units: Unit[]): UnitRow[] =>
    units.map((unit) => {
      const kids = childrenOf[unit.id];
      const leaf = unit.level === 3 || (kids !== undefined && kids.length === 0);
      return { ...unit, key: unit.id, children: leaf ? undefined : kids ? toRows(kids) : [] };
    });

  const columns: TableColumnsType<UnitRow> = [
    {
      title: t('units.name'),
      dataIndex: 'fullName',
      render: (_: unknown, row) => (
        <Space size={8}>
          <Link to="/units/$id" params={{ id: String(row.id) }} search={{ date }}>
            {row.fullName}
          </Link>
          {loadingIds.includes(row.id) && <Spin size="small" />}
        </Space>
      ),
    },
    {
      title: t('units.code'),
      dataIndex: 'code',
      width: 110,
      render: (code: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{code}</Typography.Text>,
    },
    {
      title: t('units.type'),
      dataIndex: 'type',
      width: 180,
      render: (type: string) => t(`unitType.${type}`, { defaultValue: type }),
    },
    {
      title: t('units.validity'),
      key: 'validity',
      width: 240,
      render: (_: unknown, row) => validityText(row, t),
    },
  ];

  if (roots.error) return <ErrorAlert error={roots.error} />;
  return (
    <Table<UnitRow>
      size="small"
      rowKey="key"
      data-testid="units-table"
      loading={roots.isPending}
      columns={columns}
      dataSource={toRows(roots.data?.items ?? [])}
      pagination={false}
      expandable={{ expandedRowKeys: expanded, onExpand }}
      locale={{ emptyText: t('units.empty') }}
    />
  );
}
