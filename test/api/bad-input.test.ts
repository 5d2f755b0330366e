import { beforeAll, describe, expect, it } from '@jest/globals';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const square = (x: number, y: number) => `[[[${x}, ${y}], [${x + 1}, ${y}], [${x + 1}, ${y + 1}], [${x}, ${y + 1}], [${x}, ${y}]]]`;

/** Each case: an operation, the field the error must name, and words of the rule it must state. */
const CASES: [string, string, string, RegExp][] = [
  ['a malformed TERYT code', `{ jst(teryt: "12a4") { name } }`, 'teryt', /only digits/],
  ['a TERYT code of the wrong length', `{ jst(teryt: "12345") { name } }`, 'teryt', /2 \(województwo\), 4 \(powiat\) or 7 \(gmina\) digits/],
  ['an unknown TERYT code', `{ jst(teryt: "1201091") { name } }`, 'teryt', /no JST with TERYT code 1201091/],
  ['a malformed member code in a filter', `{ partnerships(filter: { member: "99" }) { totalCount } }`, 'filter.member', /województwo part "99"/],
  ['an unknown programme in a filter', `{ partnerships(filter: { programme: "NOPE" }) { totalCount } }`, 'filter.programme', /no programme with code "NOPE"/],
  ['an unknown partnership in a filter', `{ jsts(filter: { memberOf: "nie-ma-takiego" }) { totalCount } }`, 'filter.memberOf', /no partnership with slug/],
  ['a powiat code where a województwo is expected', `{ coverage(voivodeship: "1201") { gminyTotal } }`, 'voivodeship', /2-digit TERC code/],
  ['a longitude outside −180…180', `{ partnershipsAt(lon: 200, lat: 52) { slug } }`, 'lon', /between -180 and 180/],
  ['a latitude outside −90…90', `{ jstAt(lon: 19, lat: -95) { name } }`, 'lat', /between -90 and 90/],
  ['a bbox with west east of east', `{ partnerships(filter: { bbox: [20, 50, 19, 51] }) { totalCount } }`, 'filter.bbox', /west ≤ east/],
  ['a bbox of three numbers', `{ partnerships(filter: { bbox: [20, 50, 21] }) { totalCount } }`, 'filter.bbox', /4 numbers/],
  ['GeoJSON of an unknown type', `{ partnerships(filter: { intersects: { type: "Circle", coordinates: [19, 50] } }) { totalCount } }`, 'GeoJSON', /type must be one of/],
  ['GeoJSON with an open ring', `{ partnerships(filter: { intersects: { type: "Polygon", coordinates: [[[19, 50], [20, 50], [20, 51], [19, 51]]] } }) { totalCount } }`, 'GeoJSON', /must be closed/],
  ['GeoJSON with impossible coordinates', `{ partnerships(filter: { intersects: { type: "Polygon", coordinates: ${square(179.5, 50)} } }) { totalCount } }`, 'GeoJSON', /longitude must be between/],
  ['GeoJSON that intersects itself', `{ partnerships(filter: { intersects: { type: "Polygon", coordinates: [[[19, 50], [20, 51], [20, 50], [19, 51], [19, 50]]] } }) { totalCount } }`, 'filter.intersects', /invalid geometry: Self-intersection/],
  ['a page size over the limit', `{ jsts(first: 201) { totalCount } }`, 'first', /from 1 to 200/],
  ['a page size of zero', `{ partnerships(first: 0) { totalCount } }`, 'first', /from 1 to 200/],
  ['a forged cursor', `{ jsts(after: "bm9wZQ") { totalCount } }`, 'after', /cursor is malformed/],
  ['a simplification tolerance out of range', `{ jst(teryt: "02") { geometry(simplify: 5) } }`, 'simplify', /from 0 to 1 degree/],
  ['a coordinate precision out of range', `{ jst(teryt: "02") { geometry(precision: 40) } }`, 'precision', /from 0 to 7/],
  ['a one-letter search', `{ jsts(filter: { search: "ł" }) { totalCount } }`, 'filter.search', /at least 2 letters/],
];

describe.each(testBackends())('bad input on $name', ({ database }) => {
  let before: Record<string, string>;
  const seeded = useSeededApi(database);
  beforeAll(async () => {
    before = await databaseChecksum(seeded.db.em());
  });

  it.each(CASES)('rejects %s as BAD_USER_INPUT naming the field and the rule', async (_what, operation, field, rule) => {
    const result = await seeded.api.run(operation);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error!.message).toMatch(rule);
    expect(error!.message.startsWith(`${field}: `)).toBe(true);
  });

  it('rejects a query nested deeper than the limit before running it', async () => {
    const result = await seeded.api.run(`{ partnerships { edges { node { members { jst { memberships { partnership { members { jst { parent { parent { name } } } } } } } } } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/nested 1\d levels deep; the limit is 10/);
  });

  it('leaves the database exactly as it was after every rejected request', async () => {
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });
});
