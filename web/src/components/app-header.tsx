/** Top bar: the user's scope, language switch, the user and sign-out. */
import { BankOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Avatar, Button, Flex, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout, ME_KEY } from '../api/auth';
import type { Me } from '../api/types';
import { LangSwitch } from './lang-switch';

/** Header of the app shell; everything the user sees about themselves is rendered as text. */
export function AppHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);

  async function onLogout() {
    setLeaving(true);
    try {
      await logout();
    } catch {
      // Sign out locally even if the server is unreachable; the session expires on its own.
    }
    queryClient.setQueryData(ME_KEY, null);
    await navigate({ to: '/login' });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }

  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        borderBottom: '1px solid #e5e9f0',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        <BankOutlined style={{ color: '#1d4f91' }} />
        <Typography.Text strong ellipsis data-testid="scope-label" title={me.scope.label}>
          {me.scope.label}
        </Typography.Text>
      </Flex>
      <Flex align="center" gap={8} style={{ flexShrink: 0 }}>
        <LangSwitch />
        <Link to="/account" data-testid="user-menu" style={{ color: 'inherit' }} title={t('nav.account')}>
          <Flex align="center" gap={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d4f91' }} />
            <Flex vertical style={{ lineHeight: 1.25 }}>
              <Typography.Text strong>{me.fullName}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {me.roleLabel}
              </Typography.Text>
            </Flex>
          </Flex>
        </Link>
        <Button icon={<LogoutOutlined />} onClick={onLogout} loading={leaving} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
