/** Warning list of organisations that may be the one being entered (same name in the commune, same representative). */
import { Link } from '@tanstack/react-router';
import { Alert, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duplicate } from '../api/registry-types';
import { KindTag, LegalStatusTag } from './registry-tags';

/** Nothing when the list is empty; each entry links to the organisation in a new tab, so the form is kept. */
export function DuplicateList({ items, title }: { items: Duplicate[]; title?: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="org-duplicates"
      title={title ?? t('orgForm.duplicatesTitle', { count: items.length })}
      description={
        <Flex vertical gap={4}>
          {items.map((d) => (
            <Space key={d.id} wrap size={6}>
              <KindTag kind={d.kind} />
              <Link to="/organisations/$id" params={{ id: String(d.id) }} target="_blank">
                {d.name}
              </Link>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                {d.regCode}
              </Typography.Text>
              <Typography.Text type="secondary">{d.communeName}</Typography.Text>
              <LegalStatusTag status={d.legalStatus} />
              {d.reasons.map((r) => (
                <Tag key={r} color="orange">
                  {t(`orgForm.duplicateReason.${r}`)}
                </Tag>
              ))}
            </Space>
          ))}
        </Flex>
      }
    />
  );
}
