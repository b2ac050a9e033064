/** Title row of a page, with optional actions on the right. */
import { Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Page title (also set as the document title) with an optional `extra` area. */
export function PageHeader({
  title,
  extra,
  titleTestId,
}: {
  title: string;
  extra?: ReactNode;
  titleTestId?: string;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid={titleTestId}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
