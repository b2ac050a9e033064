/** Dashboard counters of the registry in the user's scope, each a link to the matching list. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { organisationCountQuery } from '../api/organisations';
import { reviewQueueQuery } from '../api/reports';
import { can, useCurrentUser } from '../current-user';
import { ErrorAlert } from './error-alert';
import { StatCard } from './stat-card';

const KINDS = ['HTX', 'THT', 'LHHTX'] as const;

/** Number of HTX, THT and LHHTX (from the list's totals) and of reports awaiting review. */
export function RegistryStats() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const counts = {
    HTX: useQuery(organisationCountQuery({ kind: 'HTX' })),
    THT: useQuery(organisationCountQuery({ kind: 'THT' })),
    LHHTX: useQuery(organisationCountQuery({ kind: 'LHHTX' })),
  };
  const reviewer = can(me, 'report.review');
  const queue = useQuery({
    ...reviewQueueQuery({ status: 'submitted', page: 1, pageSize: 1 }),
    enabled: reviewer,
  });
  return (
    <>
      <Typography.Title level={5}>{t('dashboard.registry')}</Typography.Title>
      <ErrorAlert error={counts.HTX.error ?? queue.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {KINDS.map((k) => (
          <Col key={k} xs={24} sm={12} lg={6}>
            <Link
              to="/organisations"
              search={{ kind: k }}
              data-testid={`dashboard-count-${k}`}
              style={{ display: 'block', height: '100%' }}
            >
              <StatCard
                title={t(`dashboard.count.${k}`)}
                value={counts[k].data}
                loading={counts[k].isPending}
              />
            </Link>
          </Col>
        ))}
        {reviewer && (
          <Col xs={24} sm={12} lg={6}>
            <Link to="/reports" data-testid="dashboard-awaiting" style={{ display: 'block', height: '100%' }}>
              <StatCard
                title={t('dashboard.awaitingReview')}
                value={queue.data?.total}
                loading={queue.isPending}
              />
            </Link>
          </Col>
        )}
      </Row>
    </>
  );
}
