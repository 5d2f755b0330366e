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

  @Field(() => Int, { nullable: true, description: 'Decimal places of coordinates (0–15). Default: 6 (≈ 0.1 m)' })
  precision?: number | null;
}

export interface GeometryOptions {
  simplify: number;
  precision: number;
}

export function geometryOptions(args: GeometryArgs): GeometryOptions {
  const simplify = args.simplify ?? 0;
  const precision = args.precision ?? 6;
  if (!Number.isFinite(simplify) || simplify < 0 || simplify > 1) throw new InputError('simplify', `tolerance must be from 0 to 1 degree, got ${simplify}`);
  if (!Number.isInteger(precision) || precision < 0 || precision > 15) throw new InputError('precision', `must be an integer from 0 to 15, got ${precision}`);
  return { simplify, precision };
}
