import { InputError } from '../shared/errors.js';

/** How light a client wants a shape. */
export interface GeometryOptions {
  /** Simplification tolerance in degrees, 0–1 (0: none; 0.001 ≈ 100 m in Poland). */
  simplify: number;
  /** Decimal places of coordinates, 0–MAX_PRECISION. */
  precision: number;
}

/** Decimal places of coordinates when a client names none: 6 ≈ 0.1 m. */
export const DEFAULT_PRECISION = 6;

/**
 * Most decimal places a client may ask for: 7 ≈ 1 cm, finer than anything
 * shown on a map; each decimal more only adds 2 bytes a vertex to the answer.
 */
export const MAX_PRECISION = 7;

/** A number given as a number, or as a decimal string (URL query parameters). */
function numeric(field: string, value: unknown): number | undefined {
  if (value == null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  throw new InputError(field, `must be a number, got ${JSON.stringify(value)}`, 'WRONG_TYPE');
}

export function parseGeometryOptions(args: { simplify?: unknown; precision?: unknown }): GeometryOptions {
  const simplify = numeric('simplify', args.simplify) ?? 0;
  const precision = numeric('precision', args.precision) ?? DEFAULT_PRECISION;
  if (!Number.isFinite(simplify) || simplify < 0 || simplify > 1) throw new InputError('simplify', `tolerance must be from 0 to 1 degree, got ${simplify}`, 'OUT_OF_RANGE');
  if (!Number.isInteger(precision) || precision < 0 || precision > MAX_PRECISION) {
    throw new InputError('precision', `must be an integer from 0 to ${MAX_PRECISION} (${MAX_PRECISION} decimals ≈ 1 cm), got ${precision}`, 'OUT_OF_RANGE');
  }
  return { simplify, precision };
}
