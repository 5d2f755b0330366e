import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { importGeodata } from '../../geodata/import-geodata.js';
import { GeodataInputError } from '../../geodata/read-features.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { openEmptyDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { featureCollection, GEODATA_DIR, writeTempGeoJson } from '../support/fixtures.js';

describe.each(testBackends())('geodata import on $name', ({ database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase(database);
  });
  afterAll(async () => db?.dispose());

  it('loads all 2,477 gminy, 380 powiaty and 16 województwa from the shared boundaries', async () => {
    const report = await importGeodata(db.em(), GEODATA_DIR);
    expect(report).toMatchObject({ inserted: 2873, updated: 0, unchanged: 0 });
    const counts = await query<{ level: string; n: number }>(db.em(), `select level, count(*)::int as n from jst group by level order by level`);
    expect(counts).toEqual([
      { level: 'COUNTY', n: 380 },
      { level: 'MUNICIPALITY', n: 2477 },
      { level: 'VOIVODESHIP', n: 16 },
    ]);
  });

  it('links every gmina to its powiat and every powiat to its województwo', async () => {
    const orphans = await query(db.em(), `select teryt from jst where level <> 'VOIVODESHIP' and (parent_teryt is null or parent_teryt <> left(teryt, length(teryt) - case level when 'MUNICIPALITY' then 3 else 2 end))`);
    expect(orphans).toEqual([]);
  });

  it('computes areas on the spheroid: Poland totals about 312,700 km²', async () => {
    const [row] = await query<{ gminy: number; woj: number }>(
      db.em(),
      `select sum(area_km2) filter (where level = 'MUNICIPALITY') as gminy, sum(area_km2) filter (where level = 'VOIVODESHIP') as woj from jst`,
    );
    expect(row!.gminy).toBeGreaterThan(310_000);
    expect(row!.gminy).toBeLessThan(315_000);
    expect(Math.abs(row!.gminy - row!.woj) / row!.woj).toBeLessThan(0.01);
  });

  it('changes nothing on a second run and says so', async () => {
    const before = await databaseChecksum(db.em());
    const report = await importGeodata(db.em(), GEODATA_DIR);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 2873 });
    expect(await databaseChecksum(db.em())).toEqual(before);
  });

  it.each([
    ['broken JSON', '{"type": "FeatureCollection", "features": [', 'not valid JSON'],
    ['an invalid TERYT code', featureCollection([{ terc: '0299999', name: 'Nigdzie', rings: [[[16, 51], [16.1, 51], [16.1, 51.1], [16, 51]]] }]), 'type digit "9" must be 1, 2 or 3'],
    ['a gmina whose powiat does not exist', featureCollection([{ terc: '0298011', name: 'Sierota', rings: [[[16, 51], [16.1, 51], [16.1, 51.1], [16, 51]]] }]), 'has no powiat 0298'],
    ['coordinates outside lng/lat ranges', featureCollection([{ terc: '02', name: 'Dolnośląskie', rings: [[[16, 51], [196, 51], [16.1, 91], [16, 51]]] }]), 'outside the range of EPSG:4326'],
    ['a point instead of a polygon', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { terc: '02', name: 'X' }, geometry: { type: 'Point', coordinates: [16, 51] } }] }, 'must be a Polygon or MultiPolygon'],
    ['an unsupported CRS', featureCollection([{ terc: '02', name: 'X', rings: [[[16, 51], [16.1, 51], [16.1, 51.1], [16, 51]]] }], 'urn:ogc:def:crs:EPSG::3857'), 'unsupported CRS'],
  ])('rejects %s with a precise message and leaves the database as it was', async (_what, content, message) => {
    const before = await databaseChecksum(db.em());
    const file = writeTempGeoJson('bad.geojson', content);
    const attempt = importGeodata(db.em(), file);
    await expect(attempt).rejects.toThrow(GeodataInputError);
    await expect(importGeodata(db.em(), file)).rejects.toThrow(message);
    expect(await databaseChecksum(db.em())).toEqual(before);
  });

  it('rolls back every unit when one fails inside the database', async () => {
    const before = await databaseChecksum(db.em());
    // A valid new name for Dolnośląskie plus a geometry PostGIS cannot use: nothing may be written.
    const file = writeTempGeoJson('half.geojson', {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { terc: '04', name: 'Renamed' }, geometry: { type: 'Polygon', coordinates: [[[18, 53], [18.1, 53], [18.1, 53.1], [18, 53]]] } },
        { type: 'Feature', properties: { terc: '06', name: 'Broken' }, geometry: { type: 'Polygon', coordinates: [[[18, 53], [18.1, 53]]] } },
      ],
    });
    await expect(importGeodata(db.em(), file)).rejects.toThrow();
    expect(await databaseChecksum(db.em())).toEqual(before);
  });
});

