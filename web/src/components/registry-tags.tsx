/** Coloured tags of the registry: kind, legal status, report status, demo data, paper only. */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUSES, ORGANISATION_KINDS, REPORT_STATUSES } from '../../../core/registry/enums';
import { useCoded } from '../lib/coded';
import { KIND_COLOR, REPORT_COLOR, STATUS_COLOR } from './registry-colors';

/** "HTX", "THT", "LHHTX" with the full name as tooltip. */
export function KindTag({ kind }: { kind: string }) {
  const { label } = useCoded();
  return (
    <Tooltip title={label(ORGANISATION_KINDS, kind)}>
      <Tag color={KIND_COLOR[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
        {kind}
      </Tag>
    </Tooltip>
  );
}

/** The legal status (NĐ 92/2024 Art. 27–28) in its colour; `compact` keeps it on one line (table rows). */
export function LegalStatusTag({ status, compact }: { status: string; compact?: boolean }) {
  const { label } = useCoded();
  const text = label(LEGAL_STATUSES, status);
  const tag = (
    <Tag
      color={STATUS_COLOR[status] ?? 'default'}
      style={
        compact
          ? {
              marginInlineEnd: 0,
              maxWidth: '100%',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              verticalAlign: 'middle',
            }
          : { marginInlineEnd: 0, whiteSpace: 'normal' }
      }
    >
      {text}
    </Tag>
  );
  return compact ? <Tooltip title={text}>{tag}</Tooltip> : tag;
}

/** A yearly report's workflow status. */
export function ReportStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { label } = useCoded();
  return (
    <Tag color={REPORT_COLOR[status] ?? 'default'} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {label(REPORT_STATUSES, status)}
    </Tag>
  );
}

/** "Dữ liệu mẫu": synthetic demo data, never real. */
export function DemoTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('org.demoHint')}>
      <Tag
        color="gold"
        style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px', paddingInline: 5 }}
        data-testid="demo-tag"
      >
        {t('org.demo')}
      </Tag>
    </Tooltip>
  );
}

/** "Chỉ trên giấy": registered but found not to operate. */
export function PaperOnlyTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('org.paperOnlyHint')}>
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('org.paperOnly')}
      </Tag>
    </Tooltip>
  );
}
