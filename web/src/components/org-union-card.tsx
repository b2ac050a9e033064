/** Union links: the member cooperatives of a union (LHHTX), or the unions a cooperative belongs to. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { App, Button, Card, DatePicker, Flex, Form, Modal, Popconfirm, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { errorMessage } from '../api/client';
import { addUnionMember, removeUnionMember } from '../api/organisations';
import type { Profile, UnionLink } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { DATE_FORMAT, toIsoDate } from '../lib/dates';
import { ErrorAlert } from './error-alert';
import { OrgSelect } from './org-select';
import { KindTag, LegalStatusTag } from './registry-tags';

function LinkRow({ link, action, first }: { link: UnionLink; action?: ReactNode; first: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex
      justify="space-between"
      align="start"
      gap={8}
      style={{ padding: '6px 0', borderTop: first ? undefined : '1px solid #f0f0f0' }}
    >
      <Space orientation="vertical" size={0}>
        <Space size={6} wrap>
          <KindTag kind={link.kind} />
          <Link to="/organisations/$id" params={{ id: String(link.id) }}>
            {link.name}
          </Link>
        </Space>
        <Space size={6} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {link.communeName}
            {link.joinedOn ? ` · ${t('unions.joinedOn', { date: formatDate(link.joinedOn) })}` : ''}
          </Typography.Text>
          {link.legalStatus !== 'active' && <LegalStatusTag status={link.legalStatus} />}
        </Space>
      </Space>
      {action}
    </Flex>
  );
}

/** Nothing for an organisation with no union links that is not a union itself. */
export function OrgUnionCard({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const org = profile.organisation;
  const isUnion = org.kind === 'LHHTX';
  const write = can(me, 'org.write') && isUnion;
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ memberId: number; joinedOn?: Dayjs }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['organisation'] });
  const add = useMutation({
    mutationFn: (v: { memberId: number; joinedOn?: Dayjs }) =>
      addUnionMember(org.id, v.memberId, v.joinedOn ? toIsoDate(v.joinedOn) : null),
    onSuccess: async () => {
      message.success(t('unions.added'));
      setAdding(false);
      form.resetFields();
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (memberId: number) => removeUnionMember(org.id, memberId),
    onSuccess: async () => {
      message.success(t('unions.removed'));
      await refresh();
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  if (!isUnion && profile.unions.length === 0) return null;
  const links = isUnion ? profile.unionMembers : profile.unions;
  return (
    <Card
      size="small"
      title={isUnion ? t('unions.membersTitle', { count: links.length }) : t('unions.unionsTitle')}
      extra={
        write && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="union-add"
          >
            {t('unions.add')}
          </Button>
        )
      }
    >
      {links.length === 0 && <Typography.Text type="secondary">{t('unions.none')}</Typography.Text>}
      {links.map((l, i) => (
        <LinkRow
          key={l.id}
          link={l}
          first={i === 0}
          action={
            write && (
              <Popconfirm
                title={t('unions.removeConfirm', { name: l.name })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => remove.mutateAsync(l.id).catch(() => undefined)}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('unions.remove')}
                />
              </Popconfirm>
            )
          }
        />
      ))}
      <Modal
        open={adding}
        title={t('unions.addTitle')}
        okText={t('unions.add')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: add.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <ErrorAlert error={add.error} />
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item
            name="memberId"
            label={t('unions.member')}
            rules={[{ required: true, message: t('unions.memberRequired') }]}
          >
            <OrgSelect kind="HTX" excludeId={org.id} />
          </Form.Item>
          <Form.Item name="joinedOn" label={t('unions.joinedOnLabel')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
