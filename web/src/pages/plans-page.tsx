/** /plans: "Kế hoạch, chỉ tiêu" — the province overview of the plans in force (default) and the plan list. */
import { FundOutlined, PlusOutlined } from '@ant-design/icons';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, DatePicker, Flex, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Forbidden } from '../components/forbidden';
import { PageHeader } from '../components/page-header';
import { PlanFormModal } from '../components/plan-form-modal';
import { PlanList } from '../components/plan-list';
import { PlanOverview } from '../components/plan-overview';
import { UnitPicker } from '../components/unit-picker';
import { can, useCurrentUser } from '../current-user';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';
import type { PlansSearch } from '../lib/plan-search';

const route = getRouteApi('/_app/plans');

/** A province user lands on the overview of its province; others pick a province or use the list. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/plans' });
  const [adding, setAdding] = useState(false);
  if (!can(me, 'plan.read')) return <Forbidden />;

  const ownProvince = me.scope.type === 'province' ? (me.scope.unitId ?? undefined) : undefined;
  const view = search.view ?? (ownProvince ? 'overview' : 'list');
  const provinceId = search.provinceId ?? ownProvince;
  const set = (patch: Partial<PlansSearch>, keepPage = false) =>
    void navigate({
      search: (prev) => ({ ...prev, ...patch, ...(keepPage ? {} : { page: patch.page }) }),
      replace: !keepPage,
    });

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        extra={
          <Space wrap>
            <Button icon={<FundOutlined />} onClick={() => void navigate({ to: '/indicators' })}>
              {t('plan.indicators')}
            </Button>
            {can(me, 'plan.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="plan-add"
              >
                {t('plan.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<'overview' | 'list'>
          value={view}
          options={[
            { value: 'overview', label: t('plan.views.overview') },
            { value: 'list', label: t('plan.views.list') },
          ]}
          onChange={(v) => set({ view: v })}
          data-testid="plans-view"
        />
        {view === 'overview' && (
          <>
            {!ownProvince && (
              <UnitPicker
                level={1}
                value={provinceId ?? null}
                placeholder={t('plan.overview.province')}
                onChange={(id) => set({ provinceId: id ?? undefined })}
                style={{ width: 280 }}
                data-testid="overview-province"
              />
            )}
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('plan.overview.date')}
              value={fromIsoDate(search.date) ?? null}
              onChange={(d) => set({ date: d ? toIsoDate(d) : undefined })}
            />
          </>
        )}
      </Flex>
      {view === 'overview' &&
        (provinceId ? (
          <PlanOverview provinceId={provinceId} date={search.date} />
        ) : (
          <Card size="small">
            <Alert type="info" showIcon title={t('plan.overview.pickProvince')} />
          </Card>
        ))}
      {view === 'list' && <PlanList search={search} onChange={set} />}
      {adding && (
        <PlanFormModal
          open
          plan={null}
          onClose={() => setAdding(false)}
          onSaved={(p) => void navigate({ to: '/plans/$id', params: { id: String(p.id) } })}
        />
      )}
    </>
  );
}
