/** The side menu entries, each with the permission that shows it. */
import type { Permission } from '../../../core/permissions';
import type { IconName } from './icons';

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
  icon: IconName;
  permission?: Permission;
}

// Assessments (Đánh giá) and plans (Kế hoạch) join this list when their pages exist; no entry
// points at a page that is not there yet.
/** Menu entries in display order. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', labelKey: 'nav.dashboard', icon: 'dashboard' },
  {
    to: '/organisations',
    labelKey: 'nav.organisations',
    ownLabelKey: 'nav.ownOrganisation',
    icon: 'bank',
    permission: 'org.read',
  },
  { to: '/reports', labelKey: 'nav.reports', icon: 'fileDone', permission: 'report.review' },
  {
    to: '/assessments',
    labelKey: 'nav.assessments',
    icon: 'trophy',
    permission: 'assessment.read',
  },
  { to: '/plans', labelKey: 'nav.plans', icon: 'flag', permission: 'plan.read' },
  { to: '/indicators', labelKey: 'nav.indicators', icon: 'fund', permission: 'plan.read' },
  { to: '/units', labelKey: 'nav.units', icon: 'environment' },
  { to: '/users', labelKey: 'nav.users', icon: 'team', permission: 'user.read' },
  { to: '/audit', labelKey: 'nav.audit', icon: 'audit', permission: 'audit.read' },
  { to: '/account', labelKey: 'nav.account', icon: 'user' },
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
