/** Select of one administrative unit, searched on the server as the user types, or among given choices. */
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../../../core/text';
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
  /** Offer only these units (filtered as the user types) instead of searching the server: a plan's territory. */
  choices?: Unit[];
  /** Group labels of the choices by era (pre-2025 units, units of today). */
  eraLabels?: Record<Unit['era'], string>;
  'data-testid'?: string;
}

interface UnitOption {
  value: number;
  label: string;
  unit: Unit;
}

/** Searchable unit select (debounced server search) showing full name, parent name and code. */
export function UnitPicker(props: UnitPickerProps) {
  const { value, onChange, level, date, placeholder, disabled, id, style, choices, eraLabels } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Unit | null>(null);
  const q = useDebouncedValue(search.trim(), 200);
  const results = useQuery({ ...unitSearchQuery({ q, date, level }), enabled: q.length > 0 && !choices });
  const chosen = choices?.find((u) => u.id === value);
  // A value set from outside (an edit form) needs its name fetched once.
  const needsName = value != null && selected?.id !== value && !chosen;
  const current = useQuery({ ...unitDetailQuery(value ?? 0), enabled: needsName });
  const known =
    value == null ? null : (chosen ?? (selected?.id === value ? selected : (current.data?.unit ?? null)));

  const key = foldVietnamese(search);
  const units = choices
    ? choices.filter(
        (u) => !key || foldVietnamese(`${u.fullName} ${u.parentName ?? ''} ${u.code}`).includes(key),
      )
    : q
      ? (results.data?.items ?? [])
      : [];
  const toOption = (unit: Unit): UnitOption => ({ value: unit.id, label: unit.fullName, unit });
  const options: (UnitOption | { label: string; title: string; options: UnitOption[] })[] =
    choices && eraLabels
      ? (['pre2025', 'post2025'] as const)
          .map((era) => ({
            label: eraLabels[era],
            title: eraLabels[era],
            options: units.filter((u) => u.era === era).map(toOption),
          }))
          .filter((g) => g.options.length > 0)
      : units.map(toOption);
  const labelled = value == null ? undefined : { value, label: known?.fullName ?? `#${value}` };

  let notFound: ReactNode = t('unitPicker.typeToSearch');
  if (q && results.isFetching) notFound = <Spin size="small" />;
  else if (q || choices) notFound = t('unitPicker.noResults');

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
      options={options as UnitOption[]}
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
