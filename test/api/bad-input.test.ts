import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { encodeCursor } from '../../server/input/paging.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends, testConfig } from '../support/database.js';
import type { GraphqlResult } from '../support/graphql.js';
import { useSeededApi } from '../support/seeded-api.js';

const square = (x: number, y: number) => `[[[${x}, ${y}], [${x + 1}, ${y}], [${x + 1}, ${y + 1}], [${x}, ${y + 1}], [${x}, ${y}]]]`;
const NUL = '\u0000';

/** Each read: an operation, the field the error must name, and words of the rule it must state. */
const READS: [string, string, string, RegExp][] = [
  ['a malformed TERYT code', `{ jst(teryt: "12a4") { name } }`, 'teryt', /only digits/],
  ['a TERYT code of the wrong length', `{ jst(teryt: "12345") { name } }`, 'teryt', /2 \(województwo\), 4 \(powiat\) or 7 \(gmina\) digits/],
  ['a malformed slug', `{ partnership(slug: "Nie-Ma") { name } }`, 'slug', /lowercase letters/],
  ['a malformed programme code', `{ programme(code: "eea-pp") { name } }`, 'code', /capital letters/],
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
  ['a cursor that is not base64 of a key', `{ jsts(after: "bm9wZQ") { totalCount } }`, 'after', /cursor is malformed/],
  ['a forged cursor k:NUL', `{ jsts(after: "${encodeCursor(NUL)}") { totalCount } }`, 'after', /cursor is malformed/],
  ['a forged cursor k:<20 digits>', `{ changes(after: "${encodeCursor('99999999999999999999')}") { totalCount } }`, 'after', /cursor is malformed/],
  ['a slug cursor on a list of JSTs', `{ jsts(after: "${encodeCursor('gzm')}") { totalCount } }`, 'after', /cursor is malformed/],
  ['a simplification tolerance out of range', `{ jst(teryt: "02") { geometry(simplify: 5) } }`, 'simplify', /from 0 to 1 degree/],
  ['a coordinate precision out of range', `{ jst(teryt: "02") { geometry(precision: 40) } }`, 'precision', /from 0 to 7/],
  ['a one-letter search', `{ jsts(filter: { search: "ł" }) { totalCount } }`, 'filter.search', /at least 2 letters/],
  ['NUL in a search', `{ jsts(filter: { search: "ab\\u0000" }) { totalCount } }`, 'filter.search', /control characters/],
  ['NUL in a partnership search', `{ partnerships(filter: { search: "\\u0000krak" }) { totalCount } }`, 'filter.search', /control characters/],
  ['NUL in a slug', `{ partnership(slug: "gzm\\u0000") { name } }`, 'slug', /control characters/],
  ['NUL in a token name', `{ changes(by: "redakcja\\u0000") { totalCount } }`, 'by', /control characters/],
  ['an escape character in a programme code', `{ programme(code: "EEA\\u001b") { name } }`, 'code', /control characters/],
  ['an empty województwo in a jsts filter', `{ jsts(filter: { voivodeship: "" }) { totalCount } }`, 'filter.voivodeship', /2-digit/],
  ['an empty powiat in a jsts filter', `{ jsts(filter: { county: "" }) { totalCount } }`, 'filter.county', /4-digit/],
  ['an empty search in a jsts filter', `{ jsts(filter: { search: "" }) { totalCount } }`, 'filter.search', /must not be empty/],
  ['a blank search', `{ partnerships(filter: { search: "   " }) { totalCount } }`, 'filter.search', /must not be empty/],
  ['an empty programme in a jsts filter', `{ jsts(filter: { programme: "" }) { totalCount } }`, 'filter.programme', /capital letters/],
  ['an empty partnership in a jsts filter', `{ jsts(filter: { memberOf: "" }) { totalCount } }`, 'filter.memberOf', /lowercase/],
  ['an empty member in a partnerships filter', `{ partnerships(filter: { member: "" }) { totalCount } }`, 'filter.member', /only digits/],
  ['an empty programme for coverage', `{ coverage(programme: "") { gminyTotal } }`, 'programme', /capital letters/],
  ['an empty województwo for the map', `{ jstFeatures(level: VOIVODESHIP, voivodeship: "") }`, 'voivodeship', /2-digit/],
];

const SRC = [{ ref: 'https://example.org/uchwala' }];
const CREATE = `mutation($input: PartnershipInput!) { createPartnership(input: $input) { slug } }`;
const valid = { slug: 'nowe-partnerstwo', name: 'Nowe Partnerstwo', sources: SRC, voivodeships: ['12'], members: [{ teryt: '1201022', role: 'MEMBER', sources: SRC }] };

