import type { GraphQLResolveInfo } from 'graphql';
import { GeoJsonText } from '../shared/geojson-text.js';
import { Args, Ctx, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { GeoJSONScalar } from '../graphql/geojson-scalar.js';
import { GeometryArgs } from '../graphql/geometry-args.js';
import { argumentsBelow } from '../graphql/lookahead.js';
import type { RootOf } from '../graphql/root.js';
import { parseGeometryOptions, type GeometryOptions } from '../input/geometry-options.js';
import type { FunctionalAreaFigures } from './partnership.service.js';
import type { Day } from '../time/as-of.js';

/**
 * The area a partnership covers: union of its current members' boundaries, computed by PostGIS.
 * Only the partnership's id: each field reads what it needs when asked (figures in one batch,
 * the geometry in another), so `functionalArea { geometry }` costs no statement for the figures.
 */
@ObjectType({ description: "A partnership's functional area: the union of its member gminy and powiaty (a województwo taking part does not extend it), today or on the day the partnership was read for (`asOf`)" })
export class FunctionalArea {
  partnershipId!: number;
  /** The day of an `asOf` read (server/time/as-of.ts); absent: today, from the stored area. */
  asOf?: Day | null;
  /** Today, for a partnership that has ended or not yet begun: empty, whatever is stored (read nothing). */
  notRunning?: boolean;
}

/** Figures of an area with no current member loaded (or of a partnership gone meanwhile). */
const EMPTY: Omit<FunctionalAreaFigures, 'partnershipId'> = { areaKm2: 0, memberCount: 0, bbox: null };

const figuresOf = async (area: RootOf<FunctionalArea>, { loaders }: Context) =>
  area.notRunning
    ? EMPTY
    : area.asOf
      ? ((await loaders.areaOnDay.load({ id: area.partnershipId, day: area.asOf, options: null })) as FunctionalAreaFigures)
      : ((await loaders.functionalArea.load(area.partnershipId)) ?? EMPTY);

@Resolver(() => FunctionalArea)
export class FunctionalAreaResolver {
  @FieldResolver(() => Float, { description: 'Area in km² (on the spheroid)' })
  async areaKm2(@Root() area: RootOf<FunctionalArea>, @Ctx() ctx: Context): Promise<number> {
    return (await figuresOf(area, ctx)).areaKm2;
  }

  @FieldResolver(() => Int, { description: 'Current members whose boundaries make up the area' })
  async memberCount(@Root() area: RootOf<FunctionalArea>, @Ctx() ctx: Context): Promise<number> {
    return (await figuresOf(area, ctx)).memberCount;
  }

  @FieldResolver(() => [Float], { nullable: true, description: 'Bounding box [west, south, east, north] in degrees; null when no current member is loaded' })
  async bbox(@Root() area: RootOf<FunctionalArea>, @Ctx() ctx: Context): Promise<number[] | null> {
    return (await figuresOf(area, ctx)).bbox;
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'The area as a GeoJSON MultiPolygon (lng,lat degrees); null when no current member is loaded' })
  geometry(@Root() area: RootOf<FunctionalArea>, @Args() args: GeometryArgs, @Ctx() { loaders }: Context): Promise<GeoJsonText | null> {
    const options = parseGeometryOptions(args);
    if (area.notRunning) return Promise.resolve(null);
    if (area.asOf) {
      const text = loaders.areaOnDay.load({ id: area.partnershipId, day: area.asOf, options }) as Promise<string | null>;
      return text.then((t) => (t === null ? null : new GeoJsonText(t)));
    }
    return loaders.areaGeometry.load({ key: area.partnershipId, options });
  }
}

/**
 * The options of `functionalArea { geometry(…) }` when the query below a partnership field asks
 * for that geometry in exactly one way (however many times); null when it asks for none, for
 * several, or with arguments that do not parse (the geometry's resolver reports those). The
 * partnership's own statement can then read the geometry too.
 */
export function areaGeometryAsked(info: GraphQLResolveInfo): GeometryOptions | null {
  const asked = new Map<string, GeometryOptions>();
  for (const args of argumentsBelow(info, ['functionalArea', 'geometry'])) {
    try {
      const options = parseGeometryOptions(args);
      asked.set(`${options.simplify}|${options.precision}`, options);
    } catch {
      return null;
    }
  }
  return asked.size === 1 ? asked.values().next().value! : null;
}
