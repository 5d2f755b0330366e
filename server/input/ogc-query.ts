import { ParticipationStatus } from '../partnership/partnership-enums.js';
import { InputError } from '../shared/errors.js';
import { CRS84, parseCrs, type Crs } from './crs.js';
import type { TimeScope } from '../time/scope.js';
import { parseDatetime } from './datetime.js';
import { parseBbox } from './geo.js';
import { enumValue } from './object.js';
import { parseProgrammeCode } from './programme-code.js';
import { parseSlug } from './slug.js';
import { parseCurrentTeryt, parseVoivodeship } from './teryt.js';

/** Features in a page when the client names no `limit`, as OGC API Features suggests. */
export const DEFAULT_OGC_LIMIT = 10;
/** Largest page; a larger `limit` is lowered to it, as Part 1 asks (/req/core/fc-limit-response-1), not refused. */
export const MAX_OGC_LIMIT = 10_000;
/** Largest `offset`: far past any collection (the atlas has 2,477 gminy), it only bounds the SQL. */
export const MAX_OGC_OFFSET = 1_000_000;

/** The property filters the collections take as query parameters, each parsed like the same value in GraphQL. */
export const OGC_FILTER_PARSERS = {
  programme: parseProgrammeCode,
  status: enumValue(ParticipationStatus),
  wojewodztwo: parseVoivodeship,
  teryt: parseCurrentTeryt,
  partnership: parseSlug,
} as const;

export type OgcFilterName = keyof typeof OGC_FILTER_PARSERS;
export type OgcFilters = { [K in OgcFilterName]?: ReturnType<(typeof OGC_FILTER_PARSERS)[K]> };

/** A bounding box after parsing: [west, south, east, north] in the axis order PostGIS holds (x first) of `crs`. */
export interface OgcBbox {
  box: [number, number, number, number];
  crs: Crs;
}

export type OgcFormat = 'json' | 'html';

/** One `/items` request after parsing. */
export interface OgcItemsQuery {
  limit: number;
  offset: number;
  bbox: OgcBbox | null;
  crs: Crs;
  filters: OgcFilters;
  /** `datetime`: an instant or an interval; null when not given (the collection's default: today, or all time for memberships). */
  scope: TimeScope | null;
  format: OgcFormat | undefined;
}

/** The one value of `name` (a repeated parameter is refused rather than one copy silently chosen). */
export function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new InputError(name, 'is given more than once', 'MALFORMED');
  return all[0];
}

const optional = <T>(value: string | undefined, parse: (value: string) => T): T | undefined => (value === undefined ? undefined : parse(value));

export function wholeNumber(field: string, text: string, min: number): number {
  if (!/^\d{1,9}$/.test(text) || Number(text) < min) throw new InputError(field, `must be a whole number from ${min}, got "${text}"`, 'OUT_OF_RANGE');
  return Number(text);
}

/** `f=json|html`: the representation asked for by name (overrides Accept). */
export function parseFormat(value: string | undefined): OgcFormat | undefined {
  if (value === undefined || value === 'json' || value === 'html') return value;
  throw new InputError('f', `must be "json" or "html", got "${value}"`, 'NOT_ALLOWED');
}

/**
 * `bbox=a,b,c,d` in the axis order of `crs` (lower corner, then upper corner): CRS84 is
 * lon,lat; EPSG:4326 lat,lon; EPSG:2180 northing,easting in metres. Returned x first.
 */
export function parseOgcBbox(text: string, crs: Crs): OgcBbox {
  const parts = text.split(',');
  if (parts.length !== 4) throw new InputError('bbox', `must be 4 numbers separated by commas (lower corner, upper corner), got ${parts.length}`, 'MALFORMED');
  const n = parts.map((p) => (/^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(p) ? Number(p) : NaN));
  if (n.some((v) => !Number.isFinite(v))) throw new InputError('bbox', `must be 4 numbers, got "${text}"`, 'MALFORMED');
  const xy: [number, number, number, number] = crs.swapAxes ? [n[1]!, n[0]!, n[3]!, n[2]!] : [n[0]!, n[1]!, n[2]!, n[3]!];
  if (crs.srid === 4326) return { box: parseBbox('bbox', xy), crs };
  if (xy[0] > xy[2] || xy[1] > xy[3]) throw new InputError('bbox', 'the lower corner must not lie above or right of the upper corner', 'OUT_OF_RANGE');
  return { box: xy, crs };
}

/**
 * Refuses any parameter not in `known`: a misspelt filter must not widen the answer to everything.
 * `version` (a pinned version, docs/versions.md) is known everywhere; the version-pin plugin parses it.
 */
export function checkOgcParameters(params: URLSearchParams, known: readonly string[]): void {
  for (const name of params.keys()) {
    if (!known.includes(name) && name !== 'version') throw new InputError(name, `is not a parameter here (known: ${known.join(', ')})`, 'UNKNOWN_KEY');
  }
}

/** `crs` and `f` of a single feature (`/items/{featureId}`). */
export function parseOgcItemQuery(params: URLSearchParams): { crs: Crs; format: OgcFormat | undefined } {
  checkOgcParameters(params, ['crs', 'f']);
  const crs = single(params, 'crs');
  return { crs: crs === undefined ? CRS84 : parseCrs('crs', crs), format: parseFormat(single(params, 'f')) };
}

/** The query string of `/collections/{id}/items`, with the property filters `filters` the collection takes. */
export function parseOgcItemsQuery(params: URLSearchParams, filters: readonly OgcFilterName[]): OgcItemsQuery {
  checkOgcParameters(params, ['limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'datetime', 'f', ...filters]);
  const limit = single(params, 'limit');
  const offset = single(params, 'offset');
  const bbox = single(params, 'bbox');
  // Parsed even without bbox: a CRS the API cannot read is refused wherever it appears.
  const bboxCrs = optional(single(params, 'bbox-crs'), (v) => parseCrs('bbox-crs', v)) ?? CRS84;
  const crs = single(params, 'crs');
  const datetime = single(params, 'datetime');
  const parsed: OgcFilters = {};
  for (const name of filters) {
    const value = single(params, name);
    if (value !== undefined) (parsed as Record<string, unknown>)[name] = OGC_FILTER_PARSERS[name](name, value);
  }
  return {
    limit: limit === undefined ? DEFAULT_OGC_LIMIT : Math.min(wholeNumber('limit', limit, 1), MAX_OGC_LIMIT),
    offset: offset === undefined ? 0 : Math.min(wholeNumber('offset', offset, 0), MAX_OGC_OFFSET),
    bbox: bbox === undefined ? null : parseOgcBbox(bbox, bboxCrs),
    crs: crs === undefined ? CRS84 : parseCrs('crs', crs),
    filters: parsed,
    scope: datetime === undefined ? null : parseDatetime('datetime', datetime),
    format: parseFormat(single(params, 'f')),
  };
}

/** The feature id of a membership: `<partnership slug>.<member TERYT>` (a JST is a member of a partnership at most once). */
export function parseMembershipId(field: string, value: unknown): { slug: string; teryt: string } {
  const text = typeof value === 'string' ? value : '';
  const dot = text.lastIndexOf('.');
  if (dot < 1) throw new InputError(field, 'a membership id is "<partnership slug>.<TERYT code>", e.g. "example-partnership.1261011"', 'MALFORMED');
  return { slug: parseSlug(field, text.slice(0, dot)), teryt: parseCurrentTeryt(field, text.slice(dot + 1)) };
}
