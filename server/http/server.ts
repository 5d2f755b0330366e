import type { ApolloServer } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Em } from '../db/orm.js';
import type { Context } from '../graphql/context.js';
import { applyCors } from './cors.js';
import { graphqlRoute } from './graphql-route.js';
import { health, sendJson } from './health.js';
import { HttpError } from './read-body.js';
import { staticRoute, type StaticOptions } from './static-route.js';

/** A route of a feature (e.g. exports): answers and returns true, or returns false to pass. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  /** Builds the GraphQL context of one request (forked EntityManager, caller identity). */
  context: (req: IncomingMessage) => Promise<Context>;
  /** Feature routes tried before the map app's static files. */
  routes?: Route[];
  /** The root EntityManager; each request gets a fork. */
  em: Em;
  backend: 'pglite' | 'postgresql';
  maxBodyBytes: number;
  web: StaticOptions;
}

/** The one HTTP server: the GraphQL API, health, and the map app. Each concern is its own function. */
export function createHttpServer(options: HttpOptions): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/graphql') {
        if (applyCors(req, res, { allowOrigin: '*', maxAgeSeconds: 600 })) return;
        await graphqlRoute(req, res, url, {
          apollo: options.apollo,
          maxBytes: options.maxBodyBytes,
          context: () => options.context(req),
        });
        return;
      }
      if (url.pathname === '/health') return await health(res, { em: () => options.em.fork() as Em, backend: options.backend });
      for (const route of options.routes ?? []) if (await route(req, res, url)) return;
      if (await staticRoute(req, res, url, options.web)) return;
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `no route ${url.pathname}` } });
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });
}
