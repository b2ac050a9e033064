/** /users: accounts in the caller's scope, server-paginated, with create and row actions. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../core/format';
import type { User } from '../api/types';
import { usersQuery } from '../api/users';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { UserFormModal } from '../components/user-form-modal';
import { UserRowActions } from '../components/user-row-actions';
import { can, useCurrentUser } from '../current-user';
import { useDebouncedValue } from '../lib/use-debounced-value';

/** User administration list; users without user.read see a 403 (the server refuses anyway). */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const q = useDebouncedValue(filter.trim(), 300);
  const allowed = can(me, 'user.read');
  const list = useQuery({ ...usersQuery({ q: q || undefined, page, pageSize }), enabled: allowed });
  const manage = can(me, 'user.manage');

  if (!allowed) return <Forbidden />;

  const columns: TableColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 150 },
    { title: t('users.fullName'), dataIndex: 'fullName' },
    {
      title: t('users.email'),
      dataIndex: 'email',
      responsive: ['xxl'],
      render: (v: string | null) => v ?? '',
    },
    { title: t('users.role'), dataIndex: 'roleLabel', width: 170 },
    { title: t('users.scope'), dataIndex: 'scopeLabel' },
    {
      title: t('users.status'),
      dataIndex: 'active',
      width: 130,
      render: (active: boolean) =>
        active ? (
          <Tag color="green">{t('users.active')}</Tag>
        ) : (
          <Tag color="default">{t('users.inactive')}</Tag>
        ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      responsive: ['xl'],
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
  ];
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 140,
      render: (_: unknown, user) => <UserRowActions user={user} isSelf={user.id === me.id} />,
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          manage &&
          me.assignableRoles.length > 0 && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="users-add"
            >
              {t('users.add')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(1);
          }}
          style={{ maxWidth: 420, marginBottom: 12 }}
          data-testid="users-filter"
        />
        <ErrorAlert error={list.error} />
        <Table<User>
          size="small"
          rowKey="id"
          data-testid="users-table"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('users.total', { total: formatNumber(total) }),
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
        />
      </Card>
      <UserFormModal open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