/** Writes that would succeed but for one bad value (sent with a valid editor or admin token), and the field the error names. */
const WRITES: [string, string, Record<string, unknown>, string, RegExp][] = [
  ['a name that a spreadsheet runs as a formula', CREATE, { input: { ...valid, name: '=HYPERLINK("http://evil.example")' } }, 'name', /formula/],
  ['a name starting with @', CREATE, { input: { ...valid, name: '@SUM(A1:A9)' } }, 'name', /formula/],
  ['NUL in a name', CREATE, { input: { ...valid, name: `Nowe${NUL}` } }, '$input.name', /control characters/],
  ['a blank name', CREATE, { input: { ...valid, name: '   ' } }, 'name', /must not be empty/],
  ['an empty short name', CREATE, { input: { ...valid, shortName: '' } }, 'shortName', /must not be empty/],
  ['a day that does not exist', CREATE, { input: { ...valid, members: [{ teryt: '1201022', role: 'MEMBER', joined: '2023-02-29', sources: SRC }] } }, 'members[0].joined', /not a day of the calendar/],
  ['an empty date', CREATE, { input: { ...valid, members: [{ teryt: '1201022', role: 'MEMBER', joined: '', sources: SRC }] } }, 'members[0].joined', /YYYY/],
  ['no województwo', CREATE, { input: { ...valid, voivodeships: [] } }, 'voivodeships', /at least one województwo/],
  ['a województwo code that does not exist', CREATE, { input: { ...valid, voivodeships: ['13'] } }, 'voivodeships[0]', /13/],
  ['a slug over 120 characters', CREATE, { input: { ...valid, slug: 'a'.repeat(121) } }, 'slug', /1–120/],
  ['a source reference that is no URL', CREATE, { input: { ...valid, sources: [{ ref: 'ftp://example.org/x' }] } }, 'sources[0].ref', /http\(s\) URL/],
  ['an empty quote', CREATE, { input: { ...valid, sources: [{ ref: 'https://example.org/x', quote: '' }] } }, 'sources[0].quote', /must not be empty/],
  ['a formula as the new name', `mutation { updatePartnership(slug: "gzm", version: 1, input: { name: "+48 600 000 000" }) { name } }`, {}, 'name', /formula/],
  ['an empty new name', `mutation { updatePartnership(slug: "gzm", version: 1, input: { name: "" }) { name } }`, {}, 'name', /must not be empty/],
  ['an empty website', `mutation { updatePartnership(slug: "gzm", version: 1, input: { website: "" }) { name } }`, {}, 'website', /http\(s\) URL/],
  ['an empty phase of a participation', `mutation { addParticipation(slug: "gzm", input: { programme: "CWD-PLUS", status: PARTICIPANT, phase: "", sources: [{ ref: "https://example.org" }] }) { phase } }`, {}, 'phase', /must not be empty/],
  ['an empty programme of a participation', `mutation { addParticipation(slug: "gzm", input: { programme: "", status: PARTICIPANT, sources: [{ ref: "https://example.org" }] }) { phase } }`, {}, 'programme', /capital letters/],
  ['NUL in a member list passed as a variable', `mutation($m: [MemberInput!]!) { setMembers(slug: "gzm", version: 1, members: $m) { version } }`, { m: [{ teryt: `2469011${NUL}`, role: 'MEMBER', sources: SRC }] }, '$m[0].teryt', /control characters/],
  ['a programme name that is a formula', `mutation { createProgramme(input: { code: "NOWY-1", name: "-2+3", funder: "MFiPR", sources: [{ ref: "https://example.org" }] }) { code } }`, {}, 'name', /formula/],
  ['a programme end date of month 13', `mutation { createProgramme(input: { code: "NOWY-2", name: "Nowy", funder: "MFiPR", endDate: "2020-13", sources: [{ ref: "https://example.org" }] }) { code } }`, {}, 'endDate', /no month 13/],
];

/** Import files with one bad cell each: the import reports the row and writes nothing. */
const IMPORTS: [string, string, string, RegExp][] = [
  ['a partnership name that is a formula', 'partnership,teryt,source\n"=cmd|\' /C calc\'!A0",1201022,https://example.org', 'partnership', /formula/],
  ['NUL in a cell', `partnership,teryt,source\ngzm${NUL},2469011,https://example.org`, 'partnership', /control characters/],
  ['a date of month 13', 'partnership,teryt,joined,source\ngzm,2469011,2020-13,https://example.org', 'joined', /no month 13/],
  ['a lower-case programme code', 'partnership,teryt,programme,source\ngzm,2469011,cwd-plus,https://example.org', 'programme', /capital letters/],
];

