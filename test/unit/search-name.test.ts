import { describe, expect, it } from '@jest/globals';
import { searchName } from '../../server/shared/search-name.js';

describe('searchName', () => {
  it('folds case and every Polish diacritic', () => {
    expect(searchName('Łódź')).toBe('lodz');
    expect(searchName('ŻÓŁĆ gęślą jaźń')).toBe('zolc gesla jazn');
  });

  it('takes hyphens, dashes, quotes and white space alike, as one space', () => {
    expect(searchName('  Bielsko-Biała \t Miasto ')).toBe('bielsko biala miasto');
    expect(searchName('ZIT ZOF (Bolesławiec–Lubań–Zgorzelec)')).toBe('zit zof boleslawiec luban zgorzelec');
    expect(searchName('„Blisko Krakowa”')).toBe('blisko krakowa');
  });
});
