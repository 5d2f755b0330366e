import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_READ_CACHE, type ReadCacheOptions } from './dataset/read-cache.js';
import { DEFAULT_TILE_CACHE, type TileCacheOptions } from './tiles/tile-cache.js';
import type { RateLimitOptions } from './http/rate-limit.js';

/** Absolute path of the repository root (works from `server/` and from `dist/server/`). */
export const repoRoot = (() => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const parts = here.split(path.sep);
  const distAt = parts.lastIndexOf('dist');
  return distAt >= 0 ? parts.slice(0, distAt).join(path.sep) : path.resolve(here, '..');
})();

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  | {
      kind: 'postgresql';
      url: string;
      /** Longest a statement may run before PostgreSQL cancels it (ms; DB_STATEMENT_TIMEOUT_MS, default 15,000; 0: none). */
      statementTimeoutMs?: number;
      /** Longest a request waits for a pooled connection, including connecting (ms; DB_ACQUIRE_TIMEOUT_MS, default 5,000). */
      acquireTimeoutMs?: number;
    };

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Where the geodata import reads from when none is given: a path or an http(s) URL. */
  geodataSource?: string;
  /** Where the first start reads GUS population files (`population-*.csv`): a folder or a file (POPULATION_SOURCE; default ../shared/reference). */
  populationSource?: string;
  /** Largest page a list query may ask for. */
  maxPageSize: number;
  production: boolean;
  /** Anonymous requests per client IP; loopback without X-Forwarded-For is exempt unless RATE_LIMIT_LOOPBACK=on. */
  rateLimit: Partial<RateLimitOptions>;
  /** Whether the server applies pending migrations at start (MIGRATE_ON_START, default true); false leaves them to `npm run db:migrate`. */
  migrateOnStart: boolean;
  /** TILES_WARM_ON_START (default on): after start, read every tile layer and cut its first-view index in the background. */
  warmTilesOnStart: boolean;
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are trusted (0: use the socket address). */
  trustedProxies: number;
  /** Bounds of the cache of heavy anonymous reads (READ_CACHE_MB, default 64; 0 turns it off). */
  readCache: ReadCacheOptions;
  /** Bounds of the in-memory cache of encoded vector tiles (TILE_CACHE_MB, default 64; 0 turns it off). */
  tileCache: TileCacheOptions;
  /** METRICS_TOKEN: lets a scraper elsewhere read /metrics with it as a Bearer token; unset: /metrics answers loopback only. */
  metricsToken?: string;
}

/** Defaults of the PostgreSQL timeouts (ms): longer than any query the limits let through, shorter than a client's patience. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 5_000;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'on', 'yes'].includes(raw)) return true;
  if (['false', '0', 'off', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

/** Reads the environment once, with defaults that start the embedded database in `./data/pglite`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const url = env.DATABASE_URL?.trim();
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    database: url
      ? {
          kind: 'postgresql',
          url,
          statementTimeoutMs: positiveInt(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_STATEMENT_TIMEOUT_MS),
          acquireTimeoutMs: positiveInt(env, 'DB_ACQUIRE_TIMEOUT_MS', DEFAULT_ACQUIRE_TIMEOUT_MS),
        }
      : { kind: 'pglite', dataDir: path.resolve(repoRoot, env.PGLITE_DATA_DIR ?? 'data/pglite') },
    geodataSource: env.GEODATA_SOURCE?.trim() || undefined,
    populationSource: env.POPULATION_SOURCE?.trim() || undefined,
    maxPageSize: 200,
    production: env.NODE_ENV === 'production',
    rateLimit: {
      perMinute: positiveInt(env, 'RATE_LIMIT_PER_MINUTE', 120),
      burst: positiveInt(env, 'RATE_LIMIT_BURST', 60),
      exemptLoopback: env.RATE_LIMIT_LOOPBACK !== 'on',
    },
    trustedProxies: positiveInt(env, 'TRUSTED_PROXIES', 0),
    migrateOnStart: flag(env, 'MIGRATE_ON_START', true),
    warmTilesOnStart: flag(env, 'TILES_WARM_ON_START', true),
    readCache: { ...DEFAULT_READ_CACHE, maxBytes: positiveInt(env, 'READ_CACHE_MB', DEFAULT_READ_CACHE.maxBytes / 2 ** 20) * 2 ** 20 },
    tileCache: { maxBytes: positiveInt(env, 'TILE_CACHE_MB', DEFAULT_TILE_CACHE.maxBytes / 2 ** 20) * 2 ** 20 },
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
  };
}
