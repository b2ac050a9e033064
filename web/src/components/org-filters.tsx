/** Search box and filters of the organisation list; every value lives in the URL. */
import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BANDS } from '../../../core/assessment/types';
import { FIELDS, LEGAL_STATUSES, NEW_MODELS, ORGANISATION_KINDS } from '../../../core/registry/enums';
import { useCoded } from '../lib/coded';
import { currentYearVn } from '../lib/dates';
import type { OrgListSearch } from '../lib/search-params';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { UnitPicker } from './unit-picker';

/** The last day before the two-level local government (1/7/2025): the date pre-2025 units are searched at. */
const PRE2025_DATE = '2025-06-30';
const FIRST_REPORT_YEAR = 2015;

/** Props: the current search params and a setter that also resets the page. */
export interface OrgFiltersProps {
  search: OrgListSearch;
  onChange: (patch: Partial<OrgListSearch>) => void;
}

const filterKeys: (keyof OrgListSearch)[] = [
  'q',
  'kind',
  'legalStatus',
  'field',
  'newModel',
  'unitId',
  'unitEra',
  'year',
  'paperOnly',
  'band',
  'bandYear',
];

/** True when any filter is set (the "Xoá bộ lọc" button shows then). */
export function hasFilters(search: OrgListSearch): boolean {
  return filterKeys.some((k) => search[k] !== undefined);
}

/** One search box (searches as you type) and the select filters, in a wrapping row. */
export function OrgFilters({ search, onChange }: OrgFiltersProps) {
  const { t } = useTranslation();
  const { options } = useCoded();
  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebouncedValue(text.trim(), 300);

  // The URL is the truth: a back button or "Xoá bộ lọc" puts its value back in the box.
  useEffect(() => setText(search.q ?? ''), [search.q]);
  // Only a new debounced text triggers a search; the URL changing is handled above.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new URL value must not re-run the search
  useEffect(() => {
    if (debounced !== (search.q ?? '')) onChange({ q: debounced || undefined });
  }, [debounced]);

  const thisYear = currentYearVn();
  const years = Array.from({ length: thisYear - FIRST_REPORT_YEAR + 1 }, (_, i) => thisYear - i);
  const pre2025 = search.unitEra === 'pre2025';

  return (
    <Flex vertical gap={12}>
      <Input
        allowClear
        size="large"
        prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
        placeholder={t('orgList.searchPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => onChange({ q: text.trim() || undefined })}
        data-testid="org-search"
        aria-label={t('orgList.searchPlaceholder')}
      />
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder={t('orgList.kind')}
          value={search.kind}
          options={options(ORGANISATION_KINDS)}
          onChange={(v) => onChange({ kind: v, legalStatus: undefined })}
          data-testid="org-filter-kind"
        />
        <Select
          allowClear
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          placeholder={t('orgList.legalStatus')}
          value={search.legalStatus}
          options={options(
            LEGAL_STATUSES,
            (s) => !search.kind || (s.kinds as readonly string[]).includes(search.kind),
          )}
          onChange={(v) => onChange({ legalStatus: v })}
          data-testid="org-filter-status"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          placeholder={t('orgList.field')}
          value={search.field}
          options={options(FIELDS)}
          onChange={(v) => onChange({ field: v })}
          data-testid="org-filter-field"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          placeholder={t('orgList.newModel')}
          value={search.newModel}
          options={options(NEW_MODELS)}
          onChange={(v) => onChange({ newModel: v })}
          data-testid="org-filter-model"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('orgList.year')}
          value={search.year}
          options={years.map((y) => ({ value: y, label: t('orgList.yearOption', { year: y }) }))}
          onChange={(v) => onChange({ year: v })}
          data-testid="org-filter-year"
        />
        <Select
          allowClear
          style={{ width: 170 }}
          popupMatchSelectWidth={false}
          placeholder={t('orgList.band')}
          value={search.band}
          options={[...BANDS, 'none' as const].map((b) => ({
            value: b,
            label: t(`orgList.bandOption.${b}`),
          }))}
          onChange={(v) => onChange({ band: v, bandYear: v ? search.bandYear : undefined })}
          data-testid="org-filter-band"
          aria-label={t('orgList.band')}
        />
        {search.band && (
          <Select
            allowClear
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            placeholder={t('orgList.bandYearLatest')}
            value={search.bandYear}
            options={years.map((y) => ({ value: y, label: t('orgList.bandYearOption', { year: y }) }))}
            onChange={(v) => onChange({ bandYear: v })}
            data-testid="org-filter-band-year"
            aria-label={t('orgList.bandYear')}
          />
        )}
      </Flex>
      <Flex gap={8} wrap align="center">
        <Segmented<'current' | 'pre2025'>
          value={pre2025 ? 'pre2025' : 'current'}
          options={[
            { value: 'current', label: t('orgList.unitsCurrent') },
            { value: 'pre2025', label: t('orgList.unitsPre2025') },
          ]}
          onChange={(v) => onChange({ unitEra: v === 'pre2025' ? 'pre2025' : undefined, unitId: undefined })}
        />
        <UnitPicker
          key={pre2025 ? 'pre' : 'now'}
          value={search.unitId ?? null}
          date={pre2025 ? PRE2025_DATE : undefined}
          placeholder={t(pre2025 ? 'orgList.unitPre2025Placeholder' : 'orgList.unitPlaceholder')}
          onChange={(id) => onChange({ unitId: id ?? undefined })}
          style={{ width: 380, maxWidth: '100%' }}
          data-testid="org-filter-unit"
        />
        <Checkbox
          checked={!!search.paperOnly}
          onChange={(e) => onChange({ paperOnly: e.target.checked || undefined })}
          data-testid="org-filter-paper"
        >
          {t('orgList.paperOnly')}
        </Checkbox>

        {hasFilters(search) && (
          <Button
            icon={<ClearOutlined />}
            onClick={() => {
              setText('');
              onChange(Object.fromEntries(filterKeys.map((k) => [k, undefined])));
            }}
            data-testid="org-filter-clear"
          >
            {t('orgList.clearFilters')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
