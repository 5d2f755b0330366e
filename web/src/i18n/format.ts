/**
 * Numbers, percentages, dates and plural forms through `Intl`, for the interface's two languages.
 * No hand-written plural rules: Polish has one/few/many (1 partnerstwo, 2 partnerstwa, 5 partnerstw,
 * 22 partnerstwa, 25 partnerstw), English one/other; `Intl.PluralRules` decides which applies.
 */
import type { Lang } from '../state/url-state.js';

/** The locale each interface language formats with. */
export const LOCALES: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };

/**
 * A word's forms by CLDR plural category. Polish needs `one`, `few` and `many` (and `other` for
 * fractions); English `one` and `other`. A missing category falls back to `other`.
 */
export interface PluralForms { one?: string; few?: string; many?: string; other: string }

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(LOCALES[lang])));
  return r;
}

/** The form of a word that goes with `n` in `lang` (without the number). */
export function pluralWord(n: number, forms: PluralForms, lang: Lang): string {
  const category = pluralRules(lang).select(n) as keyof PluralForms;
  return forms[category] ?? forms.other;
}

/** `n` (at most `digits` decimals) formatted for `lang` followed by the matching form: "22 gminy", "5 gmin", "1 gmina". */
export function plural(n: number, forms: PluralForms, lang: Lang, digits = 0): string {
  return `${formatNumber(n, lang, digits)} ${pluralWord(n, forms, lang)}`;
}

/** A number with at most `digits` decimals, grouped as `lang` groups it ("12 345,6" / "12,345.6"). */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(n);
}

/** A share 0..1 as a percentage with at most one decimal ("25,6%" / "25.6%"). */
export function formatPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** An ISO date (YYYY-MM-DD, or a full timestamp) as a long date in `lang`; the input unchanged when unreadable. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Items joined as a list in `lang` ("a, b i c" / "a, b and c"). */
export function formatList(items: string[], lang: Lang): string {
  return new Intl.ListFormat(LOCALES[lang], { style: 'long', type: 'conjunction' }).format(items);
}
