/** Select of one administrative unit, searched on the server as the user types. */
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitLevel } from '../api/types';
import { unitDetailQuery, unitSearchQuery } from '../api/units';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { UnitLabel } from './unit-label';

/** Props of UnitPicker; `value` is a unit id, as stored in forms. */
export interface UnitPickerProps {
  value?: number | null;
  onChange?: (id: number | null, unit: Unit | null) => void;
  level?: UnitLevel;
  date?: string;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface UnitOption {
  value: number;
  label: string;
  unit: Unit;
}

/** Searchable unit select (debounced server search) showing full name, parent name and code. */
export function UnitPicker(props: UnitPickerProps) {
  const { value, onChange, level, date, placeholder, disabled, id, style } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Unit | null>(null);
  const q = useDebouncedValue(search.trim(), 200);
  const results = useQuery({ ...unitSearchQuery({ q, date, level }), enabled: q.length > 0 });
  // A value set from outside (an edit form) needs its name fetched once.
  const needsName = value != null && selected?.id !== value;
  const current = useQuery({ ...unitDetailQuery(value ?? 0), enabled: needsName });
  const known = value == null ? null : selected?.id === value ? selected : (current.data?.unit ?? null);

  const units = q ? (results.data?.items ?? []) : [];
  const options: UnitOption[] = units.map((unit) => ({ value: unit.id, label: unit.fullName, unit }));
  const labelled = value == null ? undefined : { value, label: known?.fullName ?? `#${value}` };

  let notFound: ReactNode = t('unitPicker.typeToSearch');
  if (q && results.isFetching) notFound = <Spin size="small" />;
  else if (q) notFound = t('unitPicker.noResults');

  return (
    <Select<{ value: number; label: string } | undefined, UnitOption>
      id={id}
      data-testid={props['data-testid'] ?? 'unit-picker'}
      labelInValue
      allowClear
      disabled={disabled}
      style={{ width: '100%', ...style }}
      placeholder={placeholder ?? t('unitPicker.placeholder')}
      value={labelled}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={results.isFetching}
      notFoundContent={notFound}
      optionRender={(option) => <UnitLabel unit={option.data.unit} />}
      onChange={(next) => {
        const unit = next ? (units.find((u) => u.id === next.value) ?? null) : null;
        setSelected(unit);
        setSearch('');
        onChange?.(next ? next.value : null, unit);
      }}
    />
  );
}
