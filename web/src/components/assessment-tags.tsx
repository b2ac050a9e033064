/** Tags of the assessment: band (xếp loại) and workflow status, with stable colours. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const BAND_COLORS: Record<string, string> = { tot: 'green', kha: 'blue', trung_binh: 'gold', yeu: 'red' };
const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  self_submitted: 'processing',
  returned: 'warning',
  commune_reviewed: 'cyan',
  confirmed: 'green',
  published: 'success',
  excluded: 'default',
  not_submitted: 'error',
  no_campaign: 'default',
  imported: 'purple',
};

/** Colour of a band (also used by charts). */
export const BAND_HEX: Record<string, string> = {
  tot: '#52c41a',
  kha: '#1677ff',
  trung_binh: '#faad14',
  yeu: '#f5222d',
};

/** "Tốt", "Khá"… in the band's colour; "—" without a band. */
export function BandTag({ band, testId }: { band: string | null; testId?: string }) {
  const { t } = useTranslation();
  if (!band) return <span data-testid={testId}>—</span>;
  return (
    <Tag color={BAND_COLORS[band]} data-testid={testId}>
      {t(`assessment.band.${band}`)}
    </Tag>
  );
}

/**
 * A workflow status, a board state or (with `reason`) why the organisation is not rated, in the interface language;
 * the server's Vietnamese label only when no translation exists.
 */
export function AssessmentStatusTag({
  status,
  label,
  reason,
  testId,
}: {
  status: string;
  label?: string | null;
  reason?: string | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const keys = reason
    ? [`assessment.reason.${reason}`]
    : [`assessment.status.${status}`, `assessment.board.states.${status}`];
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId}>
      {t(keys, { defaultValue: label ?? status })}
    </Tag>
  );
}
