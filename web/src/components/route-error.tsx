/** Error boundary content for a route that failed to load. */
import type { ErrorComponentProps } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';

/** Shows the server's message and a retry button instead of a blank page. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('errors.pageFailed')}
      subTitle={errorMessage(error)}
      extra={
        <Button type="primary" onClick={() => (reset ? reset() : window.location.reload())}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
