/** Centered spinner shown while a page or its data loads. */
import { useTranslation } from 'react-i18next';

/** A full-width loading indicator for pending routes (antd's large Spin, drawn by shell.css). */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="ht-spinner" role="status" aria-live="polite">
      <span className="ht-spin-dot" aria-hidden="true">
        <i />
        <i />
        <i />
        <i />
      </span>
      <span className="ht-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
