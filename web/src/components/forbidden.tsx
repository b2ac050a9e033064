/** What a page shows to a user whose role lacks its permission. */
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A 403 result; the server refuses the data anyway, this only explains why the page is empty. */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
}
