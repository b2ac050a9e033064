/** Header button that switches between Vietnamese and English. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';

/** One click switches to the other language; the choice is remembered. */
export function LangSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void setLanguage(next)}
      title={t('header.switchLanguage')}
      aria-label={t('header.switchLanguage')}
      data-testid="lang-switch"
      lang={next}
    >
      {t(`lang.${next}`)}
    </Button>
  );
}
