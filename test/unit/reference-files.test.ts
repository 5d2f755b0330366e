/**
 * The code history and the population files, without a database: the committed history is what the
 * reference files say (a drift check), former codes map through the input layer, and a population
 * file is read whole or refused whole with a coded error.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_GEODATA } from '../../geodata/locate-source.js';
import { readFeatureCollection } from '../../geodata/read-features.js';
import { resolveTeryt } from '../../server/input/teryt.js';
import { buildTerytHistory, CHANGES_FILE, GMINY_FILE } from '../../server/jst/teryt-history-build.js';
import { terytHistory } from '../../server/jst/teryt-history.js';
import { readPopulationFile } from '../../server/population/population-file.js';
import { SHARED_REFERENCE } from '../../server/population/population-source.js';
import { InputError } from '../../server/shared/errors.js';

const reference = (file: string) => readFileSync(path.join(SHARED_REFERENCE, file), 'utf8');

/** The InputError `fn` throws (fails the test when it throws none). */
function refusal(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('TERYT code history', () => {
  it('is what the reference files and the boundaries say (npm run teryt:history rebuilds it)', () => {
    const boundaries = readFeatureCollection(readFileSync(path.join(SHARED_GEODATA, 'poland.municipalities.json'), 'utf8'), 'gminy');
    const built = buildTerytHistory(reference(GMINY_FILE), reference(CHANGES_FILE), boundaries.map((u) => ({ code: u.teryt, name: u.name })));
    expect(terytHistory()).toEqual(built);
    // 69 changes by 1.01.2024, 13 after, 4 boundary codes older than the file's 2020 ones; two new gminy.
    expect(built.former.filter((f) => f.validTo === '2024-01-01')).toHaveLength(69);
    expect(built.former.filter((f) => f.validTo === '2026')).toHaveLength(13);
    expect(built.former.filter((f) => f.validTo === '2020')).toHaveLength(4);
    expect(built.withoutBoundary.map((c) => [c.code, c.name])).toEqual([['1207132', 'Szczawa'], ['2002162', 'Grabówka']]);
  });

  it('maps a former code to the current one in the input layer, and refuses a code without a boundary by name', () => {
    expect(resolveTeryt('teryt', '2604142')).toMatchObject({ code: '2604143', asked: '2604142', former: { validTo: '2024-01-01' } });
    expect(resolveTeryt('teryt', '2604143')).toEqual({ code: '2604143', asked: '2604143', former: null });
    expect(resolveTeryt('teryt', '1004062').code).toBe('1004063');
    const e = refusal(() => resolveTeryt('member', '1207132'));
    expect([e.field, e.details.reason]).toEqual(['member', 'NO_BOUNDARY']);
    expect(e.message).toContain('Szczawa');
    expect(refusal(() => resolveTeryt('teryt', '2604144')).details.reason).toBe('MALFORMED');
  });
});

describe('population files', () => {
  it('reads both GUS files, keying gminy by their current code', () => {
    const gminy = readPopulationFile(reference('population-gminy-gus-2020.csv'));
    expect([gminy.kind, gminy.year, gminy.asOf, gminy.rows.length]).toEqual(['gminy', 2020, '2020-12-31', 2477]);
    expect(gminy.rows.reduce((s, r) => s + r.people, 0)).toBe(38_265_013);
    expect(gminy.rows.find((r) => r.teryt === '2604143')?.people).toBe(16_433);
    expect(gminy.rows.some((r) => r.teryt === '0601053')).toBe(true); // changed after 2024: the 2026 code
    const units = readPopulationFile(reference('population-powiaty-wojewodztwa-gus-2020.csv'));
    expect([units.kind, units.rows.length]).toEqual(['powiaty-wojewodztwa', 396]);
    expect(units.rows.find((r) => r.teryt === '1061')?.people).toBe(672_185);
  });

  it('takes any year in the same columns', () => {
    const later = reference('population-powiaty-wojewodztwa-gus-2020.csv').replaceAll(',2020,2020-12-31', ',2023,2023-12-31');
    expect(readPopulationFile(later)).toMatchObject({ year: 2023, asOf: '2023-12-31' });
  });

  it('refuses a bad file whole, naming each bad line', () => {
    const text = reference('population-powiaty-wojewodztwa-gus-2020.csv').split('\n');
    const broken = [text[0], text[1], text[2]!.replace(/,\d+,2020/, ',abc,2020'), text[3]!.replace('2020-12-31', '2021-12-31'), text[1]].join('\n');
    const e = refusal(() => readPopulationFile(broken));
    expect([e.field, e.details.reason]).toEqual(['file', 'MALFORMED']);
    expect(e.rule).toMatch(/3 row\(s\) refused, nothing loaded: line 3: ludnosc "abc" .*; line 4: .*one file holds one year; line 5: 02 repeats line 2/);
    expect(refusal(() => readPopulationFile('terc,ludnosc\n02,1')).rule).toMatch(/not a GUS population file/);
    expect(refusal(() => readPopulationFile(`${text[0]}\n`)).details.reason).toBe('EMPTY');
  });
});
