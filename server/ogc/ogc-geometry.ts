import type { Crs } from '../input/crs.js';
import type { OgcBbox } from '../input/ogc-query.js';

/**
 * The one place the OGC API converts geometry: stored EPSG:4326 (lon,lat) to the GeoJSON text of
 * `crs`, written by PostGIS. ST_Transform reprojects; ST_FlipCoordinates writes the CRS's own
 * axis order (lat,lon for EPSG:4326, northing,easting for EPSG:2180); options 0 leaves out the
 * legacy `crs` member PostGIS would add for a SRID other than 4326 (RFC 7946 has none).
 */
export function geometryJsonSql(column: string, crs: Crs): string {
  const projected = crs.srid === 4326 ? column : `ST_Transform(${column}, ${crs.srid})`;
  const ordered = crs.swapAxes ? `ST_FlipCoordinates(${projected})` : projected;
  return `ST_AsGeoJSON(${ordered}, ${crs.precision}, 0)`;
}

/** 1 km: a bbox in metres is densified before reprojection, so its edges stay (nearly) straight lines of its own CRS. */
const DENSIFY_METRES = 1000;

/** SQL (with its parameters) of a bbox as an EPSG:4326 polygon, to compare with stored geometry. */
export function envelopeSql(bbox: OgcBbox): { sql: string; params: number[] } {
  const envelope = `ST_MakeEnvelope(?, ?, ?, ?, ${bbox.crs.srid})`;
  return {
    sql: bbox.crs.srid === 4326 ? envelope : `ST_Transform(ST_Segmentize(${envelope}, ${DENSIFY_METRES}), 4326)`,
    params: bbox.box,
  };
}

/** The SQL of a collection's extent: [west, south, east, north] in CRS84 degrees. */
export const extentSql = (column: string) =>
  `ST_XMin(ST_Extent(${column})) as w, ST_YMin(ST_Extent(${column})) as s, ST_XMax(ST_Extent(${column})) as e, ST_YMax(ST_Extent(${column})) as n`;
