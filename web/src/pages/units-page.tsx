/** /units: administrative units at a chosen date, with search and drill-down. */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, Card, DatePicker, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/page-header';
import { UnitPicker } from '../components/unit-picker';
import { UnitTreeTable } from '../components/unit-tree-table';
import { DATE_FORMAT, fromIsoDate, todayIso, toIsoDate } from '../lib/dates';

const route = getRouteApi('/_app/units');
// NQ 202/2025/QH15 and NQ 203/2025/QH15: two-level local government from 1/7/2025.
const REFORM_DATE = '2025-07-01';

/** Units browser: "Tại ngày" picker, "Tìm đơn vị" search, and the province → children tree. */
export function UnitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = route.useSearch();
  const date = search.date ?? todayIso();

  return (
    <>
      <PageHeader title={t('nav.units')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div">
          <Flex gap={16} wrap>
            <Form.Item label={t('units.atDate')} style={{ marginBottom: 0 }}>
              <DatePicker
                value={fromIsoDate(date)}
                format={DATE_FORMAT}
                allowClear={false}
                data-testid="units-date"
                onChange={(d) => {
                  if (d) void navigate({ to: '/units', search: { date: toIsoDate(d) } });
                }}
              />
            </Form.Item>
            <Form.Item label={t('units.find')} style={{ marginBottom: 0, flex: 1, minWidth: 280 }}>
              <UnitPicker
                date={date}
                placeholder={t('units.findPlaceholder')}
                onChange={(id) => {
                  if (id) void navigate({ to: '/units/$id', params: { id: String(id) }, search: { date } });
                }}
              />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={date < REFORM_DATE ? t('units.hintBefore') : t('units.hintAfter')}
      />
      <UnitTreeTable key={date} date={date} />
    </>
  );
}
