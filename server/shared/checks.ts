import type { Geometry } from 'geojson';
import { parseTeryt, TerytFormatError } from '../jst/teryt.js';
import { InputError } from './errors.js';

/** Throws InputError unless `code` has a valid TERYT format. */
export function checkTeryt(field: string, code: string): string {
  try {
    return parseTeryt(code).code;
  } catch (error) {
    if (error instanceof TerytFormatError) throw new InputError(field, error.message);
    throw error;
  }
}

/** Longitude in degrees, −180…180. */
export function checkLongitude(field: string, lon: number): number {
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw new InputError(field, `longitude must be between -180 and 180 degrees, got ${lon}`);
  return lon;
}

/** Latitude in degrees, −90…90. */
export function checkLatitude(field: string, lat: number): number {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new InputError(field, `latitude must be between -90 and 90 degrees, got ${lat}`);
  return lat;
}

/** A bounding box [west, south, east, north] in degrees. */
export function checkBbox(field: string, bbox: number[]): [number, number, number, number] {
  if (bbox.length !== 4) throw new InputError(field, `bbox must have 4 numbers [west, south, east, north], got ${bbox.length}`);
  const [w, s, e, n] = bbox as [number, number, number, number];
  checkLongitude(`${field}[0]`, w);
  checkLatitude(`${field}[1]`, s);
  checkLongitude(`${field}[2]`, e);
  checkLatitude(`${field}[3]`, n);
  if (w > e || s > n) throw new InputError(field, 'bbox must be [west, south, east, north] with west ≤ east and south ≤ north');
  return [w, s, e, n];
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']);

/** Structural GeoJSON geometry check (PostGIS checks the rest); coordinates in lng,lat degrees. */
export function checkGeoJsonGeometry(field: string, value: unknown): Geometry {
  const g = value as { type?: unknown; coordinates?: unknown };
  if (!g || typeof g !== 'object' || typeof g.type !== 'string') throw new InputError(field, 'must be a GeoJSON geometry object with a "type"');
  if (!GEOMETRY_TYPES.has(g.type)) throw new InputError(field, `GeoJSON geometry type must be one of ${[...GEOMETRY_TYPES].join(', ')}, got "${g.type}"`);
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[g.type as 'Point'];
  const walk = (node: unknown, level: number): void => {
    if (!Array.isArray(node)) throw new InputError(field, `coordinates of a ${g.type} must be nested arrays ${depth + 1} deep`);
    if (level === 0) {
      if (node.length < 2 || !node.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        throw new InputError(field, `a position must be [longitude, latitude] numbers, got ${JSON.stringify(node)}`);
      }
      checkLongitude(field, node[0]);
      checkLatitude(field, node[1]);
      return;
    }
    if (node.length === 0) throw new InputError(field, `${g.type} has an empty coordinate array`);
    for (const child of node) walk(child, level - 1);
    if (level === 1 && (g.type === 'Polygon' || g.type === 'MultiPolygon')) {
      const ring = node as number[][];
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      if (ring.length < 4) throw new InputError(field, 'a polygon ring needs at least 4 positions');
      if (first[0] !== last[0] || first[1] !== last[1]) throw new InputError(field, 'a polygon ring must be closed (first position equals last)');
    }
  };
  walk(g.coordinates, depth);
  return g as Geometry;
}
