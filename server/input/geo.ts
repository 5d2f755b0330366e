import type { Geometry } from 'geojson';
import { InputError } from '../shared/errors.js';

/** Longitude in degrees, −180…180. */
export function parseLongitude(field: string, lon: unknown): number {
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180) {
    throw new InputError(field, `longitude must be between -180 and 180 degrees, got ${String(lon)}`, 'OUT_OF_RANGE');
  }
  return lon;
}

/** Latitude in degrees, −90…90. */
export function parseLatitude(field: string, lat: unknown): number {
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new InputError(field, `latitude must be between -90 and 90 degrees, got ${String(lat)}`, 'OUT_OF_RANGE');
  }
  return lat;
}

/** A point given as `{ lon, lat }` in degrees. */
export function parsePoint(field: string, value: unknown): { lon: number; lat: number } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(field, 'must be an object { lon, lat }', 'WRONG_TYPE');
  const { lon, lat, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length) throw new InputError(`${field}.${unknown[0]}`, 'is not a field of a point (lon, lat)', 'UNKNOWN_KEY');
  return { lon: parseLongitude(`${field}.lon`, lon), lat: parseLatitude(`${field}.lat`, lat) };
}

/** A bounding box [west, south, east, north] in degrees. */
export function parseBbox(field: string, bbox: unknown): [number, number, number, number] {
  if (!Array.isArray(bbox) || bbox.length !== 4) {
    throw new InputError(field, `bbox must have 4 numbers [west, south, east, north], got ${Array.isArray(bbox) ? bbox.length : typeof bbox}`, 'MALFORMED');
  }
  const w = parseLongitude(`${field}[0]`, bbox[0]);
  const s = parseLatitude(`${field}[1]`, bbox[1]);
  const e = parseLongitude(`${field}[2]`, bbox[2]);
  const n = parseLatitude(`${field}[3]`, bbox[3]);
  if (w > e || s > n) throw new InputError(field, 'bbox must be [west, south, east, north] with west ≤ east and south ≤ north', 'OUT_OF_RANGE');
  return [w, s, e, n];
}

/** Nesting depth of the coordinate arrays below the positions, per geometry type. */
const DEPTH = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 } as const;
type GeometryType = keyof typeof DEPTH;

/** Checks one ring: at least 4 positions, closed. */
function checkRing(field: string, ring: number[][]): void {
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  if (ring.length < 4) throw new InputError(field, 'a polygon ring needs at least 4 positions', 'MALFORMED');
  if (first[0] !== last[0] || first[1] !== last[1]) throw new InputError(field, 'a polygon ring must be closed (first position equals last)', 'MALFORMED');
}

/** Structural GeoJSON geometry check (PostGIS judges self-intersections later); coordinates in lng,lat degrees. */
export function parseGeometry(field: string, value: unknown): Geometry {
  const g = value as { type?: unknown; coordinates?: unknown };
  if (!g || typeof g !== 'object' || typeof g.type !== 'string') throw new InputError(field, 'must be a GeoJSON geometry object with a "type"', 'MALFORMED');
  if (!(g.type in DEPTH)) throw new InputError(field, `GeoJSON geometry type must be one of ${Object.keys(DEPTH).join(', ')}, got "${g.type}"`, 'MALFORMED');
  const type = g.type as GeometryType;
  const walk = (node: unknown, level: number): void => {
    if (!Array.isArray(node)) throw new InputError(field, `coordinates of a ${type} must be nested arrays ${DEPTH[type] + 1} deep`, 'MALFORMED');
    if (level === 0) {
      if (node.length < 2 || !node.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        throw new InputError(field, `a position must be [longitude, latitude] numbers, got ${JSON.stringify(node)}`, 'MALFORMED');
      }
      parseLongitude(field, node[0]);
      parseLatitude(field, node[1]);
      return;
    }
    if (node.length === 0) throw new InputError(field, `${type} has an empty coordinate array`, 'MALFORMED');
    for (const child of node) walk(child, level - 1);
    if (level === 1 && (type === 'Polygon' || type === 'MultiPolygon')) checkRing(field, node as number[][]);
  };
  walk(g.coordinates, DEPTH[type]);
  return g as Geometry;
}
