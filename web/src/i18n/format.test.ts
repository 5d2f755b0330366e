import { describe, expect, it } from '@jest/globals';
import { formatDate, formatList, formatNumber, formatPercent, plural } from './format.js';

const GMINA = { one: 'gmina', few: 'gminy', many: 'gmin', other: 'gminy' };

describe('i18n format (Intl)', () => {
  it('picks the Polish plural form by Intl.PluralRules for 1, 2, 5, 12, 22, 25', () => {
    const got = [1, 2, 5, 12, 22, 25].map((n) => plural(n, GMINA, 'pl'));
    expect(got).toEqual(['1 gmina', '2 gminy', '5 gmin', '12 gmin', '22 gminy', '25 gmin']);
  });
  it('uses one/other in English and falls back to other', () => {
    expect([1, 2, 5].map((n) => plural(n, { one: 'gmina', other: 'gminy' }, 'en'))).toEqual(['1 gmina', '2 gminy', '5 gminy']);
    expect(plural(3, { other: 'JST' }, 'pl')).toBe('3 JST');
  });
  it('formats fractions with the fraction form', () => {
    expect(plural(1.5, GMINA, 'pl', 1)).toBe('1,5 gminy');
  });
  it('groups and separates numbers as each language does', () => {
    expect(formatNumber(12345.67, 'pl', 1)).toBe('12\u00a0345,7');
    expect(formatNumber(12345.67, 'en', 1)).toBe('12,345.7');
    expect(formatPercent(0.256, 'pl')).toBe('25,6%');
    expect(formatPercent(0.256, 'en')).toBe('25.6%');
  });
  it('writes dates and lists in the language', () => {
    expect(formatDate('2026-03-05', 'pl')).toBe('5 marca 2026');
    expect(formatDate('2026-03-05', 'en')).toBe('5 March 2026');
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(formatList(['a', 'b', 'c'], 'pl')).toBe('a, b i c');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });
});
