import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { prepareDatabase, type Log } from './bootstrap.js';
import { repoRoot, type AppConfig } from './config.js';
import { openOrm, type Em, type OpenOptions, type Orm } from './db/orm.js';
import { createApollo } from './graphql/apollo.js';
import { readDatasetVersion } from './dataset/dataset-version.js';
import { ReadCache } from './dataset/read-cache.js';
import { Metrics } from './metrics/metrics.js';
import { poolStatsOf } from './metrics/pool-stats.js';
import { createContext } from './graphql/context.js';
import { exportRoutes } from './export/export-route.js';
import { partnershipNames } from './http/view-meta.js';
import { importRoutes } from './import/import-route.js';
import { createHttpServer } from './http/server.js';
import { pinnedReadOf } from './http/version-pin.js';
import { closeGracefully } from './http/shutdown.js';
import { TokenService } from './auth/token.service.js';
import { TileService } from './tiles/tile-service.js';

export interface RunningApp {
  url: string;
  orm: Orm;
  /** Resolves when the tiles warmed up at start are ready (at once when TILES_WARM_ON_START is off). */
  tilesWarm: Promise<void>;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions extends OpenOptions {
  log?: Log;
  /** An ORM opened by the caller (tests share one per file); otherwise opened from the config. */
  orm?: Orm;
}

/** Opens the database, prepares it, and serves the API and the map on `config.port`. */
export async function startApp(config: AppConfig, options: StartOptions = {}): Promise<RunningApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const orm = options.orm ?? (await openOrm(config.database, options));
  await prepareDatabase(orm, config, log);
  const apollo = await createApollo({ production: config.production });
  const readCache = new ReadCache(config.readCache);
  const tiles = new TileService(() => orm.em.fork() as Em, config.tileCache);
  const metrics = new Metrics({ pool: poolStatsOf(orm, config.database.kind), readCache: () => readCache.stats });
  const http = await createHttpServer({
    apollo,
    em: orm.em as Em,
    context: async (req) => createContext(orm.em as Em, req.headers.authorization, readCache, pinnedReadOf(req)),
    routes: [async (app) => exportRoutes(app, { em: orm.em as Em, cache: readCache }), async (app) => importRoutes(app, { em: orm.em as Em })],
    backend: config.database.kind,
    maxBodyBytes: 1_000_000,
    web: { root: path.join(repoRoot, 'web', 'dist') },
    production: config.production,
    rateLimit: config.rateLimit,
    trustedProxies: config.trustedProxies,
    httpCache: { readVersion: () => readDatasetVersion(orm.em.fork() as Em) },
    readCache,
    metrics: { metrics, token: config.metricsToken },
    tiles,
    warn: log,
    partnershipName: partnershipNames(() => orm.em.fork() as Em),
    // Only a token that checks out lifts the anonymous rate limit ("Bearer junk" does not).
    isAuthenticated: (req) =>
      req.headers.authorization
        ? new TokenService(orm.em.fork() as Em).actorFor(req.headers.authorization).then((actor) => actor !== null, () => false)
        : false,
  });
  await http.listen({ port: config.port, host: config.host });
  const { port } = http.server.address() as AddressInfo;
  // In the background, after listening: readiness checks and the first requests do not wait for it.
  const tilesWarm = config.warmTilesOnStart ? tiles.warm() : Promise.resolve();
  return {
    tilesWarm,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    orm,
    async close() {
      await closeGracefully(http, { timeoutMs: 10_000 });
      await tiles.stopWarming();
      await apollo.stop();
      if (!options.orm) await orm.close();
    },
  };
}
