import { describe, expect, it } from '@jest/globals';
import { searchName } from '../../server/shared/search-name.js';

describe('searchName', () => {
  it('folds case and every Polish diacritic', () => {
    expect(searchName('Łódź')).toBe('lodz');
    expect(searchName('ŻÓŁĆ gęślą jaźń')).toBe('zolc gesla jazn');
  });

  it('collapses white space', () => {
    expect(searchName('  Bielsko-Biała \t Miasto ')).toBe('bielsko-biala miasto');
  });
});
