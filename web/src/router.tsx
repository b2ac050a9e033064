/**
 * Code-based route tree: /login outside the shell, everything else inside it behind a session check.
 * Every page but the dashboard is an `antdPage`: its loader fetches antd and the page strings with the page's
 * chunk (page-resources.tsx); the dashboard renders with the shell's own components (issue 6's first-load budget).
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQueryOptions } from './api/auth';
import { AppShell } from './components/app-shell';
import { PageSpinner } from './components/page-spinner';
import { RouteError } from './components/route-error';
import { validateCampaignSearch, validateUnitYearSearch } from './lib/assessment-search';
import { isIsoDate } from './lib/calendar';
import { validateIndicatorsSearch, validatePlanPageSearch, validatePlansSearch } from './lib/plan-search';
import {
  validateImportSearch,
  validateOrgListSearch,
  validateOrgPageSearch,
  validateQueueSearch,
  validateReportSearch,
} from './lib/search-params';
import { loadPageResources } from './page-resources';
import { queryClient } from './query-client';

/** What every route's loader and beforeLoad receive. */
export interface RouterContext {
  queryClient: QueryClient;
}

/** Search params of the unit pages: the date the units are shown at. */
export interface UnitSearch {
  date?: string;
}

const validateUnitSearch = (search: Record<string, unknown>): UnitSearch =>
  isIsoDate(search.date) ? { date: search.date } : {};

/**
 * Route options of a lazily loaded page that uses antd and the page strings: the loader fetches both in parallel
 * with the page's own chunk, and the shell wraps the page in antd's providers (PageScope).
 */
function antdPage<T extends Record<string, unknown>, TKey extends keyof T & string>(
  importer: () => Promise<T>,
  exportName: TKey,
) {
  return { loader: loadPageResources, component: lazyRouteComponent(importer, exportName) };
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import('./pages/not-found-page'), 'NotFoundPage'),
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) throw redirect({ to: '/' });
  },
  ...antdPage(() => import('./pages/login-page'), 'LoginPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (!me) throw redirect({ to: '/login' });
  },
  component: AppShell,
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  staticData: { withoutAntd: true },
  component: lazyRouteComponent(() => import('./pages/dashboard-page'), 'DashboardPage'),
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  validateSearch: validateUnitSearch,
  ...antdPage(() => import('./pages/units-page'), 'UnitsPage'),
});

const unitDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$id',
  validateSearch: validateUnitSearch,
  ...antdPage(() => import('./pages/unit-detail-page'), 'UnitDetailPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  ...antdPage(() => import('./pages/users-page'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  ...antdPage(() => import('./pages/audit-page'), 'AuditPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  ...antdPage(() => import('./pages/account-page'), 'AccountPage'),
});

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations',
  validateSearch: validateOrgListSearch,
  ...antdPage(() => import('./pages/organisations-page'), 'OrganisationsPage'),
});

const organisationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/new',
  ...antdPage(() => import('./pages/organisation-form-page'), 'OrganisationCreatePage'),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/import',
  validateSearch: validateImportSearch,
  ...antdPage(() => import('./pages/import-page'), 'ImportPage'),
});

const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id',
  validateSearch: validateOrgPageSearch,
  ...antdPage(() => import('./pages/organisation-page'), 'OrganisationPage'),
});

const organisationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id/edit',
  ...antdPage(() => import('./pages/organisation-form-page'), 'OrganisationEditPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id/reports/$year',
  validateSearch: validateReportSearch,
  ...antdPage(() => import('./pages/report-page'), 'ReportPage'),
});

const reviewQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  validateSearch: validateQueueSearch,
  ...antdPage(() => import('./pages/reports-page'), 'ReportsPage'),
});

// Yearly assessment of cooperatives (issue 4): campaigns, board, report, rubrics, import, and the form.
const assessmentCampaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments',
  validateSearch: validateCampaignSearch,
  ...antdPage(() => import('./pages/assessment-campaigns-page'), 'AssessmentCampaignsPage'),
});

const assessmentBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/board',
  validateSearch: validateUnitYearSearch,
  ...antdPage(() => import('./pages/assessment-board-page'), 'AssessmentBoardPage'),
});

const assessmentReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/report',
  validateSearch: validateUnitYearSearch,
  ...antdPage(() => import('./pages/assessment-report-page'), 'AssessmentReportPage'),
});

const rubricsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/rubrics',
  ...antdPage(() => import('./pages/rubrics-page'), 'RubricsPage'),
});

const rubricRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/rubrics/$id',
  ...antdPage(() => import('./pages/rubric-page'), 'RubricPage'),
});

const assessmentImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/import',
  ...antdPage(() => import('./pages/assessment-import-page'), 'AssessmentImportPage'),
});

const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id/assessments/$year',
  ...antdPage(() => import('./pages/assessment-page'), 'AssessmentPage'),
});

// Plans with targets evaluated live, and the indicators they are computed with (issue 5).
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: validatePlansSearch,
  ...antdPage(() => import('./pages/plans-page'), 'PlansPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$id',
  validateSearch: validatePlanPageSearch,
  ...antdPage(() => import('./pages/plan-page'), 'PlanPage'),
});

const indicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators',
  validateSearch: validateIndicatorsSearch,
  ...antdPage(() => import('./pages/indicators-page'), 'IndicatorsPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    dashboardRoute,
    unitsRoute,
    unitDetailRoute,
    organisationsRoute,
    organisationNewRoute,
    importRoute,
    organisationRoute,
    organisationEditRoute,
    reportRoute,
    reviewQueueRoute,
    assessmentCampaignsRoute,
    assessmentBoardRoute,
    assessmentReportRoute,
    rubricsRoute,
    rubricRoute,
    assessmentImportRoute,
    assessmentRoute,
    plansRoute,
    planRoute,
    indicatorsRoute,
    usersRoute,
    auditRoute,
    accountRoute,
  ]),
]);

/** The app's router. */
export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: PageSpinner,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /** The page draws with the shell's own components: no antd providers, no page strings (the dashboard). */
    withoutAntd?: boolean;
  }
}
