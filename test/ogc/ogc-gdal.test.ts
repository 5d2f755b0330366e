import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { partnershipActiveSql, today } from '../../server/time/as-of.js';
import { testBackends } from '../support/database.js';
import { EPSG_2180, useOgcApp } from './ogc-app.js';

const run = promisify(execFile);
const gdal = async (tool: string, args: string[]) => (await run(tool, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;

/** The OGC API as GDAL (3.6, Debian's gdal-bin) reads it: its OAPIF driver, and the GeoJSON driver over /vsicurl_streaming/ (one GET of an answer; the API sends no byte ranges, see ogc-routes.ts). */
describe.each(testBackends())('OGC API Features through GDAL on $name', ({ database }) => {
  const ogc = useOgcApp(database);
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-ogc-gdal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const oapif = () => `OAPIF:${ogc.app.url}/ogc`;
  /** One number of an ogrinfo SQL answer, e.g. `n (Integer) = 2477`. */
  const sqlNumber = (output: string, name: string) => Number(new RegExp(`^\\s*${name} \\(\\w+\\) = (\\S+)`, 'm').exec(output)?.[1]);

  it('ogrinfo lists every collection, each with the feature count of the database', async () => {
    const listing = await gdal('ogrinfo', ['-ro', '-so', oapif()]);
    for (const id of ['gminy', 'powiaty', 'wojewodztwa', 'partnerships', 'memberships']) expect(listing).toMatch(new RegExp(`^\\d+: ${id} \\(title: .+\\) \\(Multi Polygon\\)$`, 'm'));
    const counts = await ogc.db.em().getConnection().execute(
      `select (select count(*)::int from jst where level = 'MUNICIPALITY') as gminy, (select count(*)::int from jst where level = 'COUNTY') as powiaty,
         (select count(*)::int from jst where level = 'VOIVODESHIP') as wojewodztwa, (select count(*)::int from partnership p where ${partnershipActiveSql('p', today())}) as partnerships,
         (select count(*)::int from membership m join partnership p on p.id = m.partnership_id where p.archived_at is null) as memberships`,
    );
    expect(counts[0].gminy).toBe(2477);
    for (const [id, n] of Object.entries(counts[0] as Record<string, number>)) {
      expect([id, /Feature Count: (\d+)/.exec(await gdal('ogrinfo', ['-ro', '-so', oapif(), id]))?.[1]]).toEqual([id, String(n)]);
    }
  });

  it('ogr2ogr copies the 2,477 gminy into a GeoPackage, every geometry valid', async () => {
    const out = path.join(dir, 'gminy.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', out, oapif(), 'gminy', '-oo', 'PAGE_SIZE=1000', '-mapFieldType', 'StringList=String']);
    const answer = await gdal('ogrinfo', [out, '-sql', 'select count(*) as n, sum(ST_IsValid(geom)) as valid, min(ST_MinX(geom)) as w, max(ST_MaxY(geom)) as top from gminy']);
    expect([sqlNumber(answer, 'n'), sqlNumber(answer, 'valid')]).toEqual([2477, 2477]);
    expect([sqlNumber(answer, 'w') > 14, sqlNumber(answer, 'top') < 55]).toEqual([true, true]);
  });

  it('ogr2ogr of the items in EPSG:2180 (GDAL 3.6 OAPIF cannot ask for a CRS: read as GeoJSON through /vsicurl_streaming/) has metres inside Poland', async () => {
    const out = path.join(dir, 'gminy-2180.gpkg');
    const url = `/vsicurl_streaming/${ogc.app.url}/ogc/collections/gminy/items?limit=10000&crs=${encodeURIComponent(EPSG_2180)}`;
    await gdal('ogr2ogr', ['-f', 'GPKG', out, url, '-nln', 'gminy', '-a_srs', 'EPSG:2180', '-mapFieldType', 'StringList=String']);
    const answer = await gdal('ogrinfo', [out, '-sql', 'select count(*) as n, sum(ST_IsValid(geom)) as valid, min(ST_MinX(geom)) as x0, max(ST_MaxX(geom)) as x1, min(ST_MinY(geom)) as y0, max(ST_MaxY(geom)) as y1 from gminy']);
    expect([sqlNumber(answer, 'n'), sqlNumber(answer, 'valid')]).toEqual([2477, 2477]);
    // The answer's first axis is northing (EPSG:2180's own order): Poland spans about 125–790 km of it, and 145–880 km of easting.
    const [x0, x1, y0, y1] = ['x0', 'x1', 'y0', 'y1'].map((name) => sqlNumber(answer, name)) as [number, number, number, number];
    expect([x0 > 100_000, x1 < 800_000, y0 > 140_000, y1 < 900_000, x1 - x0 > 500_000]).toEqual([true, true, true, true, true]);
  });

  /** Slugs of the partnerships GraphQL lists for `filter`. */
  async function graphqlSlugs(filter: Record<string, unknown>): Promise<string[]> {
    const response = await fetch(`${ogc.app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($f: PartnershipFilter) { partnerships(filter: $f, first: 200) { edges { node { slug } } } }', variables: { f: filter } }),
    });
    return ((await response.json()) as { data: { partnerships: { edges: { node: { slug: string } }[] } } }).data.partnerships.edges.map((e) => e.node.slug).sort();
  }
  const slugsOf = (ogrinfo: string) => [...ogrinfo.matchAll(/^\s*slug \(String\) = (\S+)$/gm)].map((m) => m[1]).sort();
  /** Southern Poland: 5 of the 11 ZIT 2014–2020 partnerships lie in it. */
  const bbox = [16, 49, 22, 51.5];

  it('a bbox and a property filter, read by GDAL, give exactly the partnerships GraphQL gives for the same filter', async () => {
    const expected = await graphqlSlugs({ bbox, programme: 'ZIT-2014-2020' });
    expect([expected.length > 1, expected.length < (await graphqlSlugs({ programme: 'ZIT-2014-2020' })).length]).toEqual([true, true]);
    const url = `/vsicurl_streaming/${ogc.app.url}/ogc/collections/partnerships/items?limit=1000&programme=ZIT-2014-2020&bbox=${bbox.join(',')}`;
    expect(slugsOf(await gdal('ogrinfo', ['-ro', '-al', '-geom=NO', url]))).toEqual(expected);
  });

  it("the OAPIF driver's own bbox (-spat, sent to the server) with an attribute filter gives what GraphQL gives", async () => {
    const expected = await graphqlSlugs({ bbox, areaTypes: ['MOF'] });
    expect(expected.length).toBeGreaterThan(0);
    const listed = await gdal('ogrinfo', ['-ro', '-al', '-geom=NO', '-spat', ...bbox.map(String), '-where', "areaType = 'MOF'", oapif(), 'partnerships']);
    expect(slugsOf(listed)).toEqual(expected);
  });
});
