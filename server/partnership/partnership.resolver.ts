import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Float, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { lookahead } from '../graphql/lookahead.js';
import type { RootOf } from '../graphql/root.js';
import type { Context } from '../graphql/context.js';
import { connectionType, toConnection } from '../graphql/connection.js';
import { parseLatitude, parseLongitude } from '../input/geo.js';
import { parsePageRequest } from '../input/paging.js';
import { parsePartnershipFilter } from '../input/partnership-filter.js';
import { parseSlug } from '../input/slug.js';
import { Jst } from '../jst/jst.entity.js';
import { Programme } from '../programme/programme.entity.js';
import { areaGeometryAsked, FunctionalArea } from './functional-area.js';
import { activeOn, isCurrent, membershipsOnDay } from './is-current.js';
import { AS_OF_DESCRIPTION, askedDay, markAsOf } from '../graphql/as-of-arg.js';
import { parseAsOf } from '../input/as-of.js';
import { dayOf, today } from '../time/as-of.js';
import { Membership, Partner, UnmatchedMember } from './membership.entity.js';
import { Participation } from './participation.entity.js';
import { Partnership } from './partnership.entity.js';
import { PartnershipFilter } from './partnership.inputs.js';
import { loadedOrNull } from './partnership-read.js';
import { PartnershipService } from './partnership.service.js';

