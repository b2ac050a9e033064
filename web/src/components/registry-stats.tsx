/** Dashboard counters of the registry in the user's scope, each a link to the matching list. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { CSSProperties } from 'react';
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
      <h5 className="ht-title-5">{t('dashboard.registry')}</h5>
      <ErrorAlert error={counts.HTX.error ?? queue.error} />
      <div className="ht-grid" style={{ '--ht-cols-lg': 4 } as CSSProperties}>
        {KINDS.map((k) => (
          <Link key={k} to="/organisations" search={{ kind: k }} data-testid={`dashboard-count-${k}`}>
            <StatCard
              title={t(`dashboard.count.${k}`)}
              value={counts[k].data}
              loading={counts[k].isPending}
            />
          </Link>
        ))}
        {reviewer && (
          <Link to="/reports" data-testid="dashboard-awaiting">
            <StatCard
              title={t('dashboard.awaitingReview')}
              value={queue.data?.total}
              loading={queue.isPending}
            />
          </Link>
        )}
      </div>
    </>
  );
}
