/** Code-based route tree: /login outside the shell, everything else inside it behind a session check. */
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
import { isIsoDate } from './lib/dates';
import { validateIndicatorsSearch, validatePlanPageSearch, validatePlansSearch } from './lib/plan-search';
import {
  validateImportSearch,
  validateOrgListSearch,
  validateOrgPageSearch,
  validateQueueSearch,
  validateReportSearch,
} from './lib/search-params';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
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

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions());
    if (me) throw redirect({ to: '/' });
  },
  component: LoginPage,
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
  component: lazyRouteComponent(() => import('./pages/dashboard-page'), 'DashboardPage'),
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  validateSearch: validateUnitSearch,
  component: lazyRouteComponent(() => import('./pages/units-page'), 'UnitsPage'),
});

const unitDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$id',
  validateSearch: validateUnitSearch,
  component: lazyRouteComponent(() => import('./pages/unit-detail-page'), 'UnitDetailPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('./pages/users-page'), 'UsersPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./pages/audit-page'), 'AuditPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./pages/account-page'), 'AccountPage'),
});

const organisationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations',
  validateSearch: validateOrgListSearch,
  component: lazyRouteComponent(() => import('./pages/organisations-page'), 'OrganisationsPage'),
});

const organisationNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/new',
  component: lazyRouteComponent(() => import('./pages/organisation-form-page'), 'OrganisationCreatePage'),
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/import',
  validateSearch: validateImportSearch,
  component: lazyRouteComponent(() => import('./pages/import-page'), 'ImportPage'),
});

const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id',
  validateSearch: validateOrgPageSearch,
  component: lazyRouteComponent(() => import('./pages/organisation-page'), 'OrganisationPage'),
});

const organisationEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id/edit',
  component: lazyRouteComponent(() => import('./pages/organisation-form-page'), 'OrganisationEditPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id/reports/$year',
  validateSearch: validateReportSearch,
  component: lazyRouteComponent(() => import('./pages/report-page'), 'ReportPage'),
});

const reviewQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  validateSearch: validateQueueSearch,
  component: lazyRouteComponent(() => import('./pages/reports-page'), 'ReportsPage'),
});

// Yearly assessment of cooperatives (issue 4): campaigns, board, report, rubrics, import, and the form.
const assessmentCampaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments',
  validateSearch: validateCampaignSearch,
  component: lazyRouteComponent(() => import('./pages/assessment-campaigns-page'), 'AssessmentCampaignsPage'),
});

const assessmentBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/board',
  validateSearch: validateUnitYearSearch,
  component: lazyRouteComponent(() => import('./pages/assessment-board-page'), 'AssessmentBoardPage'),
});

const assessmentReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/report',
  validateSearch: validateUnitYearSearch,
  component: lazyRouteComponent(() => import('./pages/assessment-report-page'), 'AssessmentReportPage'),
});

const rubricsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/rubrics',
  component: lazyRouteComponent(() => import('./pages/rubrics-page'), 'RubricsPage'),
});

const rubricRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/rubrics/$id',
  component: lazyRouteComponent(() => import('./pages/rubric-page'), 'RubricPage'),
});

const assessmentImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/assessments/import',
  component: lazyRouteComponent(() => import('./pages/assessment-import-page'), 'AssessmentImportPage'),
});

const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisations/$id/assessments/$year',
  component: lazyRouteComponent(() => import('./pages/assessment-page'), 'AssessmentPage'),
});

// Plans with targets evaluated live, and the indicators they are computed with (issue 5).
const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: validatePlansSearch,
  component: lazyRouteComponent(() => import('./pages/plans-page'), 'PlansPage'),
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$id',
  validateSearch: validatePlanPageSearch,
  component: lazyRouteComponent(() => import('./pages/plan-page'), 'PlanPage'),
});

const indicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators',
  validateSearch: validateIndicatorsSearch,
  component: lazyRouteComponent(() => import('./pages/indicators-page'), 'IndicatorsPage'),
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
}
