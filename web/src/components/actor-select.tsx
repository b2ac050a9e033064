/** Select of one user as the actor filter of the audit log, searched on the server. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersQuery } from '../api/users';
import { useDebouncedValue } from '../lib/use-debounced-value';

/** A chosen actor: id plus the label shown in the select. */
export interface ActorValue {
  value: number;
  label: string;
}

/** Server-searched user select; the label is "Full name (username)". */
export function ActorSelect({ value, onChange }: { value?: ActorValue; onChange: (v?: ActorValue) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 200);
  const users = useQuery(usersQuery({ q: q || undefined, page: 1, pageSize: 20 }));
  const options = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.fullName} (${u.username})`,
  }));
  return (
    <Select<ActorValue | undefined>
      labelInValue
      allowClear
      style={{ width: 260 }}
      placeholder={t('audit.actorPlaceholder')}
      value={value}
      options={options}
      loading={users.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(next) => {
        setSearch('');
        onChange(next ?? undefined);
      }}
      data-testid="audit-actor"
    />
  );
}
