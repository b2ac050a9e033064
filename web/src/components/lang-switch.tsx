/** Header button that switches between Vietnamese and English. */
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { Button } from './ui';

/** One click switches to the other language; the choice is remembered. */
export function LangSwitch() {
  const { t } = useTranslation();
  const next = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant="text"
      icon="global"
      onClick={() => void setLanguage(next)}
      title={t('header.switchLanguage')}
      aria-label={t('header.switchLanguage')}
      testId="lang-switch"
      lang={next}
    >
      {t(`lang.${next}`)}
    </Button>
  );
}
