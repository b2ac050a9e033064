/** The organisation list table: server-side pages and sort, virtualised rows for large pages. */
import { Link } from '@tanstack/react-router';
import { Flex, Table, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../core/format';
import { FIELDS } from '../../../core/registry/enums';
import type { OrgSort } from '../api/organisations';
import type { OrganisationItem } from '../api/registry-types';
import { useCoded } from '../lib/coded';
import { ORG_PAGE_SIZES } from '../lib/search-params';
import { DemoTag, KindTag, LegalStatusTag, PaperOnlyTag } from './registry-tags';

/** Pages of at least this many rows render only the visible rows (antd's virtual table). */
export const VIRTUAL_FROM = 100;

/** Props of OrgTable. */
export interface OrgTableProps {
  items: OrganisationItem[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  sort?: OrgSort;
  order?: 'asc' | 'desc';
  /** The national scope spans provinces, so the province is shown beside the commune. */
  showProvince: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: OrgSort | undefined, order: 'asc' | 'desc' | undefined) => void;
}

function useViewportHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setH(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return h;
}

/** Table of organisations; a page of 100 or 500 rows keeps the DOM small by rendering what is visible. */
export function OrgTable(props: OrgTableProps) {
  const { items, total, loading, page, pageSize, sort, order, showProvince, onPage, onSort } = props;
  const { t } = useTranslation();
  const { label } = useCoded();
  const viewport = useViewportHeight();
  const virtual = pageSize >= VIRTUAL_FROM;
  const sortOrder = (key: OrgSort): SortOrder =>
    sort === key ? (order === 'desc' ? 'descend' : 'ascend') : null;
  const sortable = (key: OrgSort) => ({
    key,
    sorter: true,
    sortOrder: sortOrder(key),
    sortDirections: ['ascend' as const, 'descend' as const],
  });

  const columns: TableColumnsType<OrganisationItem> = [
    {
      title: t('orgList.rowNo'),
      key: 'no',
      width: 52,
      align: 'right',
      render: (_: unknown, __, index) => formatNumber((page - 1) * pageSize + index + 1),
    },
    {
      title: t('orgList.name'),
      dataIndex: 'name',
      width: 384,
      ...sortable('name'),
      render: (_: unknown, o) =>
        // A large (virtual) page keeps rows one line high; a normal page lets a long name wrap.
        virtual ? (
          <Flex gap={6} align="center" style={{ minWidth: 0 }}>
            <KindTag kind={o.kind} />
            <Link
              to="/organisations/$id"
              params={{ id: String(o.id) }}
              title={o.shortName ? `${o.name} (${o.shortName})` : o.name}
              style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            >
              {o.name}
            </Link>
            {o.paperOnly && <PaperOnlyTag />}
            {o.demo && <DemoTag />}
          </Flex>
        ) : (
          <span style={{ lineHeight: '22px' }}>
            <KindTag kind={o.kind} />{' '}
            <Link
              to="/organisations/$id"
              params={{ id: String(o.id) }}
              title={o.shortName ? `${o.name} (${o.shortName})` : o.name}
            >
              {o.name}
            </Link>
            {o.paperOnly && (
              <>
                {' '}
                <PaperOnlyTag />
              </>
            )}
            {o.demo && (
              <>
                {' '}
                <DemoTag />
              </>
            )}
          </span>
        ),
    },
    {
      title: t('orgList.regCode'),
      dataIndex: 'regCode',
      width: 112,
      ...sortable('regCode'),
      render: (v: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>,
    },
    {
      title: t('orgList.place'),
      key: 'place',
      width: showProvince ? 230 : 130,
      ellipsis: true,
      render: (_: unknown, o) => (showProvince ? `${o.communeName}, ${o.provinceName}` : o.communeName),
    },
    {
      title: t('orgList.legalStatus'),
      dataIndex: 'legalStatus',
      width: 130,
      render: (v: string) => <LegalStatusTag status={v} compact />,
    },
    {
      title: t('orgList.field'),
      dataIndex: 'field',
      width: 130,
      ellipsis: true,
      render: (v: string | null) => label(FIELDS, v),
    },
    {
      title: t('orgList.foundedOn'),
      dataIndex: 'foundedOn',
      width: 98,
      ...sortable('foundedOn'),
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('orgList.updatedAt'),
      dataIndex: 'updatedAt',
      width: 98,
      ...sortable('updatedAt'),
      render: (v: string) => formatDate(v),
    },
  ];
  const width = columns.reduce((s, c) => s + Number(c.width ?? 0), 0);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: ORG_PAGE_SIZES.map(String),
    showTotal: (n, [from, to]) =>
      t('orgList.total', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(n) }),
  };

  return (
    <Table<OrganisationItem>
      size="small"
      rowKey="id"
      data-testid="org-table"
      loading={loading}
      columns={columns}
      dataSource={items}
      virtual={virtual}
      scroll={virtual ? { x: width, y: Math.max(360, viewport - 380) } : { x: width }}
      pagination={pagination}
      locale={{ emptyText: t('orgList.empty') }}
      onChange={(p, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<OrganisationItem>;
          const key = s.order ? (s.columnKey as OrgSort) : undefined;
          onSort(key, s.order === 'descend' ? 'desc' : s.order === 'ascend' ? 'asc' : undefined);
        } else if (extra.action === 'paginate') {
          const size = p.pageSize ?? pageSize;
          onPage(size === pageSize ? (p.current ?? 1) : 1, size);
        }
      }}
    />
  );
}
