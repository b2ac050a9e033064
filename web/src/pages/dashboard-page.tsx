/** /: welcome page with the user's scope and administrative unit counts. */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
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
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('dashboard.greeting', { name: me.fullName })}
        </Typography.Title>
        <Typography.Text>
          {t('dashboard.scope')}: <Typography.Text strong>{me.scope.label}</Typography.Text>
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t('dashboard.today', { date: formatDate(new Date()) })}
        </Typography.Text>
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
      <Typography.Title level={5}>{t('dashboard.currentUnits')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={8}>
          <StatCard title={t('dashboard.provinces')} value={s?.provinces} loading={loading} />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <StatCard title={t('dashboard.communes')} value={s?.communes} loading={loading} />
        </Col>
      </Row>
      <Typography.Title level={5}>{t('dashboard.previousUnits')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} lg={8}>
          <StatCard title={t('dashboard.preProvinces')} value={s?.preProvinces} loading={loading} />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <StatCard title={t('dashboard.preDistricts')} value={s?.preDistricts} loading={loading} />
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <StatCard title={t('dashboard.preCommunes')} value={s?.preCommunes} loading={loading} />
        </Col>
      </Row>
      {s && (
        <Card size="small" title={t('dashboard.chartTitle')}>
          <Suspense fallback={<PageSpinner />}>
            <UnitReformChart stats={s} />
          </Suspense>
        </Card>
      )}
    </>
  );
}
