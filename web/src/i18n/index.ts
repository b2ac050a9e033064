/**
 * i18next setup: Vietnamese first and default, English switchable; the choice lives in localStorage.
 * Only Vietnamese is in the entry chunk; English is fetched the first time it is needed.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import viAssessment from './vi.assessment.json';
import vi from './vi.json';
import viPlan from './vi.plan.json';

/** Each module keeps its strings in its own file under its own top-level key; they are merged here. */
const viBundle = { ...vi, ...viAssessment, ...viPlan };

export const LANGUAGES = ['vi', 'en'] as const;
/** A language the interface is translated into. */
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'hoptac.lang';

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be blocked (private mode, strict policies): fall back to Vietnamese.
    return 'vi';
  }
}

function applyLanguage(lng: Language): void {
  dayjs.locale(lng === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = lng;
}

async function loadLanguage(lng: Language): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  const [base, assessment, plan] = await Promise.all([
    import('./en.json'),
    import('./en.assessment.json'),
    import('./en.plan.json'),
  ]);
  i18n.addResourceBundle(lng, 'translation', { ...base.default, ...assessment.default, ...plan.default });
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viBundle } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyLanguage('vi');

/** Resolves once the remembered language is loaded (at once for Vietnamese); render after it. */
export const i18nReady: Promise<void> =
  initial === 'vi'
    ? Promise.resolve()
    : loadLanguage(initial).then(
        () => {
          applyLanguage(initial);
          return i18n.changeLanguage(initial).then(() => undefined);
        },
        // English could not be fetched (offline): stay in Vietnamese.
        () => undefined,
      );

/** The language currently shown. */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function setLanguage(lng: Language): Promise<void> {
  await loadLanguage(lng);
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
}

export default i18n;
