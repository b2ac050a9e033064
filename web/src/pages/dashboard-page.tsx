/** /: welcome page with the user's scope and administrative unit counts. */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { unitStatsQuery } from '../api/units';
import { CoopHomeCard } from '../components/coop-home-card';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { RegistryStats } from '../components/registry-stats';
import { StatCard } from '../components/stat-card';
import { Card } from '../components/ui';
import { can, useCurrentUser } from '../current-user';

const UnitReformChart = lazy(() => import('../components/unit-reform-chart'));

/**
 * Greeting and scope; for officers the registry counters and the unit counts of GET /api/units/stats;
 * for a cooperative user its own organisation and this year's report.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const ownOrg = me.scope.type === 'organisation' ? me.scope.organisationId : null;

  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      <Card style={{ marginBottom: 16 }}>
        <h5 className="ht-title-5">{t('dashboard.greeting', { name: me.fullName })}</h5>
        <div>
          {t('dashboard.scope')}: <span className="ht-strong">{me.scope.label}</span>
        </div>
        <div className="ht-secondary">{t('dashboard.today', { date: formatDate(new Date()) })}</div>
      </Card>
      {ownOrg && <CoopHomeCard orgId={ownOrg} />}
      {!ownOrg && can(me, 'org.read') && <RegistryStats />}
      {!ownOrg && <UnitCounts />}
    </>
  );
}

/** The administrative unit counters and the reform chart. */
function UnitCounts() {
  const { t } = useTranslation();
  const stats = useQuery(unitStatsQuery());
  const s = stats.data;
  const loading = stats.isPending;
  return (
    <>
      <ErrorAlert error={stats.error} />
      <h5 className="ht-title-5">{t('dashboard.currentUnits')}</h5>
      <div className="ht-grid">
        <StatCard title={t('dashboard.provinces')} value={s?.provinces} loading={loading} />
        <StatCard title={t('dashboard.communes')} value={s?.communes} loading={loading} />
      </div>
      <h5 className="ht-title-5">{t('dashboard.previousUnits')}</h5>
      <div className="ht-grid">
        <StatCard title={t('dashboard.preProvinces')} value={s?.preProvinces} loading={loading} />
        <StatCard title={t('dashboard.preDistricts')} value={s?.preDistricts} loading={loading} />
        <StatCard title={t('dashboard.preCommunes')} value={s?.preCommunes} loading={loading} />
      </div>
      {s && (
        <Card title={t('dashboard.chartTitle')}>
          <Suspense fallback={<PageSpinner />}>
            <UnitReformChart stats={s} />
          </Suspense>
        </Card>
      )}
    </>
  );
}
