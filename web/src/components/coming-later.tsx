/** Placeholder of a tab whose feature comes in a later version (no link to a page that does not exist). */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** "<what> sẽ có trong phiên bản sau." */
export function ComingLater({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <Result
      icon={<ClockCircleOutlined style={{ color: '#8c8c8c' }} />}
      title={t('comingLater.title', { what })}
      subTitle={t('comingLater.body')}
      data-testid="coming-later"
    />
  );
}
