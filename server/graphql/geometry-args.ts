import { ArgsType, Field, Float, Int } from 'type-graphql';

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
