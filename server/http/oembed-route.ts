import type { FastifyInstance } from 'fastify';
import { parseOembedQuery, viewLink, VIEW_PATHS } from '../input/view-link.js';
import { HttpError } from './http-error.js';
import { originOf } from './origin.js';
import { escapeHtml, SITE_NAME, viewMeta, type PartnershipName } from './view-meta.js';

export interface OembedRouteOptions {
  /** Reverse proxies of our own in front of the server: with one or more, X-Forwarded-Proto and -Host name our origin. */
  trustedProxies: number;
  /** Names the selected partnership (`p=`) in the title; absent: the atlas's name only. */
  partnershipName?: PartnershipName;
}

/** The frame an embed gets when the consumer sets no limit, in CSS pixels (the embed works from 300×250 up). */
export const DEFAULT_FRAME = { width: 640, height: 480 } as const;

/** A consumer's maxwidth/maxheight are honoured (oEmbed §2.2): the frame never exceeds them. */
export function frameSize(maxWidth: number | null, maxHeight: number | null): { width: number; height: number } {
  return { width: Math.min(DEFAULT_FRAME.width, maxWidth ?? Infinity), height: Math.min(DEFAULT_FRAME.height, maxHeight ?? Infinity) };
}

/** How long a consumer may keep an answer, in seconds: the title of a view changes only with its data. */
const CACHE_AGE_SECONDS = 3600;

/**
 * `GET /oembed?url=…&format=json&maxwidth=&maxheight=` (oEmbed 1.0): a "rich" answer whose html is an
 * iframe of the view's /embed URL (same query, so filters, selection and title carry over). Only
 * views of this atlas (`/` or `/embed` on our own origin) are answered: any other URL is 404, as the
 * spec says; format=xml is 501 (the spec's answer for a format not provided); bad input 400.
 */
export async function oembedRoute(app: FastifyInstance, options: OembedRouteOptions): Promise<void> {
  app.get('/oembed', { config: { cors: true } }, async (request, reply) => {
    const query = parseOembedQuery(new URL(request.url, 'http://localhost').searchParams);
    if (query.format === 'xml') throw new HttpError(501, 'NOT_IMPLEMENTED', 'format: only "json" is provided', { field: 'format', reason: 'NOT_ALLOWED' });
    const origin = originOf(request, options.trustedProxies);
    if (query.url.origin !== new URL(origin).origin || !(VIEW_PATHS as readonly string[]).includes(query.url.pathname)) {
      throw new HttpError(404, 'NOT_FOUND', `url: not a map view of this atlas (${origin}/ or ${origin}/embed)`, { field: 'url', reason: 'NOT_FOUND' });
    }
    const meta = await viewMeta(viewLink(query.url.pathname, query.url.searchParams), options.partnershipName);
    const { width, height } = frameSize(query.maxWidth, query.maxHeight);
    const src = `${origin}/embed${query.url.search}`;
    const html = `<iframe src="${escapeHtml(src)}" title="${escapeHtml(meta.title)}" width="${width}" height="${height}" style="border:0" loading="lazy"></iframe>`;
    const body = { version: '1.0', type: 'rich', title: meta.title, provider_name: SITE_NAME, provider_url: `${origin}/`, cache_age: CACHE_AGE_SECONDS, html, width, height };
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', `public, max-age=${CACHE_AGE_SECONDS}`);
    return reply.send(JSON.stringify(body));
  });
}
