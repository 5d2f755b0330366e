import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { TILE_LAYER_NAMES } from '../../server/tiles/tile-layers.js';
import { errorCodeOf } from '../http/raw-request.js';
import { testBackends } from '../support/database.js';
import { decodeLayer, fetchPath, useTileServer } from './tile-support.js';

const run = promisify(execFile);

interface TileJson {
  tilejson: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds: number[];
  center: number[];
  attribution: string;
  vector_layers: { id: string; description: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[];
}

/** A tile over southern Poland (Kraków) at z8, and one in the Atlantic with nothing in it. */
const KRAKOW = '/tiles/gminy/8/142/87.mvt';
const OCEAN = '/tiles/gminy/5/10/10.mvt';

/** Tiles and TileJSON as HTTP resources: headers, caching, errors, limits. */
describe('vector tiles over HTTP', () => {
  // A rate limit of 2 a minute for everyone (loopback too): tiles must not count against it.
  const server = useTileServer(testBackends()[0]!.database, { rateLimit: { perMinute: 2, burst: 2, exemptLoopback: false } });
  const get = (to: string, headers: Record<string, string> = {}, method = 'GET') => fetchPath(server, to, headers, method);
  const tileJsonOf = async (layer: string) => JSON.parse((await get(`/tiles/${layer}.json`)).body.toString()) as TileJson;

  it.each(TILE_LAYER_NAMES)('describes %s in TileJSON 3.0.0 with a versioned absolute URL template', async (layer) => {
    const response = await get(`/tiles/${layer}.json`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const doc = JSON.parse(response.body.toString()) as TileJson;
    expect(doc.tilejson).toBe('3.0.0');
    expect(doc.tiles).toHaveLength(1);
    expect(doc.tiles[0]).toMatch(new RegExp(`^${server.app.url}/tiles/${layer}/\\{z\\}/\\{x\\}/\\{y\\}\\.mvt\\?v=[0-9a-f]{8}\\.\\d+&asOf=\\d{4}-\\d{2}-\\d{2}$`));
    expect([doc.minzoom, doc.maxzoom]).toEqual([0, 14]);
    // Poland, lng,lat: west, south, east, north.
    const [w, s, e, n] = doc.bounds;
    const inside = (value: number | undefined, low: number, high: number) => value !== undefined && value > low && value < high;
    expect([inside(w, 14, 14.2), inside(s, 48.9, 49.1), inside(e, 24.1, 24.2), inside(n, 54.8, 54.9)]).toEqual([true, true, true, true]);
    expect(doc.center).toHaveLength(3);
    expect(doc.attribution).toContain('PRG');
    expect(doc.attribution).toContain('TERYT');
    expect(doc.attribution).toContain('CC BY 4.0');
    expect(doc.vector_layers).toHaveLength(1);
    const [info] = doc.vector_layers;
    expect(info!.id).toBe(layer);
    expect(info!.description.length).toBeGreaterThan(10);
    expect(Object.values(info!.fields).every((type) => type === 'String' || type === 'Number')).toBe(true);
    expect([info!.minzoom, info!.maxzoom]).toEqual([0, 14]);
  });

  it('lists the contract fields of each layer with their types', async () => {
    const unit = { teryt: 'String', name: 'String', kind: 'String', parent: 'String', partnerships: 'String', count: 'Number', programmes: 'String', statuses: 'String', inferred: 'String' };
    expect((await tileJsonOf('gminy')).vector_layers[0]!.fields).toEqual(unit);
    expect((await tileJsonOf('areas')).vector_layers[0]!.fields).toEqual({ slug: 'String', name: 'String', short_name: 'String', programmes: 'String', status: 'String', members: 'Number' });
    expect((await tileJsonOf('labels')).vector_layers[0]!.fields).toEqual({ kind: 'String', name: 'String', teryt: 'String', slug: 'String' });
  });

  it('serves the template URL as an immutable tile, one MVT layer named like the URL layer', async () => {
    const url = (await tileJsonOf('gminy')).tiles[0]!.replace('{z}', '8').replace('{x}', '142').replace('{y}', '87').replace(server.app.url, '');
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.etag).toMatch(/^W\/"/);
    expect(decodeLayer(response.body, 'gminy').length).toBeGreaterThan(10);
  });

  it('gives a tile without v, or with an old v, a short max-age and the dataset ETag; If-None-Match answers 304', async () => {
    for (const to of [KRAKOW, `${KRAKOW}?v=00000000.1`]) {
      const response = await get(to);
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toMatch(/^public, max-age=30\b/);
      const etag = response.headers.etag as string;
      expect(etag).toMatch(/^W\/"[0-9a-f]{8}\.\d+-/);
      const again = await get(to, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
    const json = await get('/tiles/gminy.json');
    expect(json.headers['cache-control']).toMatch(/^public, max-age=30\b/);
    expect((await get('/tiles/gminy.json', { 'if-none-match': json.headers.etag as string })).status).toBe(304);
  });

  it('answers HEAD like GET without the body', async () => {
    const full = await get(KRAKOW);
    const head = await get(KRAKOW, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'etag', 'cache-control', 'content-length']) expect(head.headers[name]).toBe(full.headers[name]);
  });

  it('compresses tiles like any answer', async () => {
    const plain = await get(KRAKOW);
    const br = await get(KRAKOW, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(br.body.length).toBeLessThan(plain.body.length);
    // The same bytes again (compressed once, kept with the tile).
    expect((await get(KRAKOW, { 'accept-encoding': 'br' })).body).toEqual(br.body);
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5', 'deflate, gzip;q=0.2']) {
      const gzip = await get(KRAKOW, { 'accept-encoding': accept });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body)).toEqual(plain.body);
    }
    for (const accept of ['identity', 'br;q=0, gzip;q=0', 'deflate']) expect((await get(KRAKOW, { 'accept-encoding': accept })).headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('answers a tile with no features with 204 No Content', async () => {
    const response = await get(OCEAN);
    expect(response.status).toBe(204);
    expect(response.body.length).toBe(0);
  });

  it.each([
    ['/tiles/rivers/5/17/10.mvt', 404, 'NOT_FOUND', undefined],
    ['/tiles/rivers.json', 404, 'NOT_FOUND', undefined],
    ['/tiles/gminy/5/17/10.png', 404, 'NOT_FOUND', undefined],
    ['/tiles/gminy/five/17/10.mvt', 400, 'BAD_USER_INPUT', 'MALFORMED'],
    ['/tiles/gminy/5/17/-1.mvt', 400, 'BAD_USER_INPUT', 'MALFORMED'],
    ['/tiles/gminy/5/1.5/10.mvt', 400, 'BAD_USER_INPUT', 'MALFORMED'],
    ['/tiles/gminy/05/17/10.mvt', 400, 'BAD_USER_INPUT', 'MALFORMED'],
    ['/tiles/gminy/15/0/0.mvt', 400, 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
    ['/tiles/gminy/5/32/10.mvt', 400, 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
    ['/tiles/gminy/5/17/32.mvt', 400, 'BAD_USER_INPUT', 'OUT_OF_RANGE'],
    ['/tiles/gminy/5/17/10.mvt?vv=1', 400, 'BAD_USER_INPUT', 'UNKNOWN_KEY'],
  ])('refuses %s with %i %s in the one error body', async (to, status, code, reason) => {
    const response = await get(to);
    expect(response.status).toBe(status);
    expect(errorCodeOf(response)).toBe(code);
    const body = JSON.parse(response.body.toString()) as { errors: { message: string; extensions: { reason?: string } }[] };
    expect(body.errors[0]!.extensions.reason).toBe(reason);
  });

  it('does not count tiles against the anonymous rate limit', async () => {
    for (let i = 0; i < 6; i++) expect((await get(`/tiles/wojewodztwa/${i % 3}/0/0.mvt`)).status).not.toBe(429);
    for (let i = 0; i < 3; i++) expect((await get('/tiles/labels.json')).status).toBe(200);
    // The limit is on: other requests run into it.
    const graphql = await Promise.all([1, 2, 3, 4].map(() => get('/graphql?query=%7B__typename%7D')));
    expect(graphql.map((r) => r.status)).toContain(429);
  });

  it('gives a tile GDAL reads with its MVT driver', async () => {
    const installed = await run('ogrinfo', ['--version']).then(
      () => true,
      () => false,
    );
    if (!installed) return console.log('[atlas] ogrinfo not installed: GDAL check skipped');
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-tile-'));
    try {
      // The MVT driver takes the tile's z/x/y from its path.
      const file = path.join(dir, '8', '142', '87.pbf');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, (await get(KRAKOW)).body);
      const { stdout } = await run('ogrinfo', ['-ro', '-al', '-so', '-oo', 'X=142', '-oo', 'Y=87', '-oo', 'Z=8', file]);
      expect(stdout).toMatch(/Layer name: gminy/);
      expect(stdout).toMatch(/Feature Count: \d{2,}/);
      expect(stdout).toMatch(/partnerships: String/);
      expect(stdout).toMatch(/count: (Integer|Real)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
