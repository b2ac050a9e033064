/** Select of one organisation, searched on the server as the user types (name, short name or code). */
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationsQuery } from '../api/organisations';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { KindTag } from './registry-tags';

/** Props; `value` is an organisation id, as stored in forms. */
export interface OrgSelectProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  kind?: string;
  excludeId?: number;
  placeholder?: string;
  'data-testid'?: string;
}

/** Debounced server search over the organisations in the caller's scope. */
export function OrgSelect({ value, onChange, kind, excludeId, placeholder, ...rest }: OrgSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(null);
  const q = useDebouncedValue(search.trim(), 250);
  const results = useQuery({
    ...organisationsQuery({ q, kind, page: 1, pageSize: 20 }),
    enabled: q.length > 0,
  });
  const items = (q ? (results.data?.items ?? []) : []).filter((o) => o.id !== excludeId);
  return (
    <Select<number | undefined>
      allowClear
      style={{ width: '100%' }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('orgSelect.placeholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={results.isFetching}
      notFoundContent={
        q && results.isFetching ? (
          <Spin size="small" />
        ) : q ? (
          t('orgSelect.noResults')
        ) : (
          t('orgSelect.typeToSearch')
        )
      }
      options={[
        ...items.map((o) => ({ value: o.id, label: o.name, title: o.name })),
        // Keep the chosen organisation's name once the search box is cleared.
        ...(chosen && chosen.id === value && !items.some((o) => o.id === chosen.id)
          ? [{ value: chosen.id, label: chosen.name, title: chosen.name }]
          : []),
      ]}
      optionRender={(opt) => {
        const o = items.find((x) => x.id === opt.value);
        return o ? (
          <Space size={6}>
            <KindTag kind={o.kind} />
            <span>{o.name}</span>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
              {o.regCode}
            </Typography.Text>
            <Typography.Text type="secondary">{o.communeName}</Typography.Text>
          </Space>
        ) : (
          opt.label
        );
      }}
      onChange={(v) => {
        const o = items.find((x) => x.id === v);
        if (o) setChosen({ id: o.id, name: o.name });
        setSearch('');
        onChange?.(v ?? null);
      }}
      data-testid={rest['data-testid']}
    />
  );
}
