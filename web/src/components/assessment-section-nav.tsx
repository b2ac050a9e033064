/** The tabs of the assessment section (campaigns, board, report, rubrics, import), each a page of its own. */
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { can, useCurrentUser } from '../current-user';

const PAGES = [
  { key: '/assessments', label: 'assessment.nav.campaigns' },
  { key: '/assessments/board', label: 'assessment.nav.board' },
  { key: '/assessments/report', label: 'assessment.nav.report' },
  { key: '/assessments/rubrics', label: 'assessment.nav.rubrics' },
  { key: '/assessments/import', label: 'assessment.nav.import', permission: 'assessment.confirm' as const },
] as const;

/** Tabs that navigate between the section's pages. */
export function AssessmentSectionNav() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const active = [...PAGES].reverse().find((p) => pathname === p.key || pathname.startsWith(`${p.key}/`));
  return (
    <Tabs
      activeKey={active?.key ?? '/assessments'}
      onChange={(key) => void navigate({ to: key })}
      style={{ marginBottom: 4 }}
      items={PAGES.filter((p) => !('permission' in p) || can(me, p.permission)).map((p) => ({
        key: p.key,
        label: <span data-testid={`assessment-nav-${p.key.split('/').pop()}`}>{t(p.label)}</span>,
      }))}
    />
  );
}
