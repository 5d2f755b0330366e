import { ArgsType, Field, Float, Int } from 'type-graphql';
import { InputError } from '../shared/errors.js';

/** How light a client wants a shape: simplification tolerance and coordinate precision. */
@ArgsType()
export class GeometryArgs {
  @Field(() => Float, {
    nullable: true,
    description: 'Simplification tolerance in degrees (0–1; 0.001 ≈ 100 m in Poland). Topology is preserved. Default: none',
  })
  simplify?: number | null;

  @Field(() => Int, { nullable: true, description: 'Decimal places of coordinates (0–7; 7 ≈ 1 cm). Default: 6 (≈ 0.1 m)' })
  precision?: number | null;
}

export interface GeometryOptions {
  simplify: number;
  precision: number;
}

/** Decimal places of coordinates when a client names none: 6 ≈ 0.1 m. */
export const DEFAULT_PRECISION = 6;

/**
 * Most decimal places a client may ask for: 7 ≈ 1 cm, finer than anything
 * shown on a map; each decimal more only adds 2 bytes a vertex to the answer.
 */
export const MAX_PRECISION = 7;

export function geometryOptions(args: GeometryArgs): GeometryOptions {
  const simplify = args.simplify ?? 0;
  const precision = args.precision ?? DEFAULT_PRECISION;
  if (!Number.isFinite(simplify) || simplify < 0 || simplify > 1) throw new InputError('simplify', `tolerance must be from 0 to 1 degree, got ${simplify}`);
  if (!Number.isInteger(precision) || precision < 0 || precision > MAX_PRECISION) {
    throw new InputError('precision', `must be an integer from 0 to ${MAX_PRECISION} (${MAX_PRECISION} decimals ≈ 1 cm), got ${precision}`);
  }
  return { simplify, precision };
}
