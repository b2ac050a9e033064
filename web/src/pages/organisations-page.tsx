/** /organisations: "Tổ chức KTTT", the registry list with search, filters, sort, pages and Excel. */
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, Navigate, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import { errorMessage } from '../api/client';
import { type OrgFilters as OrgFilterValues, organisationsQuery } from '../api/organisations';
import { exportOrganisations } from '../api/registry-io';
import { ErrorAlert } from '../components/error-alert';
import { Forbidden } from '../components/forbidden';
import { OrgFilters } from '../components/org-filters';
import { OrgTable } from '../components/org-table';
import { PageHeader } from '../components/page-header';
import { can, useCurrentUser } from '../current-user';
import type { OrgListSearch } from '../lib/search-params';

const route = getRouteApi('/_app/organisations');

/** The filters of a search, without sort and page (what the export and the counts take). */
export function filtersOf(s: OrgListSearch): OrgFilterValues {
  return {
    q: s.q,
    kind: s.kind,
    legalStatus: s.legalStatus,
    field: s.field,
    newModel: s.newModel,
    unitId: s.unitId,
    year: s.year,
    paperOnly: s.paperOnly,
    band: s.band,
    bandYear: s.bandYear,
  };
}

/** Registry list for officers; a cooperative user is sent to its own organisation. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/organisations' });
  const allowed = can(me, 'org.read');
  const ownOrg = me.scope.type === 'organisation' ? me.scope.organisationId : null;
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? 20;
  const list = useQuery({
    ...organisationsQuery({ ...filtersOf(search), sort: search.sort, order: search.order, page, pageSize }),
    enabled: allowed && !ownOrg,
  });
  const exporting = useMutation({
    mutationFn: () =>
      exportOrganisations({ ...filtersOf(search), sort: search.sort, order: search.order, pageSize }),
    onSuccess: (name) => message.success(t('orgList.exported', { name })),
    onError: (err) => message.error(errorMessage(err)),
  });

  if (!allowed) return <Forbidden />;
  if (ownOrg) return <Navigate to="/organisations/$id" params={{ id: String(ownOrg) }} replace />;

  // Every filter change starts again at page 1; `replace` keeps typing out of the browser history.
  const setFilters = (patch: Partial<OrgListSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const data = list.data;
  // In relevance order only when the server searched words: a box holding a legal form only ("HTX") lists by name.
  const relevance = data ? data.sort === 'relevance' : !!search.q && !search.sort;

  return (
    <>
      <PageHeader
        title={t('nav.organisations')}
        extra={
          <Space wrap>
            {can(me, 'org.write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate({ to: '/organisations/new' })}
                data-testid="org-add"
              >
                {t('orgList.add')}
              </Button>
            )}
            {can(me, 'registry.import') && (
              <Button
                icon={<UploadOutlined />}
                onClick={() =>
                  void navigate({ to: '/organisations/import', search: { kind: 'organisations' } })
                }
                data-testid="org-import"
              >
                {t('orgList.import')}
              </Button>
            )}
            {can(me, 'registry.export') && (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting.isPending}
                onClick={() => exporting.mutate()}
                data-testid="org-export"
                title={t('orgList.exportHint')}
              >
                {t('orgList.export')}
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <OrgFilters search={search} onChange={setFilters} />
      </Card>
      {data?.approximate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('orgList.approximateTitle')}
          description={t('orgList.approximate')}
          data-testid="org-approximate"
        />
      )}
      <ErrorAlert error={list.error} />
      <Card size="small">
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text strong data-testid="org-count">
            {data ? t('orgList.found', { total: formatNumber(data.total) }) : '\u00a0'}
          </Typography.Text>
          {data?.bandYear !== undefined && (
            <Typography.Text type="secondary" data-testid="org-band-year">
              {data.bandYear === null
                ? t('orgList.bandNoYear')
                : t('orgList.bandYearUsed', { year: data.bandYear })}
            </Typography.Text>
          )}
          {relevance && (
            <Typography.Text type="secondary" data-testid="org-relevance">
              {t('orgList.byRelevance')}
            </Typography.Text>
          )}
        </Flex>
        <OrgTable
          items={data?.items ?? []}
          total={data?.total ?? 0}
          loading={list.isFetching}
          page={page}
          pageSize={pageSize}
          sort={search.sort ?? (relevance ? undefined : 'name')}
          order={search.order}
          showProvince={me.scope.type === 'nation'}
          onPage={(p, size) =>
            void navigate({
              search: (prev) => ({
                ...prev,
                page: p > 1 ? p : undefined,
                pageSize: size !== 20 ? size : undefined,
              }),
            })
          }
          onSort={(sort, order) =>
            void navigate({ search: (prev) => ({ ...prev, sort, order, page: undefined }), replace: true })
          }
        />
      </Card>
    </>
  );
}
