/** Labels and select options of the registry's coded values (core/registry/enums.ts) in the UI language. */
import { useTranslation } from 'react-i18next';
import { type Coded, labelOf } from '../../../core/registry/enums';

/** The UI language as the coded lists know it. */
export type CodedLang = 'vi' | 'en';

/** Label of a value of a coded list, or the value itself when unknown. */
export type CodedLabel = (list: readonly Coded[], value: string | null | undefined) => string;

/** Select options of a coded list, optionally narrowed. */
export type CodedOptions = <T extends Coded>(
  list: readonly T[],
  keep?: (c: T) => boolean,
) => { value: string; label: string }[];

/** Label and option helpers bound to the current language; re-render on a language switch. */
export function useCoded(): { lang: CodedLang; label: CodedLabel; options: CodedOptions } {
  const { i18n } = useTranslation();
  const lang: CodedLang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return {
    lang,
    label: (list, value) => labelOf(list, value, lang),
    options: (list, keep) =>
      list.filter((c) => !keep || keep(c)).map((c) => ({ value: c.value, label: c[lang] })),
  };
}