const PartnershipConnection = connectionType(Partnership, 'Partnership');

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => Partnership, { nullable: true, description: 'The partnership with this slug, archived ones included; null when the atlas has none with it. A malformed slug is a BAD_USER_INPUT error' })
  async partnership(
    @Arg('slug', { description: 'The partnership\'s slug: 1–120 lowercase ASCII letters and digits in words joined by single hyphens, e.g. "aglomeracja-walbrzyska"' }) slug: string,
    @Ctx() { em, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) asOf?: string | null,
  ): Promise<Partnership | null> {
    const day = parseAsOf('asOf', asOf) ?? null;
    // Today's functional-area geometry asked for below is read in the partnership's own statement (one round trip, not three);
    // another day's is computed from that day's members (area-on-day.ts).
    const area = day === null ? areaGeometryAsked(info) : null;
    const found = await new PartnershipService(em).find(parseSlug('slug', slug), area);
    if (found && area) loaders.areaGeometry.prime({ key: found.partnership.id, options: area }, found.area);
    return found ? markAsOf([found.partnership], day)[0]! : null;
  }

  @Query(() => PartnershipConnection, {
    description: 'Partnerships matching the filter, ordered by slug; with `filter.search` best match first (exact name, name prefix, word prefix, anywhere, one typo), then by slug',
  })
  async partnerships(
    @Ctx() { em }: Context,
    @Arg('filter', () => PartnershipFilter, { nullable: true, description: 'Conditions the partnerships must meet; omit for every partnership that is not archived' }) filter?: PartnershipFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `endCursor` of the previous page; omit for the first page' }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
    @Arg('asOf', () => String, { nullable: true, description: `${AS_OF_DESCRIPTION}. With asOf only the partnerships running that day are listed, and \`bbox\`, \`intersects\`, \`containsPoint\` meet that day's areas; without, every partnership that is not archived (ended ones too: see \`ended\`)` }) asOf?: string | null,
  ) {
    const parsed = parsePartnershipFilter(filter);
    const day = parseAsOf('asOf', asOf) ?? null;
    // The page and every relation the query walks below `node` in one statement (partnership-json.ts);
    // the relations' resolvers below are then skipped (server/graphql/preloaded.ts).
    const select = info ? lookahead(info, 'edges', 'node') : undefined;
    const page = await new PartnershipService(em).list(parsed, parsePageRequest(first, after, parseSlug, parsed.search != null), select, day);
    markAsOf(page.nodes, day);
    return toConnection(page, (p) => p.slug);
  }

  @Query(() => [Partnership], { description: 'Partnerships whose functional area contains the point' })
  async partnershipsAt(
    @Arg('lon', () => Float, { description: 'Longitude in degrees' }) lon: number,
    @Arg('lat', () => Float, { description: 'Latitude in degrees' }) lat: number,
    @Ctx() { em }: Context,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) asOf?: string | null,
  ): Promise<Partnership[]> {
    const day = parseAsOf('asOf', asOf) ?? null;
    return markAsOf(await new PartnershipService(em).at(parseLongitude('lon', lon), parseLatitude('lat', lat), day), day);
  }

  @FieldResolver(() => Jst, { nullable: true, description: 'The leading JST; null when the sources state none' })
  leader(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context): Jst | Promise<Jst | null> | null {
    return p.leader ? (loadedOrNull(p.leader, 'name') ?? loaders.jst.load(p.leader.teryt)) : null;
  }

  @FieldResolver(() => [Membership], { description: 'Member JSTs on the day the partnership was read for (today, or `asOf`); with includeFormer also those that had left by then and those that joined later' })
  async members(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context, @Arg('includeFormer', { defaultValue: false, description: 'true: every membership the atlas holds, whatever its dates' }) includeFormer: boolean) {
    const day = askedDay(p);
    // A partnership not running that day has no members then, whatever the memberships' own dates.
    if (!includeFormer && !activeOn(p.started, p.ended, dayOf(day))) return [];
    return membershipsOnDay(await loaders.membershipsOfPartnership.load(p.id), day, includeFormer);
  }

  @FieldResolver(() => Partnership, { nullable: true, description: 'The partnership that took over when this one ended (merged into, replaced by); null when none is known' })
  successor(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context): Promise<Partnership | null> | null {
    return p.successor ? loaders.partnership.load(p.successor.id) : null;
  }

  @FieldResolver(() => [Partner], { description: 'Partners that are not JSTs' })
  partners(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context): Promise<Partner[]> {
    return loaders.partnersOfPartnership.load(p.id);
  }

  @FieldResolver(() => [Participation], { description: 'Participation in support programmes' })
  participations(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context): Promise<Participation[]> {
    return loaders.participationsOfPartnership.load(p.id);
  }

  @FieldResolver(() => [UnmatchedMember], { description: 'Members named by sources that could not be matched to one TERYT code' })
  unmatchedMembers(@Root() p: RootOf<Partnership>, @Ctx() { loaders }: Context): Promise<UnmatchedMember[]> {
    return loaders.unmatchedOfPartnership.load(p.id);
  }

  @FieldResolver(() => FunctionalArea, { description: 'Union of the members’ boundaries on the day the partnership was read for (today: the stored area; `asOf`: computed from that day\'s members)' })
  functionalArea(@Root() p: RootOf<Partnership>): FunctionalArea {
    const asOf = askedDay(p);
    // The stored area is today's union of the members; a partnership that has ended (or not begun) has none today.
    if (asOf === null && !activeOn(p.started, p.ended, today())) return { partnershipId: p.id, asOf, notRunning: true };
    return { partnershipId: p.id, asOf };
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Jst, { description: 'The member JST' })
  jst(@Root() m: RootOf<Membership>, @Ctx() { loaders }: Context): Jst | Promise<Jst> {
    // A list's memberships come with their JST: answered without a promise per row.
    return loadedOrNull(m.jst, 'name') ?? (loaders.jst.load(m.jst.teryt) as Promise<Jst>);
  }

  @FieldResolver(() => Partnership, { description: 'The partnership the JST is a member of' })
  async partnership(@Root() m: RootOf<Membership>, @Ctx() { loaders }: Context): Promise<Partnership> {
    return (await loaders.partnership.load(m.partnership.id))!;
  }

  @FieldResolver(() => Boolean, { description: 'true when the JST is a member on the day read for (today, or the `asOf` of the root field): joined by then and not yet left' })
  current(@Root() m: RootOf<Membership>): boolean {
    return isCurrent(m, dayOf(askedDay(m)));
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Programme, { description: 'The programme taken part in' })
  programme(@Root() p: RootOf<Participation>, @Ctx() { loaders }: Context): Programme | Promise<Programme> {
    return loadedOrNull(p.programme, 'code') ?? (loaders.programme.load(p.programme.id) as Promise<Programme>);
  }

  @FieldResolver(() => Partnership, { description: 'The partnership that took part' })
  async partnership(@Root() p: RootOf<Participation>, @Ctx() { loaders }: Context): Promise<Partnership> {
    return (await loaders.partnership.load(p.partnership.id))!;
  }

  @FieldResolver(() => [Membership], { description: 'The memberships that count for the programme through this participation: those whose period overlaps the participation\'s own period, else its phase\'s, else the programme\'s (a JST that joined after the period is not here), by role and TERYT code' })
  members(@Root() p: RootOf<Participation>, @Ctx() { loaders }: Context): Promise<Membership[]> {
    return loaders.membersOfParticipation.load(p.id);
  }
}
