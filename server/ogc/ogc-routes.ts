import type { Feature } from 'geojson';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Em } from '../db/orm.js';
import { acceptQuality } from '../http/graphiql-page.js';
import { HttpError } from '../http/http-error.js';
import { originOf } from '../http/origin.js';
import { addVary } from '../http/vary.js';
import type { ReadCache } from '../dataset/read-cache.js';
import type { Crs } from '../input/crs.js';
import { readEm } from '../http/version-pin.js';
import { checkOgcParameters, parseFormat, parseOgcItemQuery, parseOgcItemsQuery, type OgcFormat, type OgcItemsQuery } from '../input/ogc-query.js';
import { OGC_COLLECTIONS, ogcCollection, type OgcCollection } from './collections.js';
import { collectionDocument, collectionsDocument, conformance, GEOJSON, HTML_TYPE, JSON_TYPE, landingPage, licenseLink, licensing, OPENAPI_TYPE, selfLinks, type OgcLink } from './documents.js';
import { renderHtml, type HtmlPage } from './html.js';
import { openApiDocument } from './openapi.js';
import { OgcService, type OgcPage } from './ogc.service.js';
import { apiHtml, collectionHtml, collectionsHtml, conformanceHtml, itemHtml, itemsHtml, landingHtml } from './pages.js';

export interface OgcRoutesOptions {
  /** The root EntityManager; each request gets a fork. */
  em: Em;
  /** Reverse proxies of our own in front of the server: with one or more, X-Forwarded-Proto and -Host name the origin of the links. */
  trustedProxies: number;
  /** Pages asked with `datetime` kept per dataset version and query (absent: none kept): a past day's areas are unions of that day's members. */
  cache?: ReadCache;
}

/** HTML when `f=html`, or without `f` when Accept ranks text/html above JSON (a browser); a tie (`*∕*`, GDAL, curl) gets JSON. */
export function wantsHtml(accept: string | undefined, format: OgcFormat | undefined): boolean {
  if (format) return format === 'html';
  if (!accept) return false;
  const html = acceptQuality(accept, HTML_TYPE);
  return html > 0 && [JSON_TYPE, GEOJSON].every((type) => acceptQuality(accept, type) < html);
}

interface Answer {
  html: boolean;
  /** The media type of the JSON answer. */
  type: string;
  json: () => string;
  page: () => HtmlPage;
  /** The CRS of a feature answer, sent as `Content-Crs` (Part 2). */
  crs?: Crs;
}

/**
 * Sent whole: a page's `timeStamp` is the time it was made, so its bytes differ from one request
 * to the next and a strong ETag of them (and byte ranges, which need one) would never match. The
 * HTTP cache plugin gives it the dataset version's ETag instead, which does (304 before any SQL).
 */
function send(reply: FastifyReply, answer: Answer): FastifyReply {
  // One URL, two representations: caches must key on Accept (the HTTP cache adds it to anonymous reads too).
  addVary(reply, 'Accept');
  if (answer.crs) reply.header('content-crs', `<${answer.crs.uri}>`);
  reply.header('content-type', `${answer.html ? HTML_TYPE : answer.type}; charset=utf-8`);
  return reply.send(answer.html ? renderHtml(answer.page()) : answer.json());
}

function found(id: string): OgcCollection {
  const collection = ogcCollection(id);
  if (!collection) throw new HttpError(404, 'NOT_FOUND', `no collection "${id}" (collections: ${OGC_COLLECTIONS.map((c) => c.id).join(', ')})`);
  return collection;
}

const searchOf = (request: FastifyRequest) => new URL(request.url, 'http://localhost').searchParams;

/** The `f` of a document that takes no other parameter. */
function documentFormat(request: FastifyRequest): boolean {
  const params = searchOf(request);
  checkOgcParameters(params, ['f']);
  return wantsHtml(request.headers.accept, parseFormat(params.get('f') ?? undefined));
}

/** self/alternate, next and prev (offset paging, the limit as applied) and the collection. */
function itemsLinks(base: string, collection: OgcCollection, search: URLSearchParams, q: OgcItemsQuery, page: OgcPage, html: boolean): OgcLink[] {
  const path = `/ogc/collections/${collection.id}/items`;
  const at = (offset: number) => {
    const params = new URLSearchParams(search);
    params.set('limit', String(q.limit));
    params.set('offset', String(offset));
    return `${base}${path}?${params}`;
  };
  const type = html ? HTML_TYPE : GEOJSON;
  const links: OgcLink[] = selfLinks(base, path, search, GEOJSON, html);
  if (q.offset + page.features.length < page.numberMatched) links.push({ href: at(q.offset + q.limit), rel: 'next', type, title: 'następna strona / next page' });
  if (q.offset > 0) links.push({ href: at(Math.max(0, q.offset - q.limit)), rel: 'prev', type, title: 'poprzednia strona / previous page' });
  links.push({ href: `${base}/ogc/collections/${collection.id}`, rel: 'collection', type: JSON_TYPE, title: collection.title }, licenseLink());
  return links;
}

/** `{ …head, "features": [<PostGIS's text>, …] }`: the features are copied as PostGIS wrote them, never parsed here. */
const featureCollectionText = (head: Record<string, unknown>, features: string[]) => `${JSON.stringify(head).slice(0, -1)},"features":[${features.join(',')}]}`;

