/** /units/$id: one administrative unit with its place in the hierarchy and its lineage. */
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Breadcrumb, Card, Descriptions, Result, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import type { Unit } from '../api/types';
import { unitDetailQuery } from '../api/units';
import { ErrorAlert } from '../components/error-alert';
import { PageHeader } from '../components/page-header';
import { PageSpinner } from '../components/page-spinner';
import { UnitLineageList } from '../components/unit-lineage-list';
import { validityText } from '../lib/unit-validity';

const route = getRouteApi('/_app/units/$id');

/** Unit detail: facts, ancestors as breadcrumb, children, predecessors and successors. */
export function UnitDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const { date } = route.useSearch();
  const unitId = Number(id);
  const valid = Number.isInteger(unitId) && unitId > 0;
  const detail = useQuery({ ...unitDetailQuery(unitId), enabled: valid });

  if (!valid || (detail.error instanceof ApiError && detail.error.status === 404)) {
    return <Result status="404" title={t('unitDetail.notFound')} />;
  }
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <PageSpinner />;

  const { unit, ancestors, children, predecessors, successors } = detail.data;
  const search = date ? { date } : {};
  const validity = validityText(unit, t);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          {
            key: 'units',
            title: (
              <Link to="/units" search={search}>
                {t('nav.units')}
              </Link>
            ),
          },
          ...ancestors.map((a) => ({
            key: a.id,
            title: (
              <Link to="/units/$id" params={{ id: String(a.id) }} search={search}>
                {a.fullName}
              </Link>
            ),
          })),
          { key: 'self', title: unit.fullName },
        ]}
      />
      <PageHeader
        title={unit.fullName}
        extra={<Tag color={unit.era === 'pre2025' ? 'default' : 'blue'}>{t(`units.era.${unit.era}`)}</Tag>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          bordered
          items={[
            { key: 'name', label: t('units.name'), children: unit.name },
            {
              key: 'type',
              label: t('units.type'),
              children: t(`unitType.${unit.type}`, { defaultValue: unit.type }),
            },
            {
              key: 'code',
              label: t('units.code'),
              children: <Typography.Text style={{ fontFamily: 'monospace' }}>{unit.code}</Typography.Text>,
            },
            {
              key: 'level',
              label: t('units.level'),
              children: t(`unitLevel.${unit.level}`, { defaultValue: String(unit.level) }),
            },
            { key: 'validity', label: t('units.validity'), children: validity },
            { key: 'parent', label: t('units.parent'), children: unit.parentName ?? t('common.none') },
          ]}
        />
      </Card>
      <UnitLineageList title={t('unitDetail.predecessors')} links={predecessors} date={date} />
      <UnitLineageList title={t('unitDetail.successors')} links={successors} date={date} />
      {children.length > 0 && (
        <Card size="small" title={t('unitDetail.children', { count: children.length })}>
          <Table<Unit>
            size="small"
            rowKey="id"
            dataSource={children}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              {
                title: t('units.name'),
                dataIndex: 'fullName',
                render: (_: unknown, row) => (
                  <Link to="/units/$id" params={{ id: String(row.id) }} search={search}>
                    {row.fullName}
                  </Link>
                ),
              },
              { title: t('units.code'), dataIndex: 'code', width: 110 },
              {
                title: t('units.type'),
                dataIndex: 'type',
                width: 180,
                render: (type: string) => t(`unitType.${type}`, { defaultValue: type }),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
