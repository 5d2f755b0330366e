import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import path from 'node:path';
import { appContentSecurityPolicy } from './security-headers.js';

export interface StaticOptions {
  /** Folder of the built map app (web/dist); absent until it is built. */
  root: string;
  /** Serve `<file>.br` / `<file>.gz` written beside a file at build time (web/precompress.mjs) to clients that accept them. */
  preCompressed?: boolean;
}

/**
 * A GET or HEAD of the map app's own files: its pages and Vite's hashed assets. The rate limit does not
 * count them (one page load fetches several, each a file read, the assets cached for a year besides);
 * any other path (one that finds no file included) is counted like every request.
 */
export function isAppFile(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?', 1)[0]!;
  return path === '/' || path === '/embed' || path === '/index.html' || /^\/assets\/[\w.-]+$/.test(path);
}

/** Vite names every asset after a hash of its content, so an asset never changes: a year, immutable. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** Cache rules and the app's Content-Security-Policy (`/embed` may be framed anywhere, `/` only by the atlas). */
function setHeaders(reply: FastifyReply, root: string, file: string): void {
  const relative = path.relative(root, file);
  reply.header('cache-control', relative.startsWith(`assets${path.sep}`) ? ASSET_CACHE : 'no-cache');
  if (path.extname(file) === '.html') reply.header('content-security-policy', appContentSecurityPolicy(reply.request.url.split('?')[0]!));
}

/**
 * The built map app through @fastify/static (HEAD, ETag and Last-Modified with 304, Range with 206,
 * 416 past the end). Its two pages, `/` and `/embed`, are index.html with per-URL preview tags
 * (app-pages.ts). A path with no file goes to the 404 handler. Files
 * with no precompressed copy are compressed on the fly (server/http/compression.ts).
 */
export async function staticRoute(app: FastifyInstance, options: StaticOptions): Promise<void> {
  const root = path.resolve(options.root);
  await app.register(fastifyStatic, {
    root,
    // web/dist exists only once `npm run web:build` ran; until then every page is a 404.
    suppressWarning: true,
    cacheControl: false,
    preCompressed: options.preCompressed ?? false,
    setHeaders: (reply, file) => setHeaders(reply, root, file),
  });
}
