import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { viewLink } from '../input/view-link.js';
import { originOf } from './origin.js';
import { sendRepresentation } from './representation.js';
import { appContentSecurityPolicy } from './security-headers.js';
import { pageWithMeta, viewMeta, type PartnershipName } from './view-meta.js';

export interface AppPagesOptions {
  /** Folder of the built map app (web/dist); until it is built both pages are 404. */
  root: string;
  /** Reverse proxies of our own in front of the server: with one or more, X-Forwarded-Proto and -Host name the origin of og:url. */
  trustedProxies: number;
  /** Names the selected partnership (`p=`) in the preview's title; absent: the atlas's name only. */
  partnershipName?: PartnershipName;
}

/** index.html as last read, re-read when its modification time moves (a new `npm run web:build`). */
function templateReader(file: string): () => Promise<string | null> {
  let cached: { mtimeMs: number; text: string } | null = null;
  return async () => {
    const info = await stat(file).catch(() => null);
    if (!info) return null;
    if (cached?.mtimeMs !== info.mtimeMs) cached = { mtimeMs: info.mtimeMs, text: await readFile(file, 'utf8') };
    return cached.text;
  };
}

/**
 * `GET /` and `GET /embed`: the map app's index.html with per-URL Open Graph and Twitter card tags and
 * the oEmbed discovery link, so a pasted view previews with its own title. Each answer has a strong
 * ETag of its bytes and `no-cache` (revalidated, 304 when unchanged), like the static page before it;
 * HEAD answers like GET without the body.
 */
export async function appPages(app: FastifyInstance, options: AppPagesOptions): Promise<void> {
  const template = templateReader(path.join(path.resolve(options.root), 'index.html'));
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const html = await template();
    if (html === null) return reply.callNotFound();
    const url = new URL(request.url, 'http://localhost');
    const origin = originOf(request, options.trustedProxies);
    const meta = await viewMeta(viewLink(url.pathname, url.searchParams), options.partnershipName);
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache');
    reply.header('content-security-policy', appContentSecurityPolicy(url.pathname));
    return sendRepresentation(request, reply, pageWithMeta(html, meta, `${origin}${url.pathname}${url.search}`, origin));
  };
  app.get('/', page);
  app.get('/embed', page);
}
