import type { GeoJsonText } from '../shared/geojson-text.js';
import { Args, Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { GeoJSONScalar } from '../graphql/geojson-scalar.js';
import { GeometryArgs } from '../graphql/geometry-args.js';
import { parseGeometryOptions } from '../input/geometry-options.js';

/** The area a partnership covers: union of its current members' boundaries, computed by PostGIS. */
@ObjectType({ description: "A partnership's functional area: the union of its current member gminy and powiaty (a województwo taking part does not extend it)" })
export class FunctionalArea {
  partnershipId!: number;

  @Field(() => Float, { description: 'Area in km² (on the spheroid)' })
  areaKm2!: number;

  @Field(() => Int, { description: 'Current members whose boundaries make up the area' })
  memberCount!: number;

  @Field(() => [Float], { nullable: true, description: 'Bounding box [west, south, east, north] in degrees; null when no current member is loaded' })
  bbox!: number[] | null;
}

@Resolver(() => FunctionalArea)
export class FunctionalAreaResolver {
  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'The area as a GeoJSON MultiPolygon (lng,lat degrees); null when no current member is loaded' })
  geometry(@Root() area: FunctionalArea, @Args() args: GeometryArgs, @Ctx() { loaders }: Context): Promise<GeoJsonText | null> {
    return loaders.areaGeometry.load({ key: area.partnershipId, options: parseGeometryOptions(args) });
  }
}
