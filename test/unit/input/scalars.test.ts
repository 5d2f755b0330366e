import { describe, expect, it } from '@jest/globals';
import { parsePartialDate } from '../../../server/input/partial-date.js';
import { parseProgrammeCode } from '../../../server/input/programme-code.js';
import { parseSlug } from '../../../server/input/slug.js';
import { parseSourceRef, parseSources } from '../../../server/input/source.js';
import { parseName, parseText } from '../../../server/input/text.js';
import { parseCounty, parseTeryt, parseVoivodeship } from '../../../server/input/teryt.js';
import { inputError } from './helpers.js';

type Parser = (field: string, value: unknown) => unknown;

/** Each parser: values it accepts (with what it returns) and values it refuses (with the reason and words of the rule). */
const TABLE: [string, Parser, [unknown, unknown][], [unknown, string, RegExp][]][] = [
  ['parseTeryt', parseTeryt, [['12', '12'], ['1261', '1261'], ['1201011', '1201011']], [
    ['12a4', 'MALFORMED', /only digits/],
    ['12345', 'MALFORMED', /2 \(województwo\), 4 \(powiat\) or 7 \(gmina\) digits/],
    ['99', 'MALFORMED', /even number from 02 to 32/],
    ['\u0000', 'CONTROL_CHARACTER', /control characters/],
    ['', 'MALFORMED', /only digits/],
    [12, 'WRONG_TYPE', /must be a string/],
  ]],
  ['parseVoivodeship', parseVoivodeship, [['02', '02'], ['32', '32']], [
    ['1201', 'MALFORMED', /2-digit TERC code of a województwo/],
    ['01', 'MALFORMED', /even number/],
    ['', 'MALFORMED', /2-digit/],
  ]],
  ['parseCounty', parseCounty, [['1201', '1201'], ['1261', '1261']], [
    ['12', 'MALFORMED', /4-digit TERC code of a powiat/],
    ['1200', 'MALFORMED', /powiat part must be 01 or more/],
  ]],
  ['parseSlug', parseSlug, [['blisko-krakowa', 'blisko-krakowa'], ['a', 'a'], ['x'.repeat(120), 'x'.repeat(120)]], [
    ['x'.repeat(121), 'MALFORMED', /1–120 lowercase/],
    ['Blisko', 'MALFORMED', /lowercase/],
    ['a--b', 'MALFORMED', /single hyphens/],
    ['', 'MALFORMED', /1–120/],
    ['a\u0000', 'CONTROL_CHARACTER', /control/],
  ]],
  ['parseProgrammeCode', parseProgrammeCode, [['EEA-PP', 'EEA-PP'], ['SLZ-2015', 'SLZ-2015']], [
    ['eea-pp', 'MALFORMED', /capital letters/],
    ['A'.repeat(41), 'MALFORMED', /1–40/],
    ['', 'MALFORMED', /1–40/],
  ]],
  ['parsePartialDate', parsePartialDate, [['2020', '2020'], ['2020-02', '2020-02'], ['2024-02-29', '2024-02-29'], ['2020-12-31', '2020-12-31']], [
    ['2020-13-45', 'OUT_OF_RANGE', /no month 13/],
    ['2020-00', 'OUT_OF_RANGE', /no month 00/],
    ['2023-02-29', 'OUT_OF_RANGE', /not a day of the calendar/],
    ['2020-04-31', 'OUT_OF_RANGE', /not a day of the calendar/],
    ['2020-1-5', 'MALFORMED', /YYYY, YYYY-MM or YYYY-MM-DD/],
    ['0999', 'OUT_OF_RANGE', /1000–2999/],
    ['', 'MALFORMED', /YYYY/],
  ]],
  ['parseSourceRef', parseSourceRef, [['seeds/zmp-raport.txt', 'seeds/zmp-raport.txt'], [' https://example.pl/a ', 'https://example.pl/a']], [
    ['ftp://example.pl/a', 'MALFORMED', /http\(s\) URL/],
    [`https://${'a'.repeat(1993)}`, 'MALFORMED', /2,000 characters/],
    ['seeds/../etc', 'MALFORMED', /seeds\/<file>/],
    ['', 'MALFORMED', /http/],
    ['https://example.pl/\u0000', 'CONTROL_CHARACTER', /control/],
  ]],
  ['parseText (max 10)', (f, v) => parseText(f, v, { max: 10 }), [[' Dolina ', 'Dolina'], ['Łódź', 'Łódź']], [
    ['', 'EMPTY', /must not be empty/],
    ['   ', 'EMPTY', /must not be empty/],
    ['x'.repeat(11), 'TOO_LONG', /limited to 10/],
    ['a\u0000b', 'CONTROL_CHARACTER', /control characters/],
    ['a\nb', 'CONTROL_CHARACTER', /line breaks/],
    ['a\u001bb', 'CONTROL_CHARACTER', /control/],
    [null, 'WRONG_TYPE', /must be a string, got null/],
  ]],
  ['parseText (multiline)', (f, v) => parseText(f, v, { max: 100, multiline: true }), [['line 1\nline 2\ttab', 'line 1\nline 2\ttab']], [
    ['a\u0000b', 'CONTROL_CHARACTER', /line breaks and tabs are allowed/],
    ['a\u007fb', 'CONTROL_CHARACTER', /control/],
  ]],
  ['parseName', (f, v) => parseName(f, v), [['Metropolia Krakowska', 'Metropolia Krakowska'], ['Gmina A-B', 'Gmina A-B']], [
    ['=HYPERLINK("http://x")', 'FORMULA_PREFIX', /formula/],
    ['+48 100', 'FORMULA_PREFIX', /formula/],
    ['-1', 'FORMULA_PREFIX', /formula/],
    ['@SUM(A1)', 'FORMULA_PREFIX', /formula/],
    ['\t=1', 'FORMULA_PREFIX', /formula/],
    ['\r=1', 'FORMULA_PREFIX', /formula/],
    [' =1', 'FORMULA_PREFIX', /formula/],
    ['', 'EMPTY', /empty/],
  ]],
];

describe.each(TABLE)('%s', (_name, parse, accepted, refused) => {
  it.each(accepted)('accepts %j', (value, expected) => {
    expect(parse('f', value)).toEqual(expected);
  });

  it.each(refused)('refuses %j (%s)', (value, reason, rule) => {
    const error = inputError(() => parse('f', value));
    expect(error.field).toBe('f');
    expect(error.details.reason).toBe(reason);
    expect(error.rule).toMatch(rule);
    expect(error.message).toBe(`f: ${error.rule}`);
  });
});

describe('parseSources', () => {
  it.each([
    [[], 'sources', /at least one source/],
    [Array.from({ length: 21 }, () => ({ ref: 'seeds/a.txt' })), 'sources', /at most 20/],
    [[{ ref: 'seeds/a.txt' }, { ref: 'nope' }], 'sources[1].ref', /http\(s\) URL/],
    [[{ ref: 'seeds/a.txt', quote: '' }], 'sources[0].quote', /must not be empty/],
    [[{ ref: 'seeds/a.txt', quote: 'a\u0000' }], 'sources[0].quote', /control/],
  ])('refuses %j at %s', (sources, field, rule) => {
    const error = inputError(() => parseSources('sources', sources));
    expect(error.field).toBe(field);
    expect(error.rule).toMatch(rule);
  });

  it('keeps the quote and note, multi-line', () => {
    expect(parseSources('s', [{ ref: 'seeds/a.txt', quote: 'zdanie\ndrugie', note: null }])).toEqual([{ ref: 'seeds/a.txt', quote: 'zdanie\ndrugie' }]);
  });
});
