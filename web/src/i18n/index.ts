/**
 * i18next setup: Vietnamese first and default, English switchable; the choice lives in localStorage.
 *
 * The strings come in two parts, both bundled with the app (no runtime download beyond our own chunks):
 * - `shell` (vi.shell.json / en.shell.json): what the entry chunk renders itself (layout, menu, header, dashboard,
 *   route errors). Vietnamese is in the entry chunk; English is fetched the first time it is needed.
 * - `pages` (vi.json and the module files vi.assessment.json, vi.plan.json, …): everything the other pages show.
 *   Fetched with the first such page (loadPageStrings, called by the routes' loaders), so the dashboard's first
 *   load does not carry them.
 * Every top-level key lives in exactly one file (scripts/i18n-parity.test.ts), so the parts merge without overlap.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import viShell from './vi.shell.json';

export const LANGUAGES = ['vi', 'en'] as const;
/** A language the interface is translated into. */
export type Language = (typeof LANGUAGES)[number];

/** A part of the translations that is loaded as one unit. */
type Part = 'shell' | 'pages';
type Strings = Record<string, unknown>;

const merge = (...files: { default: Strings }[]): Strings =>
  Object.assign({}, ...files.map((f) => f.default));

/** Where each part comes from; the module files of a language are fetched together. */
const SOURCES: Record<Language, Record<Part, () => Promise<Strings>>> = {
  vi: {
    shell: async () => viShell,
    pages: async () =>
      merge(
        ...(await Promise.all([
          import('./vi.json'),
          import('./vi.assessment.json'),
          import('./vi.plan.json'),
        ])),
      ),
  },
  en: {
    shell: async () => (await import('./en.shell.json')).default,
    pages: async () =>
      merge(
        ...(await Promise.all([
          import('./en.json'),
          import('./en.assessment.json'),
          import('./en.plan.json'),
        ])),
      ),
  },
};

const STORAGE_KEY = 'hoptac.lang';

/** Parts the interface has needed so far: a language switch loads all of them in the new language first. */
const wanted = new Set<Part>(['shell']);
const loading = new Map<string, Promise<void>>();

function loadPart(lng: Language, part: Part): Promise<void> {
  const key = `${lng}:${part}`;
  let p = loading.get(key);
  if (!p) {
    p = SOURCES[lng][part]().then((strings) => {
      i18n.addResourceBundle(lng, 'translation', strings, true, false);
    });
    // A failed fetch (offline) is retried the next time the part is asked for.
    p.catch(() => loading.delete(key));
    loading.set(key, p);
  }
  return p;
}

/** Loads every wanted part in `lng`, including parts that become wanted while it waits. */
async function loadWanted(lng: Language): Promise<void> {
  for (;;) {
    const parts = [...wanted];
    await Promise.all(parts.map((part) => loadPart(lng, part)));
    if (wanted.size === parts.length) return;
  }
}

function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage can be blocked (private mode, strict policies): fall back to Vietnamese.
    return 'vi';
  }
}

/** The language shown, or the one being switched to: what newly needed strings are loaded in. */
let target: Language = 'vi';

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viShell } },
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
});
loading.set('vi:shell', Promise.resolve());
document.documentElement.lang = 'vi';

/** Switches the interface language and remembers the choice for the next visit. */
export async function setLanguage(lng: Language): Promise<void> {
  target = lng;
  try {
    await loadWanted(lng);
  } catch (error) {
    target = currentLanguage();
    throw error;
  }
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
}

const initial = storedLanguage();
/** Resolves once the remembered language is loaded (at once for Vietnamese); render after it. */
export const i18nReady: Promise<void> =
  initial === 'vi'
    ? Promise.resolve()
    : // English could not be fetched (offline): stay in Vietnamese.
      setLanguage(initial).catch(() => undefined);

/** Loads the strings of the pages other than the dashboard, in the current language; cheap once loaded. */
export function loadPageStrings(): Promise<void> {
  wanted.add('pages');
  return loadWanted(target);
}

/** The language currently shown. */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export default i18n;
