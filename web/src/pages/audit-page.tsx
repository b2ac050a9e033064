/** /audit: the audit log, server-paginated, with filters and before/after diffs. */
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Card, DatePicker, Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../core/format';
import { auditQuery } from '../api/audit';
import type { AuditEntry } from '../api/types';
import { ActorSelect, type ActorValue } from '../components/actor-select';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { JsonDiff } from '../components/json-diff';
import { PageHeader } from '../components/page-header';
import { can, useCurrentUser } from '../current-user';
import { DATE_FORMAT, toIsoDate } from '../lib/dates';
import { changedKeys, changeKind } from '../lib/json-diff';
import { useDebouncedValue } from '../lib/use-debounced-value';

// Suggestions only: any entity type can be typed.
const ENTITY_TYPES = ['user', 'attachment', 'organisation'];

type Range = [Dayjs | null, Dayjs | null] | null;

/** Audit log for users with audit.read. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [actor, setActor] = useState<ActorValue | undefined>();
  const [entityInput, setEntityInput] = useState('');
  const [range, setRange] = useState<Range>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const entityType = useDebouncedValue(entityInput.trim(), 300);
  const allowed = can(me, 'audit.read');
  const list = useQuery({
    ...auditQuery({
      actorId: actor?.value,
      entityType: entityType || undefined,
      from: range?.[0] ? toIsoDate(range[0]) : undefined,
      to: range?.[1] ? toIsoDate(range[1]) : undefined,
      page,
      pageSize,
    }),
    enabled: allowed,
  });

  if (!allowed) return <Forbidden />;

  const entityLabel = (type: string) => t(`entityType.${type}`, { defaultValue: type });
  const summary = (e: AuditEntry): string => {
    const kind = changeKind(e.before, e.after);
    if (kind !== 'changed') return t(`audit.kind.${kind}`);
    const keys = changedKeys(e.before, e.after);
    return keys.length ? t('audit.changedFields', { fields: keys.join(', ') }) : t('audit.kind.changed');
  };

  const columns: TableColumnsType<AuditEntry> = [
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
      width: 200,
      render: (action: string) => (
        <span title={action}>{t(`auditAction.${action.replace(/\./g, '_')}`, { defaultValue: action })}</span>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 180,
      render: (_: unknown, e) => `${entityLabel(e.entityType)}${e.entityId != null ? ` #${e.entityId}` : ''}`,
    },
    { title: t('audit.summary'), key: 'summary', render: (_: unknown, e) => summary(e) },
  ];

  const resetPage = () => setPage(1);

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <ActorSelect
            value={actor}
            onChange={(v) => {
              setActor(v);
              resetPage();
            }}
          />
          <AutoComplete
            allowClear
            style={{ width: 220 }}
            placeholder={t('audit.entityTypePlaceholder')}
            value={entityInput}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: `${entityLabel(type)} (${type})` }))}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase()),
            }}
            onChange={(v: string | undefined) => {
              setEntityInput(v ?? '');
              resetPage();
            }}
            data-testid="audit-entity-type"
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            allowEmpty={[true, true]}
            placeholder={[t('audit.from'), t('audit.to')]}
            onChange={(v) => {
              setRange(v);
              resetPage();
            }}
            data-testid="audit-range"
          />
        </Flex>
        <ErrorAlert error={list.error} />
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          data-testid="audit-table"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (e) => (
              <>
                <JsonDiff before={e.before} after={e.after} />
                {e.requestId && (
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                    {t('audit.requestId')}: {e.requestId}
                  </Typography.Text>
                )}
              </>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('audit.total', { total: formatNumber(total) }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
    </>
  );
}
