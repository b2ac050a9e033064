/** Unit (current or pre-2025) and year pickers of the assessment board and report, kept in the URL. */
import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitYearSearch } from '../lib/assessment-search';
import { currentYearVn } from '../lib/dates';
import { UnitPicker } from './unit-picker';

/** The last day before the two-level local government (1/7/2025): the date pre-2025 units are searched at. */
const PRE2025_DATE = '2025-06-30';
const FIRST_YEAR = 2015;

/** Era switch, unit search and year select; `onChange` receives the parts that changed. */
export function UnitYearBar(props: {
  unitId: number | null;
  year: number;
  era?: 'pre2025';
  onChange: (next: Partial<UnitYearSearch> & { unitId?: number | undefined }) => void;
  extra?: React.ReactNode;
}) {
  const { unitId, year, era, onChange, extra } = props;
  const { t } = useTranslation();
  const thisYear = currentYearVn();
  const pre2025 = era === 'pre2025';
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
      <Segmented<'current' | 'pre2025'>
        value={pre2025 ? 'pre2025' : 'current'}
        options={[
          { value: 'current', label: t('assessment.unitsCurrent') },
          { value: 'pre2025', label: t('assessment.unitsPre2025') },
        ]}
        onChange={(v) => onChange({ era: v === 'pre2025' ? 'pre2025' : undefined, unitId: undefined })}
      />
      <UnitPicker
        key={pre2025 ? 'pre' : 'now'}
        value={unitId}
        date={pre2025 ? PRE2025_DATE : undefined}
        placeholder={t(pre2025 ? 'assessment.unitPre2025Placeholder' : 'assessment.unitPlaceholder')}
        onChange={(id) => onChange({ unitId: id ?? undefined })}
        style={{ width: 360, maxWidth: '100%' }}
        data-testid="assessment-unit"
      />
      <Select
        style={{ width: 150 }}
        value={year}
        data-testid="assessment-year"
        options={Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => thisYear + 1 - i).map((y) => ({
          value: y,
          label: t('assessment.yearOption', { year: y }),
        }))}
        onChange={(y) => onChange({ year: y })}
      />
      {extra}
    </Flex>
  );
}
