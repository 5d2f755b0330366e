import { describe, expect, it } from '@jest/globals';
import { parseBbox, parseGeometry, parseLatitude, parseLongitude, parsePoint } from '../../../server/input/geo.js';
import { parseGeometryOptions } from '../../../server/input/geometry-options.js';
import { parseJstFilter } from '../../../server/input/jst-filter.js';
import { decodeCursor, encodeCursor, idKey, parsePageRequest } from '../../../server/input/paging.js';
import { parsePartnershipFilter } from '../../../server/input/partnership-filter.js';
import { parseSlug } from '../../../server/input/slug.js';
import { parseTeryt } from '../../../server/input/teryt.js';
import { inputError } from './helpers.js';

const square = [[[19, 50], [20, 50], [20, 51], [19, 51], [19, 50]]];

describe('filters: one parser for GraphQL and ?filter= JSON', () => {
  it('parses a JST filter into typed conditions, search as folded text', () => {
    expect(parseJstFilter({ level: 'MUNICIPALITY', voivodeship: '12', county: '1201', search: 'Łódź', memberOfNone: true, programme: null })).toEqual({
      level: 'MUNICIPALITY', voivodeship: '12', county: '1201', search: 'lodz', memberOfNone: true,
    });
    expect(parseJstFilter(undefined)).toEqual({});
  });

  it('parses a partnership filter', () => {
    expect(parsePartnershipFilter({ legalForms: ['LAG'], bbox: [19, 50, 20, 51], containsPoint: { lon: 19.9, lat: 50.1 }, intersects: { type: 'Polygon', coordinates: square } })).toMatchObject({
      legalForms: ['LAG'], bbox: [19, 50, 20, 51], containsPoint: { lon: 19.9, lat: 50.1 },
    });
  });

  it.each([
    ['jsts', { programe: 'X' }, 'filter.programe', 'UNKNOWN_KEY', /not a field of filter/],
    ['jsts', { voivodeship: '' }, 'filter.voivodeship', 'MALFORMED', /2-digit/],
    ['jsts', { search: '' }, 'filter.search', 'EMPTY', /must not be empty/],
    ['jsts', { search: '  ' }, 'filter.search', 'EMPTY', /must not be empty/],
    ['jsts', { search: 'ł' }, 'filter.search', 'TOO_SHORT', /at least 2 letters/],
    ['jsts', { search: '- – „”' }, 'filter.search', 'TOO_SHORT', /at least 2 letters/],
    ['jsts', { search: 'ab\u0000' }, 'filter.search', 'CONTROL_CHARACTER', /control/],
    ['jsts', { memberOf: '' }, 'filter.memberOf', 'MALFORMED', /lowercase/],
    ['jsts', { programme: '' }, 'filter.programme', 'MALFORMED', /capital letters/],
    ['jsts', { level: 'CITY' }, 'filter.level', 'NOT_ALLOWED', /must be one of/],
    ['jsts', { kinds: 'POWIAT' }, 'filter.kinds', 'WRONG_TYPE', /must be a list/],
    ['jsts', { memberOfNone: 'yes' }, 'filter.memberOfNone', 'WRONG_TYPE', /true or false/],
    ['jsts', [], 'filter', 'WRONG_TYPE', /must be an object/],
    ['jsts', 'x', 'filter', 'WRONG_TYPE', /must be an object/],
    ['partnerships', { legalForms: 'LAG' }, 'filter.legalForms', 'WRONG_TYPE', /must be a list/],
    ['partnerships', { legalForms: ['NOPE'] }, 'filter.legalForms[0]', 'NOT_ALLOWED', /must be one of JST_ASSOCIATION/],
    ['partnerships', { statuses: ['WINNER'] }, 'filter.statuses[0]', 'NOT_ALLOWED', /APPLICANT/],
    ['partnerships', { member: '' }, 'filter.member', 'MALFORMED', /only digits/],
    ['partnerships', { bbox: '1,2,3,4' }, 'filter.bbox', 'MALFORMED', /4 numbers/],
    ['partnerships', { containsPoint: { lon: 19, lat: 95 } }, 'filter.containsPoint.lat', 'OUT_OF_RANGE', /latitude/],
    ['partnerships', { containsPoint: { lon: 19, lat: 50, alt: 1 } }, 'filter.containsPoint.alt', 'UNKNOWN_KEY', /not a field of a point/],
    ['partnerships', { intersects: { type: 'Circle' } }, 'filter.intersects', 'MALFORMED', /type must be one of/],
    ['partnerships', { includeArchived: 1 }, 'filter.includeArchived', 'WRONG_TYPE', /true or false/],
  ])('refuses a %s filter %j at %s (%s)', (what, raw, field, reason, rule) => {
    const error = inputError(() => (what === 'jsts' ? parseJstFilter(raw) : parsePartnershipFilter(raw)));
    expect([error.field, error.details.reason]).toEqual([field, reason]);
    expect(error.rule).toMatch(rule);
  });
});

