import { describe, expect, it } from '@jest/globals';
import { DATA_LICENCE } from '../../../server/shared/data-licence.js';
import { formatPercent, strings } from './strings.js';

describe('strings', () => {
  it('has Polish by default and English for every key', () => {
    const pl = strings('pl');
    const en = strings('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    expect(pl.share).toBe('Udostępnij');
    expect(en.share).toBe('Share');
    expect(pl.attribution).toBe('Atlas Partnerstw, dane: CC BY 4.0; granice: PRG (GUGiK); kody TERC: GUS');
  });
  it('names the data licence and every source that asks to be named, in both languages', () => {
    for (const lang of ['pl', 'en'] as const) {
      const line = strings(lang).attribution;
      expect(line).toContain(DATA_LICENCE.name);
      for (const source of ['PRG', 'GUGiK', 'GUS']) expect(line).toContain(source);
    }
  });
  it('formats shares', () => {
    expect(formatPercent(0.256, 'en')).toBe('25.6%');
  });
});
