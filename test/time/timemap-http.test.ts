import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startApp, type RunningApp } from '../../server/app.js';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { query } from '../../server/db/sql.js';
import { rawRequest } from '../http/raw-request.js';
import { decodeLayer } from '../tiles/tile-support.js';
import { openSeededDatabase, testBackends, testConfig, type TestDatabase } from '../support/database.js';

const run = promisify(execFile);

/**
 * Time in the HTTP surfaces: `asOf` on the exports and tiles, OGC API `datetime`. The dates the
 * assertions rest on are set here, from the sources the seed cites, so the file does not depend on
 * which seed version carries them: KZK GOP ended on 1.01.2019 (replaced by ZTM/GZM, issue 12),
 * ZIT 2014–2020 ran 2014–2020, and the seed's six Aglomeracja Wałbrzyska gminy joined in 2021.
 */
const FIXTURE = [
  `update partnership set started = coalesce(started, '1991'), ended = '2019-01-01', end_reason = 'REPLACED' where slug = 'kzk-gop'`,
  `update programme set start_date = coalesce(start_date, '2014'), end_date = coalesce(end_date, '2020') where code = 'ZIT-2014-2020'`,
];
const AW = 'aglomeracja-walbrzyska';
/** The tile of zoom 5 that holds Silesia and Lower Silesia. */
const TILE = '5/17/10';

interface ErrorBody { errors: { extensions: { code: string; field?: string } }[] }

