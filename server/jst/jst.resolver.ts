import type { FeatureCollection } from 'geojson';
import type { RootOf } from '../graphql/root.js';
import type { GeoJsonText } from '../shared/geojson-text.js';
import { Arg, Args, Ctx, Float, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { connectionType, toConnection } from '../graphql/connection.js';
import { FeatureCollectionScalar } from '../graphql/feature-collection-scalar.js';
import { GeoJSONScalar } from '../graphql/geojson-scalar.js';
import { GeometryArgs } from '../graphql/geometry-args.js';
import { parseGeometryOptions } from '../input/geometry-options.js';
import { parseLatitude, parseLongitude } from '../input/geo.js';
import { parseJstFilter } from '../input/jst-filter.js';
import { parsePageRequest } from '../input/paging.js';
import { parseTeryt, parseVoivodeship, resolveTeryt } from '../input/teryt.js';
import { membershipsOnDay } from '../partnership/is-current.js';
import { AS_OF_DESCRIPTION, askedDay, asOfView, markAsOf } from '../graphql/as-of-arg.js';
import { parseAsOf } from '../input/as-of.js';
import { Membership } from '../partnership/membership.entity.js';
import { jstKindLabelPl, JstLevel } from './jst-kind.js';
import { Jst } from './jst.entity.js';
import { jstFeatureCollection } from './jst-features.js';
import { JstFilter } from './jst.inputs.js';
import { JstService } from './jst.service.js';
import { markMatched } from './teryt-code.resolver.js';

const JstConnection = connectionType(Jst, 'Jst');

@Resolver(() => Jst)
export class JstResolver {
  @Query(() => Jst, {
    nullable: true,
    description:
      'The JST with this TERYT code (2 digits: województwo, 4: powiat, 7: gmina), current or former (`matchedCode` says which); null when the atlas has none with it. A malformed code is a BAD_USER_INPUT error, and so is the code of a gmina the boundaries do not have (reason NO_BOUNDARY)',
  })
  async jst(
    @Arg('teryt', { description: 'TERYT (TERC) code: 2, 4 or 7 digits, e.g. "12", "1201", "1201011"; a former code (e.g. "2604142") answers the JST under its current one' }) teryt: string,
    @Ctx() { em }: Context,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) asOf?: string | null,
  ): Promise<Jst | null> {
    const resolved = resolveTeryt('teryt', teryt);
    const day = parseAsOf('asOf', asOf) ?? null;
    const found = await new JstService(em).find(resolved.code);
    return found ? markMatched(asOfView(found, day), resolved) : null;
  }

  @Query(() => JstConnection, {
    description: 'JSTs matching the filter, ordered by TERYT code; with `filter.search` best match first (exact name, name prefix, word prefix, anywhere, one typo), then by TERYT code',
  })
  async jsts(
    @Ctx() { em }: Context,
    @Arg('filter', () => JstFilter, { nullable: true, description: 'Conditions the units must meet; omit for every unit' }) filter?: JstFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page' }) after?: string | null,
    @Arg('asOf', () => String, { nullable: true, description: `${AS_OF_DESCRIPTION}. The filter's memberOf, memberOfNone and programme then ask about that day` }) asOf?: string | null,
  ) {
    const parsed = parseJstFilter(filter);
    const day = parseAsOf('asOf', asOf) ?? null;
    const page = await new JstService(em).list(parsed, parsePageRequest(first, after, parseTeryt, parsed.search != null), day);
    markAsOf(page.nodes, day);
    return toConnection(page, (j) => j.teryt);
  }

  @Query(() => Jst, { nullable: true, description: 'The JST of the given level (default: gmina) containing the point; null outside Poland' })
  async jstAt(
    @Arg('lon', () => Float, { description: 'Longitude in degrees' }) lon: number,
    @Arg('lat', () => Float, { description: 'Latitude in degrees' }) lat: number,
    @Ctx() { em }: Context,
    @Arg('level', () => JstLevel, { nullable: true, description: 'Tier of the unit to return (default MUNICIPALITY: the gmina)' }) level?: JstLevel | null,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) asOf?: string | null,
  ): Promise<Jst | null> {
    const day = parseAsOf('asOf', asOf) ?? null;
    const found = await new JstService(em).at(parseLongitude('lon', lon), parseLatitude('lat', lat), level ?? JstLevel.MUNICIPALITY);
    return found ? markAsOf([found], day)[0]! : null;
  }

  @Query(() => FeatureCollectionScalar, {
    description: 'Every boundary of one level as a GeoJSON FeatureCollection (properties: teryt, name, kind, parent, partnerships), for maps',
  })
  jstFeatures(
    @Arg('level', () => JstLevel, { description: 'Tier whose boundaries to return' }) level: JstLevel,
    @Args() args: GeometryArgs,
    @Ctx() { em, readCache }: Context,
    @Arg('voivodeship', () => String, { nullable: true, description: 'Only units in this województwo (2-digit TERC)' }) voivodeship?: string | null,
  ): Promise<FeatureCollection> {
    const inVoivodeship = voivodeship == null ? null : parseVoivodeship('voivodeship', voivodeship);
    return jstFeatureCollection(em, level, inVoivodeship, parseGeometryOptions(args), readCache);
  }

  @FieldResolver(() => String, { description: 'Kind in Polish, for display beside the name (names repeat across kinds)' })
  kindLabel(@Root() jst: RootOf<Jst>): string {
    return jstKindLabelPl[jst.kind];
  }

  @FieldResolver(() => Jst, { nullable: true, description: 'Powiat of a gmina, województwo of a powiat; null for a województwo' })
  async parent(@Root() jst: RootOf<Jst>, @Ctx() { loaders }: Context): Promise<Jst | null> {
    return jst.parent ? loaders.jst.load(jst.parent.teryt) : null;
  }

  @FieldResolver(() => Jst, { nullable: true, description: 'The województwo (itself for a województwo)' })
  async voivodeship(@Root() jst: RootOf<Jst>, @Ctx() { loaders }: Context): Promise<Jst | null> {
    return loaders.jst.load(jst.voivodeshipTeryt);
  }

  @FieldResolver(() => [Membership], { description: 'Memberships in partnerships on the day the JST was read for (today, or `asOf`); every one the atlas holds with includeFormer' })
  async memberships(
    @Root() jst: RootOf<Jst>,
    @Ctx() { loaders }: Context,
    @Arg('includeFormer', { defaultValue: false, description: 'true: every membership, also those that had ended by then or began later' }) includeFormer: boolean,
  ): Promise<Membership[]> {
    return membershipsOnDay(await loaders.membershipsOfJst.load(jst.teryt), askedDay(jst), includeFormer);
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'Boundary as GeoJSON MultiPolygon (lng,lat degrees); null when no boundary is loaded' })
  geometry(@Root() jst: RootOf<Jst>, @Args() args: GeometryArgs, @Ctx() { loaders }: Context): Promise<GeoJsonText | null> {
    return loaders.jstGeometry.load({ key: jst.teryt, options: parseGeometryOptions(args) });
  }

  @FieldResolver(() => [Float], { nullable: true, description: 'A point inside the unit, [lng, lat] degrees (for labels); null when no boundary is loaded' })
  async labelPoint(@Root() jst: RootOf<Jst>, @Ctx() { loaders }: Context): Promise<number[] | null> {
    return (await loaders.jstPlacement.load(jst.teryt))?.point ?? null;
  }

  @FieldResolver(() => [Float], { nullable: true, description: 'Bounding box [west, south, east, north] in degrees; null when no boundary is loaded' })
  async bbox(@Root() jst: RootOf<Jst>, @Ctx() { loaders }: Context): Promise<number[] | null> {
    return (await loaders.jstPlacement.load(jst.teryt))?.bbox ?? null;
  }
}

