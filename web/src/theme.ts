/** antd theme: default algorithm, a sober government blue. */
import type { ThemeConfig } from 'antd';

/** Primary colour used across the app. */
export const PRIMARY_COLOR = '#1d4f91';
const SIDER_BG = '#0f2f57';

/** Theme tokens passed to ConfigProvider. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_COLOR,
    colorLink: PRIMARY_COLOR,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  },
  components: {
    Layout: { siderBg: SIDER_BG, triggerBg: '#0b2444', headerBg: '#ffffff', headerPadding: '0 20px' },
    Menu: { darkItemBg: SIDER_BG, darkSubMenuItemBg: SIDER_BG, darkItemSelectedBg: PRIMARY_COLOR },
    Table: { headerBg: '#f3f6fa' },
  },
};
