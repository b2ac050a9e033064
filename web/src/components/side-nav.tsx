/** Left navigation: the app name and the menu entries the user may see. */
import { Link, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types';
import { can } from '../current-user';
import { Icon } from './icons';
import { activeNavKey, NAV_ITEMS } from './nav-items';

/** Below this width the menu folds to its icons on its own, as antd's `breakpoint="lg"` did. */
const WIDE = '(min-width: 992px)';

/** The viewport is at least `WIDE`; false where matchMedia is missing. */
const isWide = () => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches;

/**
 * Collapsible dark sider with permission-filtered entries as real links. It keeps the accessibility tree antd's
 * menu had (a menu of menuitems, each holding its link): the browser journeys find the entries by those roles.
 */
export function SideNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(() => !isWide());
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const selected = activeNavKey(pathname);
  const ownOrg = me.scope.type === 'organisation' ? me.scope.organisationId : null;

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(WIDE);
    const onChange = () => setCollapsed(!query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const items = NAV_ITEMS.filter((item) => !item.permission || can(me, item.permission));
  return (
    <aside className={`ht-sider${collapsed ? ' is-collapsed' : ''}`}>
      <div className="ht-brand">
        <div className="ht-brand-name">{t('app.name')}</div>
        {!collapsed && <div className="ht-brand-tagline">{t('app.tagline')}</div>}
      </div>
      <nav aria-label={t('app.name')}>
        <div className="ht-menu" role="menu">
          {items.map((item) => {
            // A cooperative user sees one organisation: its own, opened directly.
            const ownKey = ownOrg === null ? undefined : item.ownLabelKey;
            const label = t(ownKey ?? item.labelKey);
            return (
              <div
                key={item.to}
                role="menuitem"
                tabIndex={-1}
                className={item.to === selected ? 'ht-menu-item is-selected' : 'ht-menu-item'}
                title={collapsed ? label : undefined}
              >
                <Icon name={item.icon} />
                <span className="ht-menu-title">
                  {ownKey ? (
                    <Link to="/organisations/$id" params={{ id: String(ownOrg) }}>
                      {label}
                    </Link>
                  ) : (
                    // The router marks the active link (aria-current); '/' only on the dashboard itself.
                    <Link to={item.to} activeOptions={{ exact: item.to === '/' }}>
                      {label}
                    </Link>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </nav>
      <button
        type="button"
        className="ht-sider-trigger"
        onClick={() => setCollapsed((c) => !c)}
        aria-expanded={!collapsed}
        aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
      >
        <Icon name={collapsed ? 'right' : 'left'} />
      </button>
    </aside>
  );
}