async function itemsRoute(options: OgcRoutesOptions, request: FastifyRequest<{ Params: { collectionId: string } }>, reply: FastifyReply) {
  const collection = found(request.params.collectionId);
  const search = searchOf(request);
  const q = parseOgcItemsQuery(search, collection.filters);
  const html = wantsHtml(request.headers.accept, q.format);
  const base = originOf(request, options.trustedProxies);
  const em = readEm(request, options.em);
  const read = () => new OgcService(em).items(collection, q);
  const page = options.cache && q.scope !== null
    ? await options.cache.read(em, ['ogc-items', collection.id, search.toString()], async () => { const p = await read(); return { value: p, bytes: p.features.reduce((n, f) => n + f.length, 0) }; })
    : await read();
  const links = itemsLinks(base, collection, search, q, page, html);
  const counts = { numberMatched: page.numberMatched, numberReturned: page.features.length };
  const head = { type: 'FeatureCollection', ...counts, timeStamp: new Date().toISOString(), ...licensing(), links };
  return send(reply, {
    html, type: GEOJSON, crs: q.crs,
    json: () => featureCollectionText(head, page.features),
    page: () => itemsHtml(collection, page.features.map((f) => JSON.parse(f) as Feature), counts, links, base),
  });
}

async function itemRoute(options: OgcRoutesOptions, request: FastifyRequest<{ Params: { collectionId: string; featureId: string } }>, reply: FastifyReply) {
  const collection = found(request.params.collectionId);
  const search = searchOf(request);
  const q = parseOgcItemQuery(search);
  const html = wantsHtml(request.headers.accept, q.format);
  const feature = await new OgcService(readEm(request, options.em)).item(collection, request.params.featureId, q.crs);
  if (feature === null) throw new HttpError(404, 'NOT_FOUND', `no feature "${request.params.featureId}" in the collection "${collection.id}"`);
  const base = originOf(request, options.trustedProxies);
  const links = [
    ...selfLinks(base, `/ogc/collections/${collection.id}/items/${encodeURIComponent(request.params.featureId)}`, search, GEOJSON, html),
    { href: `${base}/ogc/collections/${collection.id}`, rel: 'collection', type: JSON_TYPE, title: collection.title },
    licenseLink(),
  ];
  // The links join PostGIS's text as one more member, so the feature is still not parsed.
  return send(reply, { html, type: GEOJSON, crs: q.crs, json: () => `${feature.slice(0, -1)},"links":${JSON.stringify(links)}}`, page: () => itemHtml(collection, JSON.parse(feature) as Feature, links) });
}

async function describe(em: Em, base: string, collection: OgcCollection, html: boolean) {
  const service = new OgcService(em);
  return collectionDocument(base, collection, { bbox: await service.extent(collection), interval: await service.temporalExtent(collection) }, html);
}

/**
 * OGC API Features under `/ogc`: Part 1 Core with GeoJSON, HTML and OpenAPI 3.0, and Part 2 (CRS
 * by reference: CRS84, EPSG:4326, EPSG:2180). Every GET also answers HEAD; bad input is a
 * DomainError (400 and the one error body), an unknown collection or feature 404 NOT_FOUND.
 * Any origin may read. The dataset-version ETag and 304 come from the HTTP cache plugin.
 */
export async function ogcRoutes(app: FastifyInstance, options: OgcRoutesOptions): Promise<void> {
  const config = { cors: true };
  const origin = (request: FastifyRequest) => originOf(request, options.trustedProxies);
  app.get('/ogc', { config }, async (request, reply) => {
    const html = documentFormat(request);
    const doc = landingPage(origin(request), html);
    return send(reply, { html, type: JSON_TYPE, json: () => JSON.stringify(doc), page: () => landingHtml(doc) });
  });
  // `/ogc/` as typed into a client's connection dialog: the landing page's own address.
  app.get('/ogc/', { config }, async (request, reply) => reply.redirect(`/ogc${request.url.slice('/ogc/'.length)}`, 301));
  app.get('/ogc/conformance', { config }, async (request, reply) => {
    const html = documentFormat(request);
    const doc = conformance(origin(request), html);
    return send(reply, { html, type: JSON_TYPE, json: () => JSON.stringify(doc), page: () => conformanceHtml(doc) });
  });
  app.get('/ogc/api', { config }, async (request, reply) => {
    const html = documentFormat(request);
    const base = origin(request);
    const doc = openApiDocument(base, OGC_COLLECTIONS);
    const links = selfLinks(base, '/ogc/api', new URLSearchParams(), OPENAPI_TYPE, html);
    return send(reply, { html, type: OPENAPI_TYPE, json: () => JSON.stringify(doc), page: () => apiHtml(doc, links) });
  });
  app.get('/ogc/collections', { config }, async (request, reply) => {
    const html = documentFormat(request);
    const base = origin(request);
    const em = readEm(request, options.em);
    const collections = await Promise.all(OGC_COLLECTIONS.map((collection) => describe(em, base, collection, false)));
    const doc = collectionsDocument(base, collections, html);
    return send(reply, { html, type: JSON_TYPE, json: () => JSON.stringify(doc), page: () => collectionsHtml(collections, doc.links) });
  });
  app.get<{ Params: { collectionId: string } }>('/ogc/collections/:collectionId', { config }, async (request, reply) => {
    const collection = found(request.params.collectionId);
    const html = documentFormat(request);
    const doc = await describe(readEm(request, options.em), origin(request), collection, html);
    return send(reply, { html, type: JSON_TYPE, json: () => JSON.stringify(doc), page: () => collectionHtml(doc) });
  });
  app.get<{ Params: { collectionId: string } }>('/ogc/collections/:collectionId/items', { config }, (request, reply) => itemsRoute(options, request, reply));
  app.get<{ Params: { collectionId: string; featureId: string } }>('/ogc/collections/:collectionId/items/:featureId', { config }, (request, reply) => itemRoute(options, request, reply));
}