/** HTTP requests the server must refuse with a 4xx and the one error body, never a 5xx. */
const HTTP: [string, string, number, string, string | undefined][] = [
  ['a path that is not UTF-8', '/%E0%A4%A', 400, 'BAD_REQUEST', undefined],
  ['a path with NUL', '/export/jsts.csv%00', 400, 'BAD_REQUEST', undefined],
  ['an unknown route', '/nie-ma', 404, 'NOT_FOUND', undefined],
  ['an export filter with a string for a list', `/export/partnerships.csv?filter=${encodeURIComponent('{"legalForms":"LAG"}')}`, 400, 'BAD_USER_INPUT', 'filter.legalForms'],
  ['an export filter with an unknown legal form', `/export/partnerships.csv?filter=${encodeURIComponent('{"legalForms":["NOPE"]}')}`, 400, 'BAD_USER_INPUT', 'filter.legalForms[0]'],
  ['an export filter with a misspelt key', `/export/partnerships.geojson?filter=${encodeURIComponent('{"programe":"X"}')}`, 400, 'BAD_USER_INPUT', 'filter.programe'],
  ['an export filter with an empty string', `/export/jsts.csv?filter=${encodeURIComponent('{"voivodeship":""}')}`, 400, 'BAD_USER_INPUT', 'filter.voivodeship'],
  ['an export filter with NUL', `/export/jsts.csv?filter=${encodeURIComponent('{"search":"ab\\u0000"}')}`, 400, 'BAD_USER_INPUT', 'filter.search'],
  ['an export filter that is a list', `/export/jsts.csv?filter=${encodeURIComponent('[]')}`, 400, 'BAD_USER_INPUT', 'filter'],
  ['an empty export filter', '/export/jsts.csv?filter=', 400, 'BAD_USER_INPUT', 'filter'],
  ['an unknown export parameter', '/export/jsts.csv?filtr=%7B%7D', 400, 'BAD_USER_INPUT', 'filtr'],
  ['a precision that is not a number', '/export/jsts.geojson?precision=abc', 400, 'BAD_USER_INPUT', 'precision'],
];

/** No answer to bad input may be a server error. */
function expectNoServerError(result: GraphqlResult): void {
  for (const error of result.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
}

describe.each(testBackends())('bad input on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let before: Record<string, string>;
  let app: RunningApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const service = new TokenService(seeded.db.em());
    tokens.editor = (await service.create('redakcja', Role.EDITOR, null)).secret;
    tokens.admin = (await service.create('ministerstwo', Role.ADMIN, null)).secret;
    // Taken before the first bad request, so any write a bad request lets through shows.
    before = await databaseChecksum(seeded.db.em());
    app = await startApp(testConfig(seeded.db.database), { orm: seeded.db.orm, log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(READS)('rejects %s as BAD_USER_INPUT naming the field and the rule', async (_what, operation, field, rule) => {
    const result = await seeded.api.run(operation);
    expectNoServerError(result);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error!.message).toMatch(rule);
    expect(error!.message.startsWith(`${field}: `)).toBe(true);
  });

  it.each(WRITES)('refuses a write with %s and writes nothing', async (_what, operation, variables, field, rule) => {
    const token = operation.includes('Programme(') ? tokens.admin : tokens.editor;
    const result = await seeded.api.run(operation, variables, token);
    expectNoServerError(result);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toMatch(rule);
  });

  it.each(IMPORTS)('refuses an import row with %s', async (_what, csv, field, rule) => {
    const IMPORT = `mutation($csv: String!) { importPartnerships(csv: $csv, dryRun: false) { applied errors { line field message } } }`;
    const result = await seeded.api.run(IMPORT, { csv }, tokens.editor);
    expectNoServerError(result);
    const report = result.data?.importPartnerships ?? null;
    // NUL is refused before the import runs (the control-character guard); other bad cells are reported per row.
    if (report) expect(report).toMatchObject({ applied: false, errors: [expect.objectContaining({ line: 2, field, message: expect.stringMatching(rule) })] });
    else expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTROL_CHARACTER' });
  });

  it('refuses a subscription as a validation failure, not an internal error', async () => {
    const result = await seeded.api.run(`subscription { programmes { code } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'SUBSCRIPTIONS_NOT_SUPPORTED' });
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'subscription S { x }' }) });
    expect(response.status).toBe(400);
  });

  it('refuses NUL in a variable over HTTP with 400 and BAD_USER_INPUT', async () => {
    const body = JSON.stringify({ query: 'query($t: String!) { jsts(filter: { search: $t }) { totalCount } }', variables: { t: `ab${NUL}` } });
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$t', reason: 'CONTROL_CHARACTER' });
  });

  it('rejects a query nested deeper than the limit before running it', async () => {
    const result = await seeded.api.run(`{ partnerships { edges { node { members { jst { memberships { partnership { members { jst { parent { parent { name } } } } } } } } } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/nested 1\d levels deep; the limit is 10/);
  });

  it.each(HTTP)('answers %s (%s) with %i and the one error body', async (_what, path, status, code, field) => {
    const response = await fetch(`${app.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code }) }] });
    if (field) expect(body.errors[0]!.extensions.field).toBe(field);
  });

  it('leaves the database exactly as it was after every rejected request', async () => {
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });
});
