/** "Lịch sử" tab: the organisation's audit trail, newest first, with before/after per entry. */
import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../core/format';
import { EVENT_KINDS } from '../../../core/registry/enums';
import { historyQuery } from '../api/organisations';
import type { HistoryEntry } from '../api/registry-types';
import { useCoded } from '../lib/coded';
import { changedKeys, changeKind } from '../lib/json-diff';
import { ErrorAlert } from './error-alert';
import { JsonDiff } from './json-diff';

/** Paged table of audit rows; the summary names the fields that changed in the user's language. */
export function OrgHistoryTab({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const { label } = useCoded();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useQuery(historyQuery(orgId, page, pageSize));

  const actionLabel = (action: string) => {
    const event = /^organisation\.event\.(\w+)$/.exec(action);
    if (event) return t('history.event', { kind: label(EVENT_KINDS, event[1]) });
    return t(`auditAction.${action.replace(/\./g, '_')}`, { defaultValue: action });
  };
  const summary = (e: HistoryEntry) => {
    const kind = changeKind(e.before, e.after);
    if (kind !== 'changed') return t(`audit.kind.${kind}`);
    const keys = changedKeys(e.before, e.after).filter((k) => k !== 'version' && k !== 'event');
    if (keys.length === 0) return t('audit.kind.changed');
    return t('audit.changedFields', {
      fields: keys.map((k) => t(`orgField.${k}`, { defaultValue: k })).join(', '),
    });
  };

  const columns: TableColumnsType<HistoryEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 140, render: (v: string) => formatDateTime(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 180,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 240,
      render: (a: string) => <span title={a}>{actionLabel(a)}</span>,
    },
    { title: t('audit.summary'), key: 'summary', render: (_: unknown, e) => summary(e) },
  ];

  return (
    <>
      <ErrorAlert error={list.error} />
      <Table<HistoryEntry>
        size="small"
        rowKey="id"
        data-testid="org-history"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('history.empty') }}
        expandable={{ expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('audit.total', { total: formatNumber(total) }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
    </>
  );
}
