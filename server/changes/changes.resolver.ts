import { Arg, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { parseAsOf } from '../input/as-of.js';
import { Jst } from '../jst/jst.entity.js';
import { PartnershipEndReason } from '../partnership/partnership-enums.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { InputError } from '../shared/errors.js';
import { Source, type SourceData } from '../shared/source.js';
import { ChangesService } from './changes.service.js';

@ObjectType({ description: 'A JST that joined or left a partnership' })
class MembershipChange {
  partnershipId!: number;

  @Field(() => Jst, { description: 'The JST' })
  jst!: Jst;

  @Field({ description: 'When it joined or left, as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD (a year or month counts from its first day); "left" is the first day it was no longer a member' })
  date!: string;

  @Field(() => [Source], { description: 'Where the membership and its date are stated' })
  sources!: SourceData[];
}

@ObjectType({ description: 'A partnership that started or ended' })
class PartnershipChange {
  partnershipId!: number;

  @Field({ description: 'When it started or ended: YYYY, YYYY-MM or YYYY-MM-DD; an end is the first day it no longer existed' })
  date!: string;

  @Field(() => PartnershipEndReason, { nullable: true, description: 'For an end: how it ended; null for a start or when no source says' })
  endReason!: PartnershipEndReason | null;

  @Field(() => [Source], { description: 'Where the date is stated (Partnership.periodSources)' })
  sources!: SourceData[];
}

@ObjectType({ description: 'What changed between two days (`changesBetween`): memberships and partnerships whose dated start or end falls on a day from `from` to `to`, both included. Computed from the dated facts, not from the edit history' })
class DatedChanges {
  @Field({ description: 'The first day, YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'The last day, YYYY-MM-DD' })
  to!: string;

  @Field(() => [MembershipChange], { description: 'JSTs that joined a partnership, by date' })
  joined!: MembershipChange[];

  @Field(() => [MembershipChange], { description: 'JSTs that left a partnership, by date (the first day they were no longer members)' })
  left!: MembershipChange[];

  @Field(() => [PartnershipChange], { description: 'Partnerships that started, by date' })
  partnershipsStarted!: PartnershipChange[];

  @Field(() => [PartnershipChange], { description: 'Partnerships that ended, by date (with the successor on Partnership.successor)' })
  partnershipsEnded!: PartnershipChange[];
}

const partnershipOf = async (change: { partnershipId: number }, { loaders }: Context): Promise<Partnership> => (await loaders.partnership.load(change.partnershipId))!;

@Resolver(() => MembershipChange)
export class MembershipChangeResolver {
  @FieldResolver(() => Partnership, { description: 'The partnership joined or left' })
  partnership(@Root() change: MembershipChange, @Ctx() ctx: Context): Promise<Partnership> {
    return partnershipOf(change, ctx);
  }
}

@Resolver(() => PartnershipChange)
export class PartnershipChangeResolver {
  @FieldResolver(() => Partnership, { description: 'The partnership that started or ended' })
  partnership(@Root() change: PartnershipChange, @Ctx() ctx: Context): Promise<Partnership> {
    return partnershipOf(change, ctx);
  }
}

@Resolver(() => DatedChanges)
export class ChangesResolver {
  @Query(() => DatedChanges, { description: 'The membership diff between two days (joined, left) and the partnerships started and ended, with dates and sources; from the dated facts, whatever was edited when (the edits themselves: `changes`)' })
  async changesBetween(
    @Arg('from', { description: 'First day, YYYY-MM-DD (included)' }) from: string,
    @Arg('to', { description: 'Last day, YYYY-MM-DD (included); not before `from`' }) to: string,
    @Ctx() { em }: Context,
  ): Promise<DatedChanges> {
    const first = parseAsOf('from', from)!;
    const last = parseAsOf('to', to)!;
    if (last < first) throw new InputError('to', `${last} is before from ${first}`, 'OUT_OF_ORDER');
    const found = await new ChangesService(em).between(first, last);
    return { from: found.from, to: found.to, joined: found.joined, left: found.left, partnershipsStarted: found.started, partnershipsEnded: found.ended } as DatedChanges;
  }
}
