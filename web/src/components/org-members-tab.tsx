/** "Thành viên" tab: the member register, masked by default, with audited reveal, export and erasure. */
import { DeleteOutlined, DownloadOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../core/format';
import { MEMBER_TYPES } from '../../../core/registry/enums';
import { errorMessage } from '../api/client';
import { exportMember, membersQuery, revealMember } from '../api/members';
import { orgKey } from '../api/organisations';
import type { Member, Organisation } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { useCoded } from '../lib/coded';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { ErrorAlert } from './error-alert';
import { MemberEraseModal } from './member-erase-modal';
import { MemberFormModal } from './member-form-modal';

/** A masked date ("**∕**∕1980") stays as it is; a real one is shown dd/mm/yyyy. */
const dateOrMask = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : (v ?? ''));

/** The register table with its toolbar. */
export function OrgMembersTab({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useCoded();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const [type, setType] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [revealed, setRevealed] = useState<Record<number, Member>>({});
  const [editing, setEditing] = useState<Member | null | undefined>(undefined);
  const [erasing, setErasing] = useState<Member | null>(null);
  const q = useDebouncedValue(filter.trim(), 300);
  const list = useQuery(membersQuery(org.id, { q: q || undefined, type, page, pageSize }));
  const mayReveal = can(me, 'member.reveal');
  const mayWrite = can(me, 'member.write');

  const reveal = useMutation({
    mutationFn: (m: Member) => revealMember(org.id, m.id),
    onSuccess: (full) => setRevealed((prev) => ({ ...prev, [full.id]: full })),
    onError: (err) => message.error(errorMessage(err)),
  });
  const startEdit = useMutation({
    mutationFn: async (m: Member) => revealed[m.id] ?? (await revealMember(org.id, m.id)),
    onSuccess: (full) => {
      setRevealed((prev) => ({ ...prev, [full.id]: full }));
      setEditing(full);
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const download = useMutation({
    mutationFn: ({ m, format }: { m: Member; format: 'json' | 'xlsx' }) => exportMember(org.id, m.id, format),
    onSuccess: (name) => message.success(t('members.exported', { name })),
    onError: (err) => message.error(errorMessage(err)),
  });

  const row = (m: Member) => revealed[m.id] ?? m;
  const columns: TableColumnsType<Member> = [
    {
      title: t('orgList.rowNo'),
      key: 'no',
      width: 56,
      align: 'right',
      render: (_: unknown, __, i) => (page - 1) * pageSize + i + 1,
    },
    {
      title: t('memberField.fullName'),
      key: 'name',
      width: 220,
      render: (_: unknown, m) => (
        <Space size={4} wrap>
          <Typography.Text strong={!m.erased} type={m.erased ? 'secondary' : undefined}>
            {row(m).fullName}
          </Typography.Text>
          {revealed[m.id] && <Tag color="blue">{t('members.revealedTag')}</Tag>}
          {m.erased && <Tag>{t('members.erasedTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('memberField.memberType'),
      dataIndex: 'memberType',
      width: 200,
      render: (v: string) => label(MEMBER_TYPES, v),
    },
    {
      title: t('memberField.gender'),
      dataIndex: 'gender',
      width: 80,
      render: (v: string | null) => (v ? t(`members.gender.${v}`, { defaultValue: v }) : ''),
    },
    {
      title: t('memberField.birthDate'),
      key: 'birth',
      width: 110,
      render: (_: unknown, m) => dateOrMask(row(m).birthDate),
    },
    {
      title: t('members.idOrCode'),
      key: 'id',
      width: 150,
      render: (_: unknown, m) => (
        <Typography.Text style={{ fontFamily: 'monospace' }}>
          {row(m).orgCode ?? row(m).idNumber ?? ''}
        </Typography.Text>
      ),
    },
    {
      title: t('memberField.address'),
      key: 'address',
      width: 220,
      ellipsis: true,
      render: (_: unknown, m) => row(m).address ?? '',
    },
    {
      title: t('memberField.capitalPaid'),
      key: 'capital',
      width: 140,
      align: 'right',
      render: (_: unknown, m) => formatNumber(m.capitalPaid),
    },
    {
      title: t('memberField.joinedOn'),
      dataIndex: 'joinedOn',
      width: 110,
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('memberField.leftOn'),
      dataIndex: 'leftOn',
      width: 110,
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 190,
      render: (_: unknown, m) =>
        m.erased ? null : (
          <Space size={4}>
            {mayReveal && !revealed[m.id] && (
              <Tooltip title={t('members.revealHint')}>
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  loading={reveal.isPending && reveal.variables?.id === m.id}
                  onClick={() => reveal.mutate(m)}
                  data-testid="member-reveal"
                >
                  {t('members.reveal')}
                </Button>
              </Tooltip>
            )}
            {mayWrite && (
              <Tooltip title={t('members.edit')}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  loading={startEdit.isPending && startEdit.variables?.id === m.id}
                  onClick={() => startEdit.mutate(m)}
                  aria-label={t('members.edit')}
                  data-testid="member-edit"
                />
              </Tooltip>
            )}
            {mayReveal && (
              <Dropdown
                menu={{
                  items: [
                    { key: 'json', label: t('members.exportJson') },
                    { key: 'xlsx', label: t('members.exportXlsx') },
                  ],
                  onClick: ({ key }) => download.mutate({ m, format: key as 'json' | 'xlsx' }),
                }}
              >
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={t('members.export')}
                  data-testid="member-export"
                />
              </Dropdown>
            )}
            {can(me, 'member.erase') && (
              <Tooltip title={t('members.erase')}>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => setErasing(m)}
                  aria-label={t('members.erase')}
                  data-testid="member-erase"
                />
              </Tooltip>
            )}
          </Space>
        ),
    },
  ];

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('members.maskNotice')}
        data-testid="members-mask-notice"
      />
      {list.data && (
        <Typography.Paragraph data-testid="members-summary" style={{ marginBottom: 8 }}>
          {t('members.registerCount', { count: formatNumber(list.data.registerCount) })}
          {list.data.reportedYear !== null && list.data.reportedCount !== null && (
            <Typography.Text
              type={list.data.reportedCount !== list.data.registerCount ? 'warning' : 'secondary'}
            >
              {' · '}
              {t('members.reportedCount', {
                year: list.data.reportedYear,
                count: formatNumber(list.data.reportedCount),
              })}
            </Typography.Text>
          )}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('members.searchPlaceholder')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(1);
          }}
          style={{ maxWidth: 320 }}
        />
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('memberField.memberType')}
          value={type}
          options={options(MEMBER_TYPES)}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
        />
        <span style={{ flex: 1 }} />
        {mayWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="member-add"
          >
            {t('members.add')}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<Member>
        size="small"
        rowKey="id"
        data-testid="members-table"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('members.total', { total: formatNumber(n) }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <MemberFormModal
        key={editing?.id ?? 'new'}
        orgId={org.id}
        open={editing !== undefined}
        member={editing ?? null}
        onClose={() => setEditing(undefined)}
      />
      <MemberEraseModal
        orgId={org.id}
        member={erasing}
        onClose={(erased) => {
          if (erased && erasing) {
            setRevealed(({ [erasing.id]: _, ...rest }) => rest);
            void queryClient.invalidateQueries({ queryKey: [...orgKey(org.id), 'members'] });
          }
          setErasing(null);
        }}
      />
    </>
  );
}
