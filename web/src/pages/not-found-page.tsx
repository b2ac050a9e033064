/** Shown for any path that matches no route. */
import { useNavigate } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageScope } from '../page-resources';

/** Any unknown path (outside the shell, so it sets up antd's providers itself). */
export function NotFoundPage() {
  return (
    <PageScope>
      <NotFound />
    </PageScope>
  );
}

/** A 404 result with a way back to the dashboard. */
function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate({ to: '/' })}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
