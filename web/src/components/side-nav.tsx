/** Left navigation: the app name and the menu entries the user may see. */
import { Link, useRouterState } from '@tanstack/react-router';
import { Layout, Menu, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { can } from '../current-user';
import { activeNavKey, NAV_ITEMS } from './nav-items';

/** Collapsible sider with permission-filtered menu entries as real links. */
export function SideNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const selected = activeNavKey(pathname);
  const ownOrg = me.scope.type === 'organisation' ? me.scope.organisationId : null;
  const items = NAV_ITEMS.filter((item) => !item.permission || can(me, item.permission)).map((item) => ({
    key: item.to,
    icon: item.icon,
    label:
      // A cooperative user sees one organisation: its own, opened directly.
      item.ownLabelKey && ownOrg ? (
        <Link to="/organisations/$id" params={{ id: String(ownOrg) }}>
          {t(item.ownLabelKey)}
        </Link>
      ) : (
        <Link to={item.to}>{t(item.labelKey)}</Link>
      ),
  }));
  return (
    <Layout.Sider
      width={232}
      collapsible
      collapsed={collapsed}
      onCollapse={setCollapsed}
      breakpoint="lg"
      style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
    >
      <div style={{ padding: collapsed ? '16px 8px' : '16px 20px', color: '#fff' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: collapsed ? 16 : 20 }}>
          {t('app.name')}
        </Typography.Text>
        {!collapsed && (
          <div style={{ color: 'rgba(255,255,255,0.65)', fontSize: 12, lineHeight: 1.4, marginTop: 4 }}>
            {t('app.tagline')}
          </div>
        )}
      </div>
      <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
    </Layout.Sider>
  );
}
