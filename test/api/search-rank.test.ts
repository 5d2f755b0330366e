import { describe, expect, it } from '@jest/globals';
import { ExportService } from '../../server/export/export.service.js';
import { encodeCursor } from '../../server/input/paging.js';
import { matchRank, SearchRank } from '../../server/shared/search-match.js';
import { searchKey, searchName } from '../../server/shared/search-name.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const LODZ = '1061011';
const KRAKOW = '1261011';
const BIELSKO_BIALA = '2461011';

type Edge = { cursor: string; node: { teryt: string; name: string } };
const JSTS = `query($s: String!, $level: JstLevel, $first: Int, $after: String) {
  jsts(filter: { search: $s, level: $level }, first: $first, after: $after) { totalCount edges { cursor node { teryt name } } pageInfo { hasNextPage endCursor } } }`;

/** The rank a ranked cursor carries (`r:<rank>:<key>`, see encodeCursor): what the API judged the match. */
const rankOf = (edge: Edge) => Number(Buffer.from(edge.cursor, 'base64url').toString('utf8').split(':')[1]);

describe.each(testBackends())('name search ranks on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  const jsts = async (s: string, level: string | null = null, first = 200): Promise<Edge[]> =>
    (await seeded.api.data(JSTS, { s, level, first })).jsts.edges;
  const teryts = async (s: string, level: string | null = null) => (await jsts(s, level)).map((e) => e.node.teryt);

  it('answers "lodz", "ŁÓDŹ" and "Lodz " with Łódź first (not Kłodzko, which comes first by TERYT)', async () => {
    for (const text of ['lodz', 'ŁÓDŹ', 'Lodz ']) expect((await teryts(text, 'MUNICIPALITY'))[0]).toBe(LODZ);
    // Both units named Łódź (the city and its powiat) come before łódzkie, the word prefixes and Kłodzko.
    expect((await teryts('lodz')).slice(0, 3)).toEqual(['1061', LODZ, '10']);
  });

  it('takes hyphens and spaces alike: "bielsko biala", "bielsko-biała" and "Bielsko Biała" find Bielsko-Biała', async () => {
    for (const text of ['bielsko biala', 'bielsko-biała', 'Bielsko Biała', 'bielsko – biała']) {
      const edges = await jsts(text, 'MUNICIPALITY');
      expect(edges.map((e) => [e.node.teryt, rankOf(e)])).toEqual([[BIELSKO_BIALA, SearchRank.EXACT]]); // exact, not one typo away
    }
  });

  it('tolerates one typo from five letters on: "Krakuw" and "bielskobiala" (a missing space)', async () => {
    const krakuw = await jsts('Krakuw', 'MUNICIPALITY');
    expect(krakuw.map((e) => [e.node.teryt, rankOf(e)])).toEqual([[KRAKOW, SearchRank.ONE_EDIT]]);
    expect(await teryts('bielskobiala', 'MUNICIPALITY')).toEqual([BIELSKO_BIALA]);
    expect(await teryts('lodzz', 'MUNICIPALITY')).toEqual([LODZ]);
  });

  it('tolerates no more than one edit, and none below five letters', async () => {
    expect(await teryts('krakuvv')).toEqual([]); // two edits from "krakow"
    expect(await teryts('lodx')).toEqual([]); // one edit from "lodz", but four letters
    expect(await teryts('qxzvbn')).toEqual([]);
    const data = await seeded.api.data(`{ jsts(filter: { search: "zzqqxxzzqq" }) { totalCount } partnerships(filter: { search: "qxzvbn" }) { totalCount } }`);
    expect([data.jsts.totalCount, data.partnerships.totalCount]).toEqual([0, 0]);
  });

  it('puts exact before prefix before word prefix before contains before one typo, ties by TERYT code', async () => {
    const edges = await jsts('opolski');
    const ranks = edges.map((e) => matchRank(searchKey([e.node.name]), 'opolski'));
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2, 3, 4]));
    // The API's order is exactly (rank as the map computes it, TERYT code): one rule on both sides.
    const expected = edges.map((e, i) => ({ teryt: e.node.teryt, rank: ranks[i]! })).sort((a, b) => a.rank - b.rank || (a.teryt < b.teryt ? -1 : 1));
    expect(edges.map((e) => e.node.teryt)).toEqual(expected.map((e) => e.teryt));
    expect(edges.slice(0, 3).map((e) => e.node.name)).toEqual(['opolski', 'opolski', 'OPOLSKIE']); // two powiaty, then the prefix
    expect(edges.find((e) => e.node.name === 'Tarnów Opolski')).toBeDefined();
    expect(edges[edges.length - 1]!.node.name).toBe('Jawornik Polski'); // "polski" is "opolski" less one letter
  });

  it('pages through a ranked list with cursors, never repeating or skipping a unit', async () => {
    const all = (await jsts('gora')).map((e) => e.node.teryt);
    expect(all.length).toBeGreaterThan(12);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await seeded.api.data(JSTS, { s: 'gora', first: 5, after });
      seen.push(...data.jsts.edges.map((e: Edge) => e.node.teryt));
      after = data.jsts.pageInfo.hasNextPage ? data.jsts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);
  });

  it.each([
    ['a rank out of range', Buffer.from(`r:9:${LODZ}`).toString('base64url'), 'lodz'],
    ['a key-only cursor on a ranked list', encodeCursor(LODZ), 'lodz'],
    ['a ranked cursor on a list without search', encodeCursor(LODZ, 0), null],
    ['a ranked cursor with a slug for a TERYT code', encodeCursor('gzm', 1), 'lodz'],
  ])('refuses a forged cursor: %s', async (_name, cursor, search) => {
    const result = await seeded.api.run(`query($f: JstFilter, $a: String) { jsts(filter: $f, after: $a) { totalCount } }`, { f: search ? { search } : null, a: cursor });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'MALFORMED_CURSOR' });
  });

  it('ranks partnerships by name and short name alike', async () => {
    const slugs = async (s: string) => (await seeded.api.data(`query($s: String!) { partnerships(filter: { search: $s }) { edges { node { slug } } } }`, { s })).partnerships.edges.map((e: any) => e.node.slug);
    expect((await slugs('ŁOM'))[0]).toBe('lodzki-obszar-metropolitalny'); // exact short name
    expect((await slugs('gzm'))[0]).toBe('gzm');
    expect((await slugs('Blisko Krakowa'))[0]).toBe('blisko-krakowa');
    expect((await slugs('gornoslasko zaglebiowska'))[0]).toBe('gzm'); // hyphen as a space, prefix of the name
  });

  it('exports in the ranked order the API answers', async () => {
    const exported = await new ExportService(seeded.db.em()).jsts({ search: searchName('lodz') });
    expect(exported.map((j) => j.teryt)).toEqual(await teryts('lodz'));
  });
});

