/** List of units a unit came from, or became, in the 2025 reorganisation. */
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import type { UnitLink } from '../api/types';
import { UnitLabel } from './unit-label';

/** A titled card of linked units, marking those only partly merged as "một phần". */
export function UnitLineageList({ title, links, date }: { title: string; links: UnitLink[]; date?: string }) {
  const { t } = useTranslation();
  if (links.length === 0) return null;
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        {links.map((link) => (
          <Flex key={link.id} justify="space-between" align="center" wrap gap={8}>
            <Flex align="center" gap={4} wrap>
              <UnitLabel unit={link} link date={date} />
              {link.partial && <Tag color="orange">{t('unitDetail.partial')}</Tag>}
            </Flex>
            {link.effectiveDate && (
              <Typography.Text type="secondary">
                {t('unitDetail.effectiveOn', { date: formatDate(link.effectiveDate) })}
              </Typography.Text>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
