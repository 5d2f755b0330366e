import { InputError } from '../shared/errors.js';
import { parseAsOf } from './as-of.js';
import { parseProgrammeCode } from './programme-code.js';
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

/** The time of a tile or TileJSON URL, as parsed: a day (`asOf`) and/or a programme's period (`period`, optionally `phase`); neither: today. */
export interface TileTimeQuery {
  asOf: string | null;
  period: { programme: string; phase: string | null } | null;
}

const PHASE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/**
 * `asOf=YYYY-MM-DD` (the state on that day) and/or `period=<programme code>` with an optional
 * `phase=<phase code>` (the members during the programme's period, on the day too when both are
 * given); a phase without a period is refused.
 */
export function parseTileTime(query: Record<string, unknown>): TileTimeQuery {
  const asOf = parseAsOf('asOf', query.asOf) ?? null;
  const programme = query.period === undefined ? null : parseProgrammeCode('period', query.period);
  const phase = query.phase === undefined ? null : parseString('phase', query.phase);
  if (phase !== null && !PHASE.test(phase)) throw new InputError('phase', 'a phase code is 1–40 letters, digits and hyphens (e.g. I, MOF-1)', 'MALFORMED');
  if (phase !== null && programme === null) throw new InputError('phase', 'a phase needs its programme in period', 'NOT_ALLOWED');
  return { asOf, period: programme === null ? null : { programme, phase } };
}
