import { afterAll, beforeAll } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import type { DatabaseConfig } from '../../server/config.js';
import { openSeededDatabase, testConfig, type TestDatabase } from '../support/database.js';

export interface OgcTestApp {
  db: TestDatabase;
  app: RunningApp;
  /** GET (or `method`) of a path of the running app, answered as a fetch Response. */
  get(path: string, headers?: Record<string, string>, method?: string): Promise<Response>;
  /** GET and parse JSON, failing on anything but 200. */
  json<T = any>(path: string): Promise<T>;
}

/** The whole app over HTTP on a seeded database of `backend`, for one `describe`. */
export function useOgcApp(backend: DatabaseConfig): OgcTestApp {
  const context = {} as OgcTestApp;
  beforeAll(async () => {
    context.db = await openSeededDatabase(backend);
    context.app = await startApp(testConfig(context.db.database), { orm: context.db.orm, log: () => {} });
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.dispose();
  });
  context.get = (path, headers = {}, method = 'GET') => fetch(`${context.app.url}${path}`, { headers, method });
  context.json = async <T>(path: string): Promise<T> => {
    const response = await context.get(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return context;
}

/** The code and reason of the one error body. */
export async function errorOf(response: Response): Promise<{ code: string; reason?: string; field?: string }> {
  const body = (await response.json()) as { errors: { extensions: { code: string; reason?: string; field?: string } }[] };
  return body.errors[0]!.extensions;
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const EPSG_4326 = 'http://www.opengis.net/def/crs/EPSG/0/4326';
export const EPSG_2180 = 'http://www.opengis.net/def/crs/EPSG/0/2180';
