/**
 * Our own strip above GraphiQL: the atlas's name, what the page is, and the way back to the map.
 * Polish first (the map's `?lang=en` switches it); GraphiQL's own interface stays in English.
 */
export type Lang = 'pl' | 'en';

const TEXT = {
  pl: {
    title: 'Atlas Partnerstw',
    subtitle: 'API GraphQL: zapytania i dokumentacja',
    hint: 'Przykładowe zapytania są w kartach; uruchamia je przycisk ▶ albo Ctrl+Enter.',
    backToMap: '← Mapa',
  },
  en: {
    title: 'Atlas Partnerstw',
    subtitle: 'GraphQL API: queries and documentation',
    hint: 'Example queries are in the tabs; run one with the ▶ button or Ctrl+Enter.',
    backToMap: '← Map',
  },
} satisfies Record<Lang, Record<string, string>>;

export type ChromeText = (typeof TEXT)['pl'];

/** The page's language from `?lang=` (Polish unless it says `en`). */
export function pageLang(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'pl';
}

export function chromeText(lang: Lang): ChromeText {
  return TEXT[lang];
}

/** The map's address in the same language. */
export function mapHref(lang: Lang): string {
  return lang === 'en' ? '/?lang=en' : '/';
}
