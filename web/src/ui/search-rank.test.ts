import { describe, expect, it } from '@jest/globals';
import { fold, matchRank, rankHits, type SearchHit } from './search-rank.js';

const hit = (kind: SearchHit['kind'], id: string, label: string): SearchHit => ({ kind, id, label, detail: '' });

describe('fold', () => {
  it('drops case and Polish diacritics, ł included', () => {
    expect(fold('ŁÓDŹ')).toBe('lodz');
    expect(fold('Żółć Gęślą Jaźń')).toBe('zolc gesla jazn');
  });
});

describe('rankHits', () => {
  it('ranks exact, prefix, word prefix, contains', () => {
    expect(matchRank('Łódź', 'lodz')).toBe(0);
    expect(matchRank('Łódź Widzew', 'lodz')).toBe(1);
    expect(matchRank('Nowe Łódzkie', 'lodz')).toBe(2);
    expect(matchRank('Zgłodzie', 'lodz')).toBe(3);
    expect(matchRank('Kraków', 'lodz')).toBe(4);
  });
  it('puts Łódź (the city) before the powiat and the longer names', () => {
    const hits = [
      hit('powiat', '1061', 'Łódź'),
      hit('gmina', '1006011', 'Łódzki Wschodni'),
      hit('wojewodztwo', '10', 'łódzkie'),
      hit('gmina', '1061011', 'Łódź'),
      hit('partnership', 'lom', 'Łódzki Obszar Metropolitalny'),
      hit('gmina', '9999999', 'Kraków'),
    ];
    expect(rankHits(hits, 'lodz').map((h) => h.id)).toEqual(['1061011', '1061', '1006011', 'lom', '10']);
  });
  it('limits the list', () => {
    const hits = Array.from({ length: 30 }, (_, i) => hit('gmina', String(i), `Nowa ${i}`));
    expect(rankHits(hits, 'nowa', 5)).toHaveLength(5);
  });
});
