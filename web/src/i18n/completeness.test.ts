/**
 * Fails on a string missing from one language, left untranslated (the same text in both, or a
 * function giving the same sentence), empty, or in the wrong Polish plural form.
 */
import { describe, expect, it } from '@jest/globals';
import { plural, type PluralForms } from './format.js';
import type { Lang } from '../state/url-state.js';
import { strings } from './strings.js';

/** Texts that are rightly the same in both languages (names, codes, loanwords the atlas keeps). */
const SAME_IN_BOTH = new Set([
  'appTitle', 'teryt', 'hitKinds.gmina', 'hitKinds.powiat', 'downloadCsv', 'downloadGeoJson',
]);
/** Words the same in both languages in the singular only ("1 region", "1 JST"; "5 regionów" / "5 regions"). */
const SAME_FOR_ONE = new Set(['units.JST', 'units.regions']);

type Leaf = string | ((...args: never[]) => string);
const CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const isPluralForms = (v: object) => 'other' in v && Object.keys(v).every((k) => CATEGORIES.has(k));

/** Every leaf under `value` by its dotted path. */
function leaves(value: unknown, lang: Lang, prefix = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || typeof v === 'function') out.set(path, v as Leaf);
    // A word's plural forms differ in number between languages: one leaf, said with counts.
    else if (v && typeof v === 'object' && isPluralForms(v)) out.set(path, (n: number) => plural(n, v as PluralForms, lang));
    else if (v && typeof v === 'object') for (const [p, l] of leaves(v, lang, path)) out.set(p, l);
    else throw new Error(`${path}: not a string, function or table`);
  }
  return out;
}

/** A function's text with sample arguments (numbers work for text and count parameters alike). */
const sample = (f: Leaf, n = 7): string => (typeof f === 'string' ? f : (f as (...a: unknown[]) => string)(...Array.from({ length: f.length }, () => n)));

const pl = leaves(strings('pl'), 'pl');
const en = leaves(strings('en'), 'en');

describe('every interface string in both languages', () => {
  it('has the same keys, at every depth', () => {
    expect([...en.keys()].sort()).toEqual([...pl.keys()].sort());
  });

  it('has no empty text', () => {
    for (const [lang, table] of [['pl', pl], ['en', en]] as const) {
      for (const [path, leaf] of table) expect(`${lang} ${path}: ${sample(leaf).trim() ? 'ok' : 'empty'}`).toBe(`${lang} ${path}: ok`);
    }
  });

  it('translates every text and every function (differs from the other language unless listed as the same)', () => {
    const same = [...pl].filter(([path, leaf]) => !SAME_IN_BOTH.has(path) && en.has(path) && sample(leaf) === sample(en.get(path)!)).map(([p]) => p);
    expect(same).toEqual([]);
    // A function may differ only by its numbers; try a second count too.
    const sameAt1 = [...pl].filter(([p, l]) => typeof l === 'function' && !SAME_IN_BOTH.has(p) && !SAME_FOR_ONE.has(p) && sample(l, 1) === sample(en.get(p)!, 1)).map(([p]) => p);
    expect(sameAt1).toEqual([]);
  });

  it('keeps the whitelist honest: each listed text is really the same', () => {
    for (const path of SAME_IN_BOTH) expect(`${path}=${sample(pl.get(path)!)}`).toBe(`${path}=${sample(en.get(path)!)}`);
  });

  it('says Polish counts in the right plural form for 1, 2, 5, 12, 22, 25', () => {
    const t = strings('pl');
    const at = (f: (n: number) => string) => [1, 2, 5, 12, 22, 25].map(f);
    expect(at((n) => t.loadedLine(n, n, n))).toEqual([
      '1 partnerstwo, 1 JST, w tym 1 gmina', '2 partnerstwa, 2 JST, w tym 2 gminy', '5 partnerstw, 5 JST, w tym 5 gmin',
      '12 partnerstw, 12 JST, w tym 12 gmin', '22 partnerstwa, 22 JST, w tym 22 gminy', '25 partnerstw, 25 JST, w tym 25 gmin',
    ]);
    expect(at((n) => t.legendMore(n))).toEqual(['i 1 inne w widoku', 'i 2 inne w widoku', 'i 5 innych w widoku', 'i 12 innych w widoku', 'i 22 inne w widoku', 'i 25 innych w widoku']);
    expect(at((n) => t.statedCount(n))).toEqual(['Źródła podają 1 członka.', 'Źródła podają 2 członków.', 'Źródła podają 5 członków.', 'Źródła podają 12 członków.', 'Źródła podają 22 członków.', 'Źródła podają 25 członków.']);
    expect(at((n) => t.searchResults(n)).map((s) => s.split(';')[0])).toEqual(['1 wynik', '2 wyniki', '5 wyników', '12 wyników', '22 wyniki', '25 wyników']);
    expect(at((n) => t.srShown(n, n))[3]).toBe('W widoku mapy: 12 partnerstw, 12 gmin w pokazanych partnerstwach.');
    expect(t.srShown(22, 3)).toBe('W widoku mapy: 22 partnerstwa, 3 gminy w pokazanych partnerstwach.');
    expect(t.coverageSummary('3', '2477', '0,1%', '0,2%', 3)).toContain('; 3 partnerstwa');
    expect(t.functionalArea('12', 22)).toBe('Obszar funkcjonalny: 12 km², 22 członków');
    expect(t.tableCaption(1)).toContain(': 1 partnerstwo.');
  });

  it('says English counts in the singular for 1', () => {
    const t = strings('en');
    expect(t.loadedLine(1, 1, 1)).toBe('1 partnership, 1 JST, of which 1 gmina');
    expect(t.loadedLine(2, 2, 2)).toBe('2 partnerships, 2 JSTs, of which 2 gminy');
    expect(t.searchResults(1).split(';')[0]).toBe('1 result');
  });
});

describe('units of reported figures', () => {
  it('are said in the interface language, in the right plural form; an unknown unit as the source gives it', async () => {
    const { figureText } = await import('./strings.js');
    expect(figureText(22, 'partnerships', strings('pl'), 'pl')).toBe('22 partnerstwa');
    expect(figureText(25, 'partnerships', strings('pl'), 'pl')).toBe('25 partnerstw');
    expect(figureText(1, 'partnerships', strings('en'), 'en')).toBe('1 partnership');
    expect(figureText(2.5, 'people', strings('pl'), 'pl')).toBe('2,5 osoby');
    expect(figureText(3, 'hectares', strings('pl'), 'pl')).toBe('3 hectares');
  });
});
