/** /indicators: the catalogue with definitions, manual figures with their source, and the indicator builder. */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../components/forbidden';
import { IndicatorBuilder } from '../components/indicator-builder';
import { IndicatorCatalogue } from '../components/indicator-catalogue';
import { IndicatorManualValues } from '../components/indicator-manual-values';
import { PageHeader } from '../components/page-header';
import { can, useCurrentUser } from '../current-user';

const route = getRouteApi('/_app/indicators');

/** Tabs kept in the URL (?tab=); the builder tab shows only to users who may define indicators. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { tab = 'catalogue' } = route.useSearch();
  const navigate = useNavigate({ from: '/indicators' });
  if (!can(me, 'plan.read')) return <Forbidden />;
  const mayDefine = can(me, 'indicator.define');
  // A national user may preview over the whole country; others over their own area.
  const ownUnit = me.scope.type === 'nation' ? null : me.scope.unitId;
  return (
    <>
      <PageHeader title={t('plan.ind.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          void navigate({
            search: k === 'catalogue' ? {} : { tab: k as 'manual' | 'builder' },
            replace: true,
          })
        }
        destroyOnHidden
        items={[
          {
            key: 'catalogue',
            label: t('plan.ind.tabs.catalogue'),
            children: <IndicatorCatalogue mayDefine={mayDefine} />,
          },
          {
            key: 'manual',
            label: t('plan.ind.tabs.manual'),
            children: <IndicatorManualValues mayEnter={can(me, 'indicator.manual')} />,
          },
          ...(mayDefine
            ? [
                {
                  key: 'builder',
                  label: t('plan.ind.tabs.builder'),
                  children: <IndicatorBuilder defaultUnitId={ownUnit} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
