import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Em } from '../../server/db/orm.js';
import { createApollo, type ApolloOptions } from '../../server/graphql/apollo.js';
import { createContext } from '../../server/graphql/context.js';
import { createHttpServer, type HttpOptions } from '../../server/http/server.js';

/**
 * An EntityManager stand-in for HTTP-layer tests that need no data: `/health` counts come back as
 * given, and `{ __typename }`-style operations run no resolvers. `fail` makes every statement throw.
 */
export function stubEm(answer: { jsts: number; partnerships: number } | { fail: Error } = { jsts: 3, partnerships: 2 }): Em {
  const em = {
    fork: () => em,
    getTransactionContext: () => undefined,
    getConnection: () => ({
      execute: async () => {
        if ('fail' in answer) throw answer.fail;
        return [answer];
      },
    }),
  };
  return em as unknown as Em;
}

/** A web root with the two app pages' index.html and one asset, as `vite build` leaves web/dist. */
export function tempWebRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'atlas-web-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Atlas</title>');
  writeFileSync(path.join(root, 'app.js'), 'console.log(1)');
  return root;
}

export interface TestHttp {
  url: string;
  app: FastifyInstance;
  /** The node server under Fastify (connections, `close`). */
  server: Server;
  close(): Promise<void>;
}

/** The real HTTP server and Apollo (full schema and limits) on loopback, with an in-memory stand-in for the database. */
export async function startHttp(overrides: Partial<HttpOptions> = {}, apolloOptions: Partial<ApolloOptions> = {}): Promise<TestHttp> {
  const apollo = overrides.apollo ?? (await createApollo({ production: false, ...apolloOptions }));
  const em = overrides.em ?? stubEm();
  const app = await createHttpServer({
    apollo,
    em,
    context: async (req) => createContext(em, req.headers.authorization),
    backend: 'pglite',
    maxBodyBytes: 1_000_000,
    web: { root: tempWebRoot() },
    log: false,
    ...overrides,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    server: app.server,
    async close() {
      app.server.closeAllConnections();
      await app.close();
      if (!overrides.apollo) await apollo.stop();
    },
  };
}

export const postGraphql = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