describe.each(testBackends())('geodata repair and reprojection on $name', ({ database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openEmptyDatabase(database);
  });
  afterAll(async () => db?.dispose());

  it('repairs a self-intersecting ring with ST_MakeValid and reports it', async () => {
    const bowtie = [[[16, 51], [17, 52], [17, 51], [16, 52], [16, 51]]];
    const file = writeTempGeoJson('bowtie.geojson', featureCollection([{ terc: '02', name: 'Dolnośląskie', rings: bowtie }]));
    const report = await importGeodata(db.em(), file);
    expect(report.repaired).toEqual([expect.objectContaining({ teryt: '02', reason: expect.stringMatching(/self-intersection/i) })]);
    const [row] = await query<{ valid: boolean; type: string }>(db.em(), `select ST_IsValid(boundary) as valid, GeometryType(boundary) as type from jst where teryt = '02'`);
    expect(row).toEqual({ valid: true, type: 'MULTIPOLYGON' });
  });

  it('transforms EPSG:2180 coordinates declared in the file into EPSG:4326', async () => {
    // A half-degree square near Zielona Góra, projected to PUWG 1992 by PostGIS, then imported back.
    const [src] = await query<{ geojson: string }>(
      db.em(),
      `select ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_GeomFromText('POLYGON((15 52, 15.5 52, 15.5 52.5, 15 52.5, 15 52))'), 4326), 2180), 3) as geojson`,
    );
    const geometry = JSON.parse(src!.geojson) as { coordinates: number[][][] };
    const file = writeTempGeoJson('2180.geojson', featureCollection([{ terc: '08', name: 'Lubuskie', rings: geometry.coordinates }], 'urn:ogc:def:crs:EPSG::2180'));
    await importGeodata(db.em(), file);
    const [row] = await query<{ x: number; y: number; area: number }>(
      db.em(),
      `select ST_XMin(boundary) as x, ST_YMin(boundary) as y, area_km2 as area from jst where teryt = '08'`,
    );
    expect(row!.x).toBeCloseTo(15, 3);
    expect(row!.y).toBeCloseTo(52, 3);
    const [square] = await query<{ area: number }>(
      db.em(),
      `select ST_Area(ST_GeomFromText('POLYGON((15 52, 15.5 52, 15.5 52.5, 15 52.5, 15 52))', 4326)::geography) / 1e6 as area`,
    );
    expect(Math.abs(row!.area - square!.area) / square!.area).toBeLessThan(0.001);
  });

  it('reads the level files from a URL ending in "/"', async () => {
    // A loopback HTTP server standing in for a download mirror of the boundaries.
    const server = createServer((req, res) => {
      const file = path.join(GEODATA_DIR, path.basename(req.url ?? ''));
      if (!existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/geo+json' });
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const report = await importGeodata(db.em(), `http://127.0.0.1:${port}/`);
      expect(report.inserted + report.updated + report.unchanged).toBe(2873);
      const [row] = await query<{ n: number }>(db.em(), `select count(*)::int as n from jst where level = 'MUNICIPALITY'`);
      expect(row!.n).toBe(2477);
    } finally {
      server.close();
    }
  });
});
