import { describe, expect, it } from '@jest/globals';
import { syntaxProblems, unknownValues } from './url-problems.js';
import { parseState } from './url-state.js';

describe('problems of a link', () => {
  it('names unknown keys and malformed values, and nothing for a clean link', () => {
    expect(syntaxProblems('?prog=CWD&woj=12&p=gzm&c=19.1,50.2&z=7&lang=en')).toEqual([]);
    expect(syntaxProblems('?p=gzm&title=Moja+mapa')).toEqual([]);
    expect(syntaxProblems('?foo=1&g=12345&woj=123&status=NOPE&c=500,1&z=3')).toEqual([
      { key: 'foo', value: '1', reason: 'unknown-key' },
      { key: 'g', value: '12345', reason: 'malformed' },
      { key: 'woj', value: '123', reason: 'malformed' },
      { key: 'status', value: 'NOPE', reason: 'malformed' },
      { key: 'c', value: '500,1', reason: 'malformed' },
      { key: 'z', value: '3', reason: 'malformed' },
    ]);
  });

  it('knows the map mode: count is kept, anything else is malformed', () => {
    expect(syntaxProblems('?mode=count')).toEqual([]);
    expect(syntaxProblems('?mode=COUNT')).toEqual([{ key: 'mode', value: 'COUNT', reason: 'malformed' }]);
  });

  it('drops values the atlas does not have', () => {
    const known = { programmes: ['CWD'], voivodeships: ['12'], legalForms: ['LAG'], areaTypes: ['MOF'] };
    const { problems, patch } = unknownValues(parseState('?prog=NOPE&woj=99&form=LAG,XYZ'), known);
    expect(problems.map((p) => [p.key, p.value])).toEqual([['prog', 'NOPE'], ['woj', '99'], ['form', 'XYZ']]);
    expect(patch).toEqual({ programme: null, voivodeship: null, legalForms: ['LAG'] });
    expect(unknownValues(parseState('?prog=CWD&woj=12'), known).problems).toEqual([]);
  });
});

describe('the table view parameters', () => {
  it('are known, and a bad value is malformed', () => {
    expect(syntaxProblems('?view=table&sort=-members')).toEqual([]);
    expect(syntaxProblems('?view=grid').map((p) => p.reason)).toEqual(['malformed']);
    expect(syntaxProblems('?view=table&sort=nope').map((p) => p.key)).toEqual(['sort']);
  });
});
