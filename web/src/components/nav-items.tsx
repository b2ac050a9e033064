/** The side menu entries, each with the permission that shows it. */
import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FundOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../../core/permissions';

/** One menu entry; `to` is also the key used to highlight the current page. */
export interface NavItem {
  to:
    | '/'
    | '/organisations'
    | '/reports'
    | '/assessments'
    | '/plans'
    | '/indicators'
    | '/units'
    | '/users'
    | '/audit'
    | '/account';
  labelKey: string;
  /** Label for a cooperative user, whose entry opens its own organisation instead of the list. */
  ownLabelKey?: string;
  icon: ReactNode;
  permission?: Permission;
}

// Assessments (Đánh giá) and plans (Kế hoạch) join this list when their pages exist; no entry
// points at a page that is not there yet.
/** Menu entries in display order. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.dashboard', icon: <DashboardOutlined /> },
  {
    to: '/organisations',
    labelKey: 'nav.organisations',
    ownLabelKey: 'nav.ownOrganisation',
    icon: <BankOutlined />,
    permission: 'org.read',
  },
  { to: '/reports', labelKey: 'nav.reports', icon: <FileDoneOutlined />, permission: 'report.review' },
  {
    to: '/assessments',
    labelKey: 'assessment.nav.menu',
    icon: <TrophyOutlined />,
    permission: 'assessment.read',
  },
  { to: '/plans', labelKey: 'plan.nav', icon: <FlagOutlined />, permission: 'plan.read' },
  { to: '/indicators', labelKey: 'plan.navIndicators', icon: <FundOutlined />, permission: 'plan.read' },
  { to: '/units', labelKey: 'nav.units', icon: <EnvironmentOutlined /> },
  { to: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  { to: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { to: '/account', labelKey: 'nav.account', icon: <UserOutlined /> },
];

/** The entry whose page contains `pathname` (longest prefix wins; '/' only matches itself). */
export function activeNavKey(pathname: string): string | undefined {
  let best: string | undefined;
  for (const item of NAV_ITEMS) {
    const match =
      item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (match && (!best || item.to.length > best.length)) best = item.to;
  }
  return best;
}
