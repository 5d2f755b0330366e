import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

/** A tile of the Web Mercator grid: zoom, column (from the west), row (from the north). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

const DECIMAL = /^(0|[1-9][0-9]{0,8})$/;

function coordinate(field: string, raw: unknown, max: number): number {
  const text = parseString(field, raw);
  if (!DECIMAL.test(text)) throw new InputError(field, `"${text}" must be a whole number written in decimal digits`, 'MALFORMED');
  const value = Number(text);
  if (value > max) throw new InputError(field, `${value} is out of range: 0 to ${max}`, 'OUT_OF_RANGE');
  return value;
}

/**
 * The z, x and y of a tile URL (`/tiles/{layer}/{z}/{x}/{y}.mvt`), each a decimal whole number:
 * z from 0 to `maxZoom`, x and y from 0 to 2^z − 1. InputError (MALFORMED or OUT_OF_RANGE) otherwise.
 */
export function parseTileAddress(raw: { z: unknown; x: unknown; y: unknown }, maxZoom: number): TileAddress {
  const z = coordinate('z', raw.z, maxZoom);
  const last = 2 ** z - 1;
  return { z, x: coordinate('x', raw.x, last), y: coordinate('y', raw.y, last) };
}

/** The `?v=` of a versioned tile URL: any single-line text (one that is not the current version just gets a short max-age). */
export function parseTileVersion(raw: unknown): string | null {
  return raw === undefined ? null : parseString('v', raw);
}
