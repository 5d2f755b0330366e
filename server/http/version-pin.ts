import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { IncomingMessage } from 'node:http';
import type { Em } from '../db/orm.js';
import { DEFAULT_MAX_PINNED, openPinnedRead, type PinnedRead } from '../dataset/version-pin.js';
import { parseVersionNumber } from '../input/version.js';
import { InputError } from '../shared/errors.js';

/** The query parameter that pins a read: `?version=<n>`. Every route that reads data accepts it. */
export const VERSION_PARAM = 'version';

export interface VersionPinOptions {
  /** The root EntityManager: materialising and the pinned transaction fork it. */
  em: Em;
  /** Most versions kept materialised (default DEFAULT_MAX_PINNED). */
  maxPinned?: number;
}

/** Paths whose answers come from the data: a pin applies to them. The map's pages read `version` themselves. */
const PINNABLE = /^\/(graphql|export\/|ogc(\/|$)|tiles\/)/;

const pins = new WeakMap<IncomingMessage, PinnedRead>();

/** The pinned read of a request, if it asked for a version; routes take their EntityManager from it. */
export const pinnedReadOf = (req: IncomingMessage): PinnedRead | undefined => pins.get(req);

/** The EntityManager a route reads with: the pinned one, or a fresh fork of `root`. */
export const readEm = (request: FastifyRequest, root: Em): Em => pins.get(request.raw)?.em ?? (root.fork() as Em);

/** `extensions.version` of a GraphQL request: in the JSON body (POST) or the `extensions` query parameter (GET). */
function extensionsVersion(request: FastifyRequest): unknown {
  const body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const extensions = (body as { extensions?: unknown }).extensions;
    if (extensions && typeof extensions === 'object') return (extensions as { version?: unknown }).version;
  }
  const raw = (request.query as Record<string, unknown> | undefined)?.extensions;
  if (typeof raw !== 'string') return undefined;
  try {
    return (JSON.parse(raw) as { version?: unknown } | null)?.version;
  } catch {
    return undefined; // Apollo refuses the malformed extensions itself.
  }
}

/** The version a request pins, parsed (one parser for every route), or undefined. */
export function requestedVersion(request: FastifyRequest): number | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const fromUrl = parseVersionNumber(VERSION_PARAM, query?.[VERSION_PARAM]);
  const fromBody = request.url.startsWith('/graphql') ? parseVersionNumber('extensions.version', extensionsVersion(request)) : undefined;
  if (fromUrl !== undefined && fromBody !== undefined && fromUrl !== fromBody) {
    throw new InputError(VERSION_PARAM, `the URL pins version ${fromUrl} and extensions.version ${fromBody}: give one`, 'CONFLICTING');
  }
  return fromUrl ?? fromBody;
}

/**
 * Pinned reads (docs/versions.md): a request to a data route with `version=<n>` runs in a
 * read-only transaction on version n's materialised state, answers `Atlas-Version: <n>`, and ends
 * the transaction when the answer is ready to send. Writes cannot be pinned:
 * other methods than GET and HEAD are refused here (GraphQL mutations by the context's `actor`).
 * Runs as a preHandler, after the body is parsed (POST /graphql may pin in `extensions`).
 */
export const versionPinPlugin = fp(
  async (app: FastifyInstance, options: VersionPinOptions): Promise<void> => {
    app.addHook('preHandler', async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      if (!PINNABLE.test(path)) return;
      const version = requestedVersion(request);
      if (version === undefined) return;
      if (request.method !== 'GET' && request.method !== 'HEAD' && path !== '/graphql') {
        throw new InputError(VERSION_PARAM, 'a pinned version is read-only: send writes without version', 'VERSION_PINNED');
      }
      const read = await openPinnedRead(options.em, version, options.maxPinned ?? DEFAULT_MAX_PINNED);
      pins.set(request.raw, read);
      reply.header('atlas-version', String(read.version.version));
    });
    // The answer is complete when it reaches onSend (every data route computes its payload before sending,
    // streams included), so the transaction ends there: not when the client goes away mid-request, which
    // would switch the handler's remaining statements to the live data (MapLibre cancels tile requests all the time).
    app.addHook('onSend', async (request, _reply, payload) => {
      await pins.get(request.raw)?.release();
      return payload;
    });
    app.addHook('onResponse', async (request) => {
      await pins.get(request.raw)?.release();
    });
  },
  { name: 'atlas-version-pin' },
);
