import { InputError } from '../shared/errors.js';

/** A coordinate reference system the OGC API answers in (OGC API Features Part 2, CRS by reference). */
export interface Crs {
  /** The URI clients name it by, as in `crs=` and the `Content-Crs` header. */
  uri: string;
  /** Its EPSG code in PostGIS (CRS84 is 4326 with longitude first). */
  srid: number;
  /**
   * Whether positions are written in the other order than PostGIS holds them (x = longitude or
   * easting first): EPSG:4326 is latitude, longitude and EPSG:2180 is northing, easting in the
   * EPSG register, and Part 2 asks for the CRS's own axis order.
   */
  swapAxes: boolean;
  /** Decimal places of coordinates: 7 for degrees (about 1 cm), 2 for metres (1 cm). */
  precision: number;
}

export const CRS84: Crs = { uri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', srid: 4326, swapAxes: false, precision: 7 };
export const EPSG_4326: Crs = { uri: 'http://www.opengis.net/def/crs/EPSG/0/4326', srid: 4326, swapAxes: true, precision: 7 };
/** PUWG 1992, the CRS of Polish surveying and of PRG's boundaries. */
export const EPSG_2180: Crs = { uri: 'http://www.opengis.net/def/crs/EPSG/0/2180', srid: 2180, swapAxes: true, precision: 2 };

/** Every CRS a collection can be read in, CRS84 (the default and the storage CRS) first. */
export const SUPPORTED_CRS: readonly Crs[] = [CRS84, EPSG_4326, EPSG_2180];

/** Short spellings clients also send (`EPSG:2180`, the OGC CURIE `[EPSG:2180]`), mapped to the URI. */
function canonical(text: string): string {
  const curie = /^\[?(EPSG|OGC):(.+?)\]?$/i.exec(text);
  if (!curie) return text.replace(/^https:/, 'http:');
  const [, authority, code] = curie;
  return authority!.toUpperCase() === 'OGC' ? `http://www.opengis.net/def/crs/OGC/1.3/${code}` : `http://www.opengis.net/def/crs/EPSG/0/${code}`;
}

/** A `crs` or `bbox-crs` value: one of SUPPORTED_CRS by URI (or `EPSG:<code>`); InputError NOT_ALLOWED otherwise. */
export function parseCrs(field: string, value: unknown): Crs {
  if (typeof value !== 'string') throw new InputError(field, 'must be a CRS URI', 'WRONG_TYPE');
  const found = SUPPORTED_CRS.find((crs) => crs.uri === canonical(value.trim()));
  if (!found) throw new InputError(field, `unsupported CRS "${value}" (supported: ${SUPPORTED_CRS.map((c) => c.uri).join(', ')})`, 'NOT_ALLOWED');
  return found;
}