describe('the shared match rule', () => {
  it('folds names into search keys: punctuation as spaces, several names apart', () => {
    expect(searchKey(['Bielsko-Biała'])).toBe('bielsko biala');
    expect(searchKey(['Łódzki Obszar Metropolitalny', 'ŁOM'])).toBe('lodzki obszar metropolitalny | lom');
    expect(searchKey(['Podkrakowski obszar funkcjonalny „Blisko Krakowa”', null])).toBe('podkrakowski obszar funkcjonalny blisko krakowa');
  });

  it('ranks one key for a text as the SQL does', () => {
    expect(matchRank('lodz', 'lodz')).toBe(SearchRank.EXACT);
    expect(matchRank('lodzki obszar metropolitalny | lom', 'lom')).toBe(SearchRank.EXACT);
    expect(matchRank('lodzki wschodni', 'lodz')).toBe(SearchRank.PREFIX);
    expect(matchRank('konstantynow lodzki', 'lodz')).toBe(SearchRank.WORD_PREFIX);
    expect(matchRank('klodzko', 'lodz')).toBe(SearchRank.CONTAINS);
    expect(matchRank('krakow', 'krakuw')).toBe(SearchRank.ONE_EDIT);
    expect(matchRank('krakowski', 'krakuw')).toBeNull(); // a typo must cover whole words
    expect(matchRank('krakow', 'xxx')).toBeNull();
  });
});
