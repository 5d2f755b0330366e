import { afterAll, beforeAll } from '@jest/globals';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { startApp, type RunningApp } from '../../server/app.js';
import type { DatabaseConfig } from '../../server/config.js';
import { rawRequest, type RawResponse } from '../http/raw-request.js';
import { openSeededDatabase, testConfig, type TestDatabase } from '../support/database.js';
import { graphqlClient, type GraphqlClient } from '../support/graphql.js';

/** The app served over HTTP on a seeded database of one backend, and an in-process API on the same database. */
export interface TileServer {
  db: TestDatabase;
  app: RunningApp;
  api: GraphqlClient;
}

/** Registers hooks that start a TileServer on `database` for the enclosing `describe`; read its fields inside tests. */
export function useTileServer(database: DatabaseConfig, config: Partial<Parameters<typeof startApp>[0]> = {}): TileServer {
  const context = {} as TileServer;
  beforeAll(async () => {
    context.db = await openSeededDatabase(database);
    context.app = await startApp({ ...testConfig(context.db.database), ...config }, { orm: context.db.orm, log: () => {} });
    context.api = await graphqlClient(context.db.orm);
  });
  afterAll(async () => {
    await context.api?.stop();
    await context.app?.close();
    await context.db?.dispose();
  });
  return context;
}

/** A decoded feature: geometry in tile units (0…4096), rings of {x, y}. */
export interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, string | number | boolean>;
  geometry: { x: number; y: number }[][];
}

/** The features of `layer` in an MVT body (none for an empty body). */
export function decodeLayer(body: Buffer, layer: string): DecodedFeature[] {
  if (!body.length) return [];
  const tile = new VectorTile(new PbfReader(body));
  const found = tile.layers[layer];
  if (!found) return [];
  const features: DecodedFeature[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found.feature(i);
    features.push({ id: f.id, type: f.type, properties: f.properties as DecodedFeature['properties'], geometry: f.loadGeometry().map((ring) => ring.map(({ x, y }) => ({ x, y }))) });
  }
  return features;
}

/** Layer names in an MVT body. */
export const layerNames = (body: Buffer) => Object.keys(new VectorTile(new PbfReader(body)).layers);

/** GET of a tile path (e.g. `/tiles/gminy/5/17/10.mvt`), bytes as sent. */
export const fetchPath = (server: TileServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> =>
  rawRequest(`${server.app.url}${path}`, headers, method);

/** The decoded features of one tile of `layer`. */
export async function tileFeatures(server: TileServer, layer: string, z: number, x: number, y: number): Promise<DecodedFeature[]> {
  const response = await fetchPath(server, `/tiles/${layer}/${z}/${x}/${y}.mvt`);
  if (response.status !== 200 && response.status !== 204) throw new Error(`tile ${layer}/${z}/${x}/${y}: ${response.status} ${response.body.toString()}`);
  return decodeLayer(response.body, layer);
}

/** The Web Mercator tile holding the point (lng, lat in degrees) at zoom z. */
export function tileAt(lng: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** The API's label point of a JST, [lng, lat]. */
export async function labelPoint(server: TileServer, teryt: string): Promise<[number, number]> {
  const { jst } = await server.api.data<{ jst: { labelPoint: [number, number] } }>(`query($t: String!) { jst(teryt: $t) { labelPoint } }`, { t: teryt });
  return jst.labelPoint;
}

/** The features of `layer` in the tile z/x/y as GeoJSON (lng,lat degrees), rings classified by the decoder. */
export function geojsonFeatures(body: Buffer, layer: string, z: number, x: number, y: number): GeoJSON.Feature[] {
  const found = new VectorTile(new PbfReader(body)).layers[layer];
  return found ? Array.from({ length: found.length }, (_, i) => found.feature(i).toGeoJSON(x, y, z) as GeoJSON.Feature) : [];
}