describe.each(testBackends())('asOf and datetime over HTTP on $name', ({ database }) => {
  let db: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    db = await openSeededDatabase(database);
    for (const sql of FIXTURE) await query(db.em(), sql);
    app = await startApp(testConfig(db.database), { orm: db.orm, log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });
  const get = (path: string) => rawRequest(`${app.url}${path}`);
  const json = async <T = any>(path: string): Promise<T> => {
    const response = await get(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body.toString()}`);
    return JSON.parse(response.body.toString()) as T;
  };
  /** A 400 with the one error body naming `field`. */
  const refused = async (path: string, field: string) => {
    const response = await get(path);
    expect([path, response.status]).toEqual([path, 400]);
    const body = JSON.parse(response.body.toString()) as ErrorBody;
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  };
  const slugsOf = (fc: { features: { properties: { slug: string } }[] }) => fc.features.map((f) => f.properties.slug);

  describe('exports', () => {
    it('partnerships as on a day: KZK GOP in 2015 (with its members then), not today; the file says its day', async () => {
      const past = await json('/export/partnerships.geojson?asOf=2015-06-01&precision=3');
      const now = await json('/export/partnerships.geojson?precision=3');
      expect(past.asOf).toBe('2015-06-01');
      expect(now.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(slugsOf(past)).toContain('kzk-gop');
      expect(slugsOf(now)).not.toContain('kzk-gop');
      const kzk = past.features.find((f: any) => f.properties.slug === 'kzk-gop');
      expect([kzk.properties.memberCount > 0, kzk.geometry?.type, kzk.properties.ended]).toEqual([true, 'MultiPolygon', '2019-01-01']);
      const aw = (fc: any) => fc.features.find((f: any) => f.properties.slug === AW).properties.memberCount;
      expect([aw(await json('/export/partnerships.geojson?asOf=2020-06-01&precision=3')), aw(now)]).toEqual([22, 28]);
    });

    it('CSV rows are the members on the day, each row saying the day; the ETag differs by day', async () => {
      const csv = async (path: string) => (await get(path)).body.toString().replace(/^\uFEFF/, '').trim().split('\r\n');
      const [header, ...rows] = await csv(`/export/partnerships.csv?asOf=2020-06-01&filter=${encodeURIComponent(JSON.stringify({ search: 'Wałbrzyska' }))}`);
      expect(header!.split(',').at(-1)).toBe('as_of');
      const aw = rows.filter((r) => r.startsWith(`${AW},`));
      expect([aw.length, aw.every((r) => r.endsWith(',2020-06-01'))]).toEqual([22, true]);
      const jsts = await csv('/export/jsts.csv?asOf=2015-06-01&filter=%7B%22voivodeship%22%3A%2224%22%7D');
      expect(jsts.some((r) => / kzk-gop|,kzk-gop/.test(r))).toBe(true);
      expect((await csv('/export/jsts.csv?filter=%7B%22voivodeship%22%3A%2224%22%7D')).some((r) => r.includes('kzk-gop'))).toBe(false);
      const [a, b] = [await get('/export/jsts.csv?asOf=2015-06-01'), await get('/export/jsts.csv?asOf=2015-06-02')];
      expect(a.headers.etag).not.toBe(b.headers.etag);
    });

    it('a dated CSV imported back removes no one who joined after its day; a file mixing days is refused row by row', async () => {
      const token = (await new TokenService(db.em()).create('timemap-import', Role.EDITOR, null)).secret;
      const file = (await get(`/export/partnerships.csv?asOf=2020-06-01&filter=${encodeURIComponent(JSON.stringify({ search: 'Wałbrzyska' }))}`)).body.toString();
      const dryRun = async (body: string) => {
        const response = await fetch(`${app.url}/import/partnerships?dryRun=true`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` }, body });
        expect(response.status).toBe(200);
        return (await response.json()) as { changes: { kind: string; key: string }[]; errors: { line: number; field: string }[] };
      };
      // The file has AW's 22 members of 2020; the six who joined in 2021 are outside its day, not left out of it.
      expect(await dryRun(file)).toMatchObject({ errors: [], changes: [] });
      const lines = file.replace(/^\uFEFF/, '').trim().split('\r\n');
      const mixed = [lines[0], lines[1], lines[2]!.replace(/,2020-06-01$/, ',2021-06-01')].join('\r\n');
      expect((await dryRun(mixed)).errors).toEqual([expect.objectContaining({ line: 3, field: 'as_of' })]);
    });

    it('refuses a bad asOf with the one error body', async () => {
      for (const bad of ['2015', '2015-06', '2015-02-30', 'yesterday', '']) await refused(`/export/partnerships.csv?asOf=${bad}`, 'asOf');
      await refused('/export/jsts.geojson?asOf=15-06-01', 'asOf');
    });
  });

  describe('OGC API datetime', () => {
    const items = (collection: string, search: string) => json(`/ogc/collections/${collection}/items?limit=100&${search}`);
    const matched = async (collection: string, search: string) => (await items(collection, search)).numberMatched as number;

    it('an instant: partnerships running then, memberships valid then, gminy with their partnerships then', async () => {
      expect(await matched('partnerships', 'partnership=kzk-gop')).toBe(0);
      const kzk = await items('partnerships', 'partnership=kzk-gop&datetime=2015-06-01');
      expect(kzk.numberMatched).toBe(1);
      expect(kzk.features[0].properties).toMatchObject({ started: '1991', ended: '2019-01-01', endReason: 'REPLACED' });
      expect(kzk.features[0].geometry.type).toBe('MultiPolygon');
      expect(await matched('memberships', `partnership=${AW}`)).toBe(28);
      expect(await matched('memberships', `partnership=${AW}&datetime=2020-06-01`)).toBe(22);
      expect(await matched('memberships', `partnership=${AW}&datetime=2020-06-01T23:30:00%2B02:00`)).toBe(22);
      expect(await matched('memberships', `partnership=${AW}&datetime=2021-06-01`)).toBe(28);
      const joined = (await items('memberships', `partnership=${AW}&teryt=0205011`)).features[0].properties;
      expect([joined.joined, joined.left, joined.current]).toEqual(['2021', null, true]);
      expect(await matched('gminy', 'partnership=kzk-gop&datetime=2015-06-01')).toBeGreaterThan(0);
      expect(await matched('gminy', 'partnership=kzk-gop')).toBe(0);
    });

    it('an interval, closed or open: what existed at some time in it', async () => {
      expect(await matched('partnerships', 'partnership=kzk-gop&datetime=2014-01-01/2020-12-31')).toBe(1);
      expect(await matched('partnerships', 'partnership=kzk-gop&datetime=2018-12-31/..')).toBe(1);
      expect(await matched('partnerships', 'partnership=kzk-gop&datetime=2019-01-01/..')).toBe(0);
      expect(await matched('partnerships', 'partnership=kzk-gop&datetime=../2000-01-01')).toBe(1);
      expect(await matched('partnerships', 'partnership=kzk-gop&datetime=/2000-01-01')).toBe(1);
      expect(await matched('memberships', `partnership=${AW}&datetime=2014-01-01/2020-12-31`)).toBe(22);
      expect(await matched('memberships', `partnership=${AW}&datetime=2020-01-01/2021-01-01`)).toBe(28);
    });

    it('refuses bad datetime values with the one error body', async () => {
      for (const bad of ['yesterday', '2020-13-01', '2020', '2021-01-01/2020-01-01', '2020-01-01/2021-01-01/2022-01-01', '..', '2020-06-01T25:00:00Z', '2020-06-01T10:00:00']) {
        await refused(`/ogc/collections/memberships/items?datetime=${encodeURIComponent(bad)}`, 'datetime');
      }
    });

    it('collections advertise their temporal extent; the OpenAPI document lists datetime', async () => {
      const collection = await json('/ogc/collections/partnerships');
      expect(collection.extent.temporal.interval[0][0]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(collection.extent.temporal.trs).toBe('http://www.opengis.net/def/uom/ISO-8601/0/Gregorian');
      expect((await json('/ogc/collections/memberships')).extent.temporal.interval[0][1]).toBeNull();
      const api = await json('/ogc/api');
      expect(api.paths['/collections/memberships/items'].get.parameters.map((p: { name: string }) => p.name)).toContain('datetime');
    });

    it('GDAL reads a past day from the items URL', async () => {
      const url = `/vsicurl_streaming/${app.url}/ogc/collections/memberships/items?limit=100&partnership=${AW}&datetime=2020-06-01`;
      const { stdout } = await run('ogrinfo', ['-ro', '-so', '-al', url]);
      expect(/Feature Count: (\d+)/.exec(stdout)?.[1]).toBe('22');
    });
  });

  describe('tiles', () => {
    /** Units of a gminy tile listing `slug`, by TERYT code. */
    const unitsOf = async (slug: string, search: string) => {
      const response = await get(`/tiles/gminy/${TILE}.mvt${search}`);
      expect(response.status).toBe(200);
      return decodeLayer(response.body, 'gminy').filter((f) => String(f.properties.partnerships).split(',').includes(slug)).map((f) => f.properties.teryt).sort();
    };

    it('KZK GOP colours its members as of 2015 and nothing today; its area is drawn only then', async () => {
      const [past, now] = [await unitsOf('kzk-gop', '?asOf=2015-06-01'), await unitsOf('kzk-gop', '')];
      expect([past.length > 0, now.length]).toEqual([true, 0]);
      expect(await unitsOf('kzk-gop', `?asOf=${new Date().toISOString().slice(0, 10)}`)).toEqual([]);
      const areas = async (search: string) => decodeLayer((await get(`/tiles/areas/${TILE}.mvt${search}`)).body, 'areas').map((f) => f.properties.slug);
      expect([(await areas('?asOf=2015-06-01')).includes('kzk-gop'), (await areas('')).includes('kzk-gop')]).toEqual([true, false]);
    });

    it('a programme period: the members during ZIT 2014–2020 (22 of Aglomeracja Wałbrzyska, not 28)', async () => {
      expect((await unitsOf(AW, '?period=ZIT-2014-2020')).length).toBe(22);
      expect((await unitsOf(AW, '?period=ZIT-2021-2027')).length).toBe(28);
      expect((await unitsOf(AW, '')).length).toBe(28);
      // Both: the members on a day that also count for the period (as coverage(programme, asOf) counts).
      expect((await unitsOf(AW, '?asOf=2021-06-01&period=ZIT-2014-2020')).length).toBe(22);
    });

    it('TileJSON carries the time into the tile URLs; a tile of a named day is immutable, of today lasts to midnight', async () => {
      const tilejson = await json('/tiles/gminy.json?asOf=2015-06-01');
      expect(tilejson.tiles[0]).toMatch(/\/tiles\/gminy\/\{z\}\/\{x\}\/\{y\}\.mvt\?v=[^&]+&asOf=2015-06-01$/);
      expect((await json('/tiles/areas.json?period=SLZ&phase=I')).tiles[0]).toMatch(/&period=SLZ&phase=I$/);
      const v = new URL(tilejson.tiles[0].replace(/\{[xyz]\}/g, '0')).searchParams.get('v')!;
      expect((await get(`/tiles/gminy/${TILE}.mvt?v=${v}&asOf=2015-06-01`)).headers['cache-control']).toContain('immutable');
      expect((await get(`/tiles/gminy/${TILE}.mvt?v=${v}`)).headers['cache-control']).toMatch(/^public, max-age=\d+$/);
      // Without a time, TileJSON names today, so its tile URLs are immutable too.
      expect((await json('/tiles/gminy.json')).tiles[0]).toMatch(new RegExp(`&asOf=${new Date().toISOString().slice(0, 10)}$`));
    });

    it('refuses bad time parameters with the one error body; an unknown programme too', async () => {
      await refused(`/tiles/gminy/${TILE}.mvt?asOf=2015`, 'asOf');
      await refused(`/tiles/gminy.json?asOf=2015-02-30`, 'asOf');
      await refused(`/tiles/gminy/${TILE}.mvt?phase=I`, 'phase');
      await refused(`/tiles/gminy/${TILE}.mvt?period=zit`, 'period');
      await refused(`/tiles/gminy/${TILE}.mvt?period=NOPE`, 'period');
    });
  });
});