describe('paging', () => {
  it('round-trips a cursor through its key parser', () => {
    expect(decodeCursor('after', encodeCursor('1201011'), parseTeryt)).toBe('1201011');
    expect(parsePageRequest(undefined, null, parseSlug)).toEqual({ limit: 50, afterKey: null });
    expect(parsePageRequest(10, encodeCursor('42'), idKey)).toEqual({ limit: 10, afterKey: '42' });
  });

  it.each([
    ['bad base64', 'bm9wZQ', parseTeryt],
    ['k:NUL', encodeCursor('\u0000'), parseTeryt],
    ['k: and a 20-digit number', encodeCursor('99999999999999999999'), idKey],
    ['k: and a 20-digit number for TERYT', encodeCursor('99999999999999999999'), parseTeryt],
    ['a slug cursor where a TERYT is expected', encodeCursor('blisko-krakowa'), parseTeryt],
    ['an empty key', encodeCursor(''), parseSlug],
    ['a non-canonical encoding', `${encodeCursor('12')}=`, parseTeryt],
    ['a cursor with NUL outside the base64', `${encodeCursor('12')}\u0000`, parseTeryt],
  ])('refuses a forged cursor: %s', (_what, cursor, key) => {
    const error = inputError(() => parsePageRequest(10, cursor, key));
    expect(error.field).toBe('after');
    expect(['MALFORMED_CURSOR', 'CONTROL_CHARACTER']).toContain(error.details.reason);
  });

  it.each([0, 201, 1.5, '10'])('refuses page size %j', (first) => {
    expect(inputError(() => parsePageRequest(first, null, parseSlug)).field).toBe('first');
  });
});

describe('geometry and coordinates', () => {
  it.each([
    [() => parseLongitude('lon', 200), 'lon', /between -180 and 180/],
    [() => parseLatitude('lat', Number.NaN), 'lat', /between -90 and 90/],
    [() => parsePoint('p', [19, 50]), 'p', /object \{ lon, lat \}/],
    [() => parseBbox('b', [20, 50, 19, 51]), 'b', /west ≤ east/],
    [() => parseBbox('b', [20, 50, 21]), 'b', /4 numbers/],
    [() => parseGeometry('g', { type: 'Polygon', coordinates: [[[19, 50], [20, 50], [20, 51], [19, 51]]] }), 'g', /must be closed/],
    [() => parseGeometry('g', { type: 'Polygon', coordinates: [[[19, 50], [20, 50], [19, 50]]] }), 'g', /at least 4 positions/],
    [() => parseGeometry('g', { type: 'Point', coordinates: [190, 50] }), 'g', /longitude/],
    [() => parseGeometry('g', { type: 'MultiPolygon', coordinates: square }), 'g', /nested arrays 4 deep/],
    [() => parseGeometry('g', 'POINT(1 2)'), 'g', /GeoJSON geometry object/],
    [() => parseGeometryOptions({ simplify: 5 }), 'simplify', /from 0 to 1 degree/],
    [() => parseGeometryOptions({ precision: 40 }), 'precision', /from 0 to 7/],
    [() => parseGeometryOptions({ precision: 'abc' }), 'precision', /must be a number/],
    [() => parseGeometryOptions({ simplify: '' }), 'simplify', /must be a number/],
  ])('refuses case %#', (parse, field, rule) => {
    const error = inputError(parse);
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(rule);
  });

  it('reads geometry options from numbers and from URL strings', () => {
    expect(parseGeometryOptions({})).toEqual({ simplify: 0, precision: 6 });
    expect(parseGeometryOptions({ simplify: '0.005', precision: '5' })).toEqual({ simplify: 0.005, precision: 5 });
    expect(parseGeometry('g', { type: 'Polygon', coordinates: square }).type).toBe('Polygon');
  });
});
