/**
 * The classifications stored with each yearly assessment, computed from the approved yearly figures: by members
 * (TT 01/2020/TT-BKHĐT Art. 4), by capital (Art. 5), size class by field (NĐ 113/2024/NĐ-CP Art. 5) and by
 * products/services supplied to members (Art. 3). "Chưa xác định" is shown where a legal threshold is unknown.
 */
import { Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import type { Assessment } from '../api/assessment-types';

function basis(text: ReactNode) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}

/** A card with the four classifications and what each was computed from. */
export function AssessmentClassificationCard({ c }: { c: Assessment['classification'] }) {
  const { t } = useTranslation();
  const scale = (v: string | number | null) =>
    v === null ? t('assessment.classification.none') : t(`assessment.classification.scale.${v}`);
  const money = (v: string | number | null) =>
    v === null ? null : `${formatNumber(String(v))} ${t('common.dong')}`;
  return (
    <Card
      size="small"
      title={t('assessment.classification.title')}
      style={{ marginTop: 16 }}
      data-testid="assessment-classification"
    >
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 360 } }}>
        <Descriptions.Item label={t('assessment.classification.memberScale')}>
          {scale(c.memberScale)}
          {c.membersBasis !== null &&
            basis(` · ${t('assessment.classification.members', { n: formatNumber(c.membersBasis) })}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.classification.capitalScale')}>
          {scale(c.capitalScale)}
          {c.capitalBasis !== null && basis(` · ${money(c.capitalBasis)}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.classification.sizeClass')}>
          {scale(c.sizeClass)}
          {c.revenueBasis !== null &&
            basis(` · ${t('assessment.classification.revenue', { v: money(c.revenueBasis) })}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessment.classification.serviceType')}>
          {c.serviceType === null
            ? t('assessment.classification.none')
            : t(`assessment.serviceType.${c.serviceType}`)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
