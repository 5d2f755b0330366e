/**
 * GraphiQL at GET /graphql for browsers: the page built by Vite from the `graphiql` package
 * (web/graphiql.html → web/dist/graphiql.html), never a CDN. Every other request to /graphql,
 * a GET with `query` or from a client that prefers JSON, stays the GraphQL-over-HTTP endpoint.
 *
 * The decision (`prefersGraphiql`) and the page (`readGraphiqlPage`) know nothing of Fastify;
 * the plugin `graphiqlPage` answers before the GraphQL route sees the request.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HttpError } from './http-error.js';
import { addVary } from './vary.js';

export interface GraphiqlPageOptions {
  /** Folder of the built web app (web/dist), which holds graphiql.html and its assets. */
  root: string;
}

/** The answers /graphql can give a GET: GraphQL's media types, in the order a tie is settled, then the page. */
const JSON_TYPES = ['application/graphql-response+json', 'application/json'];
const HTML = 'text/html';

/**
 * The quality (0–1) an Accept header gives `type`: that of its most specific matching range
 * (`text/html` over `text/*` over `*∕*`), 0 when none matches.
 */
export function acceptQuality(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    best = { specificity, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
  }
  return best.q;
}

/**
 * True when a request to /graphql is a browser opening the IDE: GET or HEAD, no `query`
 * parameter (so never an operation sent by GET), and an Accept that ranks text/html above every
 * GraphQL media type. A tie goes to GraphQL, as in Apollo's own negotiation: `Accept: *∕*`
 * (curl) gets the API's answer, a browser's `text/html,…,*∕*;q=0.8` gets the page.
 */
export function prefersGraphiql(method: string | undefined, accept: string | undefined, search: URLSearchParams): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || search.has('query') || !accept) return false;
  const html = acceptQuality(accept, HTML);
  return html > 0 && JSON_TYPES.every((type) => acceptQuality(accept, type) < html);
}

/**
 * What the page may load: only this server. Monaco sets inline styles and runs its language
 * workers from our own files; GraphiQL's fonts are data: URLs inside its CSS; the page talks to
 * /graphql only. No remote origin anywhere, so a CDN reference would be refused, not loaded.
 */
export function graphiqlContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export interface PageAnswer {
  headers: Record<string, string>;
  body: Buffer;
}

/** The built page with its headers; NOT_FOUND (404) while the web app is not built. */
export async function readGraphiqlPage(options: GraphiqlPageOptions): Promise<PageAnswer> {
  let body: Buffer;
  try {
    body = await readFile(path.join(options.root, 'graphiql.html'));
  } catch {
    throw new HttpError(404, 'NOT_FOUND', 'GraphiQL is not built: run `npm run web:build` (GraphQL requests to /graphql work without it)');
  }
  return {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // The page names its hashed assets, so it is revalidated while they are cached for good.
      'cache-control': 'no-cache',
      'content-security-policy': graphiqlContentSecurityPolicy(),
    },
    body,
  };
}

/**
 * GET and HEAD /graphql from a browser: the page, answered before the GraphQL route runs (after
 * the rate limit, which is registered first). Either way a GET says it varies by Accept, so a
 * cache never hands the page to an API client or JSON to a browser.
 */
export const graphiqlPage = fp(
  async (app: FastifyInstance, options: GraphiqlPageOptions) => {
    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      addVary(reply, 'Accept');
      const search = new URLSearchParams(request.url.split('?')[1] ?? '');
      if (!prefersGraphiql(request.method, request.headers.accept, search)) return;
      const page = await readGraphiqlPage(options);
      return reply.code(200).headers(page.headers).send(page.body);
    });
  },
  { name: 'atlas-graphiql-page' },
);
