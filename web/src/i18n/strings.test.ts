import { describe, expect, it } from '@jest/globals';
import { formatPercent, strings } from './strings.js';

describe('strings', () => {
  it('has Polish by default and English for every key', () => {
    const pl = strings('pl');
    const en = strings('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(pl).sort());
    expect(pl.share).toBe('Udostępnij');
    expect(en.share).toBe('Share');
    expect(pl.attribution).toBe('Atlas Partnerstw; granice: PRG, domena publiczna');
  });
  it('formats shares', () => {
    expect(formatPercent(0.256, 'en')).toBe('25.6%');
  });
});
