import { CRS84, SUPPORTED_CRS } from '../input/crs.js';
import { ATTRIBUTION_LINE, DATA_LICENCE } from '../shared/data-licence.js';
import type { OgcCollection } from './collections.js';

/** A link of the OGC API (RFC 8288 in JSON, as OGC API Features writes it). */
export interface OgcLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const HTML_TYPE = 'text/html';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** The conformance classes the API implements: Part 1 core, GeoJSON, HTML, OpenAPI 3.0; Part 2 CRS by reference. */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
];

/** The data's licence, as a link every document carries. */
export const licenseLink = (): OgcLink => ({ href: DATA_LICENCE.url, rel: 'license', type: HTML_TYPE, title: DATA_LICENCE.name });

/** Licence and attribution as members of a JSON document (the sources ask to be named wherever the data is shown). */
export const licensing = () => ({ license: DATA_LICENCE, attribution: ATTRIBUTION_LINE });

/** `self` in JSON and `alternate` in HTML (or the other way round) for a document at `path` with query `search`. */
export function selfLinks(base: string, path: string, search: URLSearchParams, json: string, html: boolean): OgcLink[] {
  const as = (f: 'json' | 'html') => {
    const params = new URLSearchParams(search);
    params.set('f', f);
    return `${base}${path}?${params}`;
  };
  const jsonLink = { href: as('json'), type: json, title: 'ten dokument jako JSON / this document as JSON' };
  const htmlLink = { href: as('html'), type: HTML_TYPE, title: 'ten dokument jako HTML / this document as HTML' };
  return html ? [{ ...htmlLink, rel: 'self' }, { ...jsonLink, rel: 'alternate' }] : [{ ...jsonLink, rel: 'self' }, { ...htmlLink, rel: 'alternate' }];
}

export function landingPage(base: string, html: boolean) {
  return {
    title: 'Atlas Partnerstw: OGC API Features',
    description:
      "Poland's inter-municipal partnerships, their functional areas and members, and the boundaries of gminy, powiaty and województwa, as OGC API Features (Part 1 Core, Part 2 CRS by reference: CRS84, EPSG:4326, EPSG:2180).",
    ...licensing(),
    links: [
      ...selfLinks(base, '/ogc', new URLSearchParams(), JSON_TYPE, html),
      { href: `${base}/ogc/api`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'definicja API (OpenAPI 3.0) / the API definition (OpenAPI 3.0)' },
      { href: `${base}/ogc/api?f=html`, rel: 'service-doc', type: HTML_TYPE, title: 'dokumentacja API / the API documentation' },
      { href: `${base}/ogc/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'zgodność ze standardami / conformance classes' },
      { href: `${base}/ogc/collections`, rel: 'data', type: JSON_TYPE, title: 'kolekcje / collections' },
      licenseLink(),
    ],
  };
}

export const conformance = (base: string, html: boolean) => ({
  conformsTo: CONFORMANCE,
  links: selfLinks(base, '/ogc/conformance', new URLSearchParams(), JSON_TYPE, html),
});

/** One collection's description: its extent (CRS84), the CRSs it answers in and its links. */
/** A collection's extent: spatial (CRS84 bbox) and temporal (the first and last day its features hold, Gregorian calendar). */
export interface CollectionExtent {
  bbox: number[] | null;
  interval: [string | null, string | null] | null;
}

const extentMember = ({ bbox, interval }: CollectionExtent) => ({
  ...(bbox ? { spatial: { bbox: [bbox], crs: CRS84.uri } } : {}),
  ...(interval ? { temporal: { interval: [interval], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } } : {}),
});

export function collectionDocument(base: string, collection: OgcCollection, extent: CollectionExtent, html: boolean, path = `/ogc/collections/${collection.id}`) {
  const items = `${base}/ogc/collections/${collection.id}/items`;
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    itemType: 'feature',
    ...(extent.bbox || extent.interval ? { extent: extentMember(extent) } : {}),
    crs: SUPPORTED_CRS.map((c) => c.uri),
    storageCrs: CRS84.uri,
    ...licensing(),
    links: [
      ...selfLinks(base, path, new URLSearchParams(), JSON_TYPE, html),
      { href: items, rel: 'items', type: GEOJSON, title: 'obiekty / features (GeoJSON)' },
      { href: `${items}?f=html`, rel: 'items', type: HTML_TYPE, title: 'obiekty / features (HTML)' },
      licenseLink(),
    ],
  };
}

export function collectionsDocument(base: string, collections: ReturnType<typeof collectionDocument>[], html: boolean) {
  return {
    ...licensing(),
    links: selfLinks(base, '/ogc/collections', new URLSearchParams(), JSON_TYPE, html),
    crs: SUPPORTED_CRS.map((c) => c.uri),
    collections,
  };
}
