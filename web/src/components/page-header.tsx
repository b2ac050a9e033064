/** Title row of a page, with optional actions on the right. */
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
    <div className="ht-page-header">
      <h4 className="ht-title-4" data-testid={titleTestId}>
        {title}
      </h4>
      {extra}
    </div>
  );
}
