import type { Feature } from 'geojson';
import type { OgcCollection } from './collections.js';
import type { collectionDocument, OgcLink } from './documents.js';
import type { Cell, HtmlPage } from './html.js';

/** The HTML pages of the OGC API's documents: the same content as the JSON, for people. */

type CollectionDoc = ReturnType<typeof collectionDocument>;

/** The HTML representation of the document itself (`self` or `alternate`). */
const htmlHref = (links: OgcLink[]) => links.find((l) => (l.rel === 'self' || l.rel === 'alternate') && l.type === 'text/html')?.href ?? '';
const itemsHref = (links: OgcLink[]) => links.find((l) => l.rel === 'items' && l.type === 'text/html')?.href ?? '';

export const landingHtml = (doc: { description: string; links: OgcLink[] }): HtmlPage => ({
  titlePl: 'Atlas Partnerstw: OGC API Features',
  titleEn: 'Atlas Partnerstw: OGC API Features',
  intro: [
    'Partnerstwa międzygminne w Polsce, ich obszary funkcjonalne i członkowie oraz granice gmin, powiatów i województw jako usługa OGC API Features (np. dla QGIS: Warstwa → Dodaj warstwę → WFS / OGC API Features).',
    doc.description,
  ],
  links: doc.links,
});

export const conformanceHtml = (doc: { conformsTo: string[]; links: OgcLink[] }): HtmlPage => ({
  titlePl: 'Zgodność ze standardami',
  titleEn: 'Conformance',
  links: [...doc.links, ...doc.conformsTo.map((href) => ({ href, rel: 'conformance', title: href }))],
});

export const collectionsHtml = (collections: CollectionDoc[], links: OgcLink[]): HtmlPage => ({
  titlePl: 'Kolekcje',
  titleEn: 'Collections',
  links,
  table: {
    head: ['id', 'Nazwa / Title', 'Opis / Description', 'Obiekty / Features'],
    rows: collections.map((c) => [{ href: htmlHref(c.links), text: c.id }, c.title, c.description, { href: itemsHref(c.links), text: 'items' }]),
  },
});

export const collectionHtml = (c: CollectionDoc): HtmlPage => ({
  titlePl: c.title.split(' / ')[0]!,
  titleEn: c.title.split(' / ')[1] ?? c.title,
  intro: [c.description, `Układy współrzędnych / CRS: ${c.crs.join(', ')}`, ...(c.extent?.spatial ? [`Zasięg / Extent (CRS84): ${c.extent.spatial.bbox[0]!.join(', ')}`] : []),
    ...(c.extent?.temporal ? [`Okres / Time span: ${c.extent.temporal.interval[0]!.map((t) => t?.slice(0, 10) ?? '..').join(' – ')}`] : [])],
  links: c.links,
});

const propertyCell = (value: unknown): Cell => (value === null || typeof value !== 'object' ? (value as Cell) ?? null : Array.isArray(value) ? value.join(', ') : JSON.stringify(value));

/** A page of features as a table: the id (linking the feature), then each property. */
export function itemsHtml(collection: OgcCollection, features: Feature[], counts: { numberMatched: number; numberReturned: number }, links: OgcLink[], base: string): HtmlPage {
  const keys = Object.keys(features[0]?.properties ?? {});
  const href = (id: unknown) => `${base}/ogc/collections/${collection.id}/items/${encodeURIComponent(String(id))}?f=html`;
  return {
    titlePl: `${collection.title.split(' / ')[0]}: obiekty`,
    titleEn: `${collection.title.split(' / ')[1] ?? collection.id}: features`,
    intro: [`Pasujące / matched: ${counts.numberMatched}; na tej stronie / on this page: ${counts.numberReturned}.`],
    links,
    table: {
      head: ['id', ...keys, 'geometria / geometry'],
      rows: features.map((f) => [{ href: href(f.id), text: String(f.id) }, ...keys.map((k) => propertyCell(f.properties?.[k])), f.geometry?.type ?? '—']),
    },
  };
}

export function itemHtml(collection: OgcCollection, feature: Feature, links: OgcLink[]): HtmlPage {
  return {
    titlePl: `${collection.title.split(' / ')[0]}: ${String(feature.id)}`,
    titleEn: `${collection.title.split(' / ')[1] ?? collection.id}: ${String(feature.id)}`,
    links,
    table: {
      head: ['Właściwość / Property', 'Wartość / Value'],
      rows: [...Object.entries(feature.properties ?? {}).map(([k, v]) => [k, propertyCell(v)]), ['geometry', feature.geometry?.type ?? '—']],
    },
  };
}

export const apiHtml = (doc: { paths: Record<string, { get: { summary: string; parameters?: { name: string; description: string }[] } }> }, links: OgcLink[]): HtmlPage => ({
  titlePl: 'Opis API (OpenAPI 3.0)',
  titleEn: 'API definition (OpenAPI 3.0)',
  links,
  table: {
    head: ['Ścieżka / Path', 'Opis / Summary', 'Parametry / Parameters'],
    rows: Object.entries(doc.paths).map(([path, item]) => [`/ogc${path === '/' ? '' : path}`, item.get.summary, (item.get.parameters ?? []).map((p) => p.name).join(', ')]),
  },
});
