/** Error boundary content for a route that failed to load. */
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { Icon } from './icons';
import { Button } from './ui';

/**
 * Shows the server's message and a retry button instead of a blank page. Drawn without antd: the failure may be
 * a chunk that could not be fetched, antd's included.
 */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="ht-result" role="alert">
      <div className="ht-result-icon">
        <Icon name="exclamationCircleFilled" />
      </div>
      <h2 className="ht-result-title">{t('errors.pageFailed')}</h2>
      <div className="ht-result-subtitle">{errorMessage(error)}</div>
      <div className="ht-result-extra">
        <Button variant="primary" onClick={() => (reset ? reset() : window.location.reload())}>
          {t('common.retry')}
        </Button>
      </div>
    </div>
  );
}
