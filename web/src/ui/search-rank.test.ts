import { describe, expect, it } from '@jest/globals';
import { hitRank, rankHits, type SearchHit } from './search-rank.js';

const hit = (kind: SearchHit['kind'], id: string, label: string, detail = ''): SearchHit => ({ kind, id, label, detail });

describe('rankHits', () => {
  it('ranks exact, prefix, word prefix, contains, one typo, with the API rule', () => {
    expect(hitRank(hit('gmina', '1', 'Łódź'), 'LODZ ')).toBe(0);
    expect(hitRank(hit('powiat', '2', 'łódzki wschodni'), 'lodz')).toBe(1);
    expect(hitRank(hit('gmina', '3', 'Konstantynów Łódzki'), 'lodz')).toBe(2);
    expect(hitRank(hit('gmina', '4', 'Kłodzko'), 'lodz')).toBe(3);
    expect(hitRank(hit('gmina', '5', 'Kraków'), 'krakuw')).toBe(4);
    expect(hitRank(hit('gmina', '6', 'Kraków'), 'lodz')).toBeNull();
    expect(hitRank(hit('gmina', '7', 'Bielsko-Biała'), 'bielsko biala')).toBe(0);
    expect(hitRank(hit('partnership', 'lom', 'Łódzki Obszar Metropolitalny', 'ŁOM'), 'łom')).toBe(0);
  });

  it('puts Łódź (the city) before the powiat and the longer names, keeping the API order within a kind', () => {
    const hits = [
      hit('powiat', '1061', 'Łódź'),
      hit('wojewodztwo', '10', 'łódzkie'),
      hit('gmina', '1061011', 'Łódź'),
      hit('gmina', '1008011', 'Konstantynów Łódzki'),
      hit('gmina', '1020043', 'Aleksandrów Łódzki'),
      hit('partnership', 'lom', 'Łódzki Obszar Metropolitalny', 'ŁOM'),
      hit('gmina', '9999999', 'Kraków'),
    ];
    expect(rankHits(hits, 'lodz').map((h) => h.id)).toEqual(['1061011', '1061', 'lom', '10', '1008011', '1020043']);
  });

  it('limits the list', () => {
    const hits = Array.from({ length: 30 }, (_, i) => hit('gmina', String(i), `Nowa ${i}`));
    expect(rankHits(hits, 'nowa', 5)).toHaveLength(5);
  });
});
