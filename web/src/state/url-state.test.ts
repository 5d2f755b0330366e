import { describe, expect, it } from '@jest/globals';
import { DEFAULT_STATE, MAX_TITLE, embedSnippet, parseState, serializeState, shareUrls, type ViewState } from './url-state.js';
import { syntaxProblems } from './url-problems.js';

const full: ViewState = {
  programme: 'CWD-PLUS',
  status: 'GRANTEE',
  voivodeship: '10',
  legalForms: ['JST_ASSOCIATION', 'AGREEMENT'],
  areaTypes: ['MOF'],
  gmina: null,
  partnership: 'lodzki-obszar-metropolitalny',
  center: [19.4561, 51.7592],
  zoom: 8.25,
  lang: 'en',
  title: 'Łódź i okolice',
  mode: 'count',
};

describe('view state ⇄ query string', () => {
  it('the default view is an empty query', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(parseState('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips every field', () => {
    const back = parseState(serializeState(full));
    expect(back).toEqual({ ...full, legalForms: ['AGREEMENT', 'JST_ASSOCIATION'] });
  });

  it('writes a readable, stable query', () => {
    expect(serializeState(full)).toBe(
      '?prog=CWD-PLUS&status=GRANTEE&woj=10&form=AGREEMENT,JST_ASSOCIATION&area=MOF&p=lodzki-obszar-metropolitalny&c=19.4561,51.7592&z=8.25&lang=en&title=%C5%81%C3%B3d%C5%BA+i+okolice&mode=count',
    );
  });

  it('keeps a gmina selection when no partnership is selected', () => {
    const s = parseState('?g=1061011&c=19.5,51.7&z=9');
    expect(s.gmina).toBe('1061011');
    expect(s.partnership).toBeNull();
    expect(serializeState(s)).toBe('?g=1061011&c=19.5000,51.7000&z=9.00');
  });

  it('drops malformed values instead of failing', () => {
    const s = parseState('?prog=<script>&status=WINNER&woj=1&g=12&p=Bad_Slug&c=500,1&z=3&lang=de&form=ok,AGREEMENT');
    expect(s).toEqual({ ...DEFAULT_STATE, legalForms: ['AGREEMENT'] });
  });

  it('colours by partnership unless the link asks for counts (older links have no mode)', () => {
    expect(parseState('?prog=CWD').mode).toBe('identity');
    expect(parseState('?mode=count').mode).toBe('count');
    expect(parseState('?mode=COUNT').mode).toBe('identity');
    expect(serializeState({ ...DEFAULT_STATE, mode: 'count' })).toBe('?mode=count');
  });

  it('needs both centre and zoom for a camera', () => {
    expect(parseState('?c=19,52').center).toBeNull();
    expect(parseState('?z=7').zoom).toBeNull();
    expect(parseState('?c=19,52&z=40').zoom).toBe(22);
  });

  it('builds full and embed URLs from the same query', () => {
    const urls = shareUrls('https://atlas.example', { ...DEFAULT_STATE, programme: 'CWD' });
    expect(urls.full).toBe('https://atlas.example/?prog=CWD');
    expect(urls.embed).toBe('https://atlas.example/embed?prog=CWD');
  });

  it('escapes the iframe snippet', () => {
    expect(embedSnippet('https://a/embed?x=1&y=2', 'Atlas "P"')).toBe(
      '<iframe src="https://a/embed?x=1&amp;y=2" title="Atlas &quot;P&quot;" width="100%" height="480" style="border:0" loading="lazy"></iframe>',
    );
  });

  it('keeps an embed title through the URL, cleaned and cut to MAX_TITLE characters', () => {
    const state = parseState(`?p=abc&title=${encodeURIComponent('  Partnerstwa\n  na <Mazowszu>  ')}`);
    expect(state.title).toBe('Partnerstwa na <Mazowszu>');
    expect(parseState(serializeState(state)).title).toBe('Partnerstwa na <Mazowszu>');
    expect(parseState('?title=%20%20').title).toBeNull();
    const long = parseState(`?title=${'ą'.repeat(300)}`).title!;
    expect([...long]).toHaveLength(MAX_TITLE);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('the table view in the query string', () => {
  it('round-trips the view and its sort, and writes nothing for the map', () => {
    const table = { ...DEFAULT_STATE, programme: 'MIAS', table: { column: 'members' as const, descending: true } };
    expect(serializeState(table)).toBe('?prog=MIAS&view=table&sort=-members');
    expect(parseState('?prog=MIAS&view=table&sort=-members')).toEqual(table);
    expect(serializeState({ ...DEFAULT_STATE, table: { column: 'name', descending: false } })).toBe('?view=table');
    expect(serializeState({ ...DEFAULT_STATE, table: null })).toBe('');
  });
  it('sorts an unknown column by name', () => {
    expect(parseState('?view=table&sort=-nope').table).toEqual({ column: 'name', descending: false });
    expect(parseState('?sort=area').table).toBeUndefined();
  });
});

// ---- timemap ----
describe('the time keys in the query string', () => {
  it('round-trips the day, the phase of a programme and the changes range', () => {
    const q = '?prog=EEA-PP&asOf=2015-06-01&phase=II&from=2021-01-01&to=2022-12-31';
    const state = parseState(q);
    expect([state.asOf, state.phase, state.changes]).toEqual(['2015-06-01', 'II', { from: '2021-01-01', to: '2022-12-31' }]);
    expect(serializeState(state)).toBe(q);
  });

  it('drops days that are not on the calendar, a phase without a programme, and a range that runs backwards', () => {
    const state = parseState('?asOf=2015-02-30&phase=II&from=2022-01-01&to=2021-01-01');
    expect([state.asOf, state.phase, state.changes]).toEqual([undefined, undefined, undefined]);
    expect(syntaxProblems('?asOf=2015-02-30&phase=II&from=2022-01-01&to=2021-01-01').map((p) => p.key)).toEqual(['asOf', 'phase', 'from', 'to']);
  });
});
