/**
 * antd for the pages that use it: locale and theme (ConfigProvider), the message, modal and notification hooks
 * (App), and dayjs in the interface language (antd's date pickers format with it). Loaded with the first page
 * that needs it (page-resources.tsx), never by the shell or the dashboard.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from './i18n';
import { theme } from './theme';

const applyDayjsLocale = (lng: string | undefined) => dayjs.locale(lng === 'en' ? 'en' : 'vi');
applyDayjsLocale(i18n.resolvedLanguage);
i18n.on('languageChanged', applyDayjsLocale);

/** antd's providers for `children`; re-renders on a language switch. */
export function AntdScope({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  const locale = current.resolvedLanguage === 'en' ? enUS : viVN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
