import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RootOf } from '../graphql/root.js';
import type { Context } from '../graphql/context.js';
import { parseProgrammeCode } from '../input/programme-code.js';
import { ParticipationStatus } from '../partnership/partnership-enums.js';
import { Participation } from '../partnership/participation.entity.js';
import { Programme, ProgrammePhase, ReportedFigure } from './programme.entity.js';
import { ProgrammeService } from './programme.service.js';

@ObjectType({ description: 'Counts over some participations of a programme (the confirmed or the probable ones)' })
class LoadedCounts {
  @Field(() => Int, { description: 'Partnerships with such a participation' })
  partnerships!: number;

  @Field(() => Int, { description: 'Distinct JSTs whose membership overlaps the counting period of their partnership\'s participation' })
  jsts!: number;

  @Field(() => Int, { description: 'Of those JSTs, gminy' })
  gminy!: number;
}

@ObjectType({ description: 'What the atlas has loaded for a programme; compare with reportedFigures to see the gap. Members count only where their membership overlaps the participation\'s period (its own, else its phase\'s, else the programme\'s)' })
export class LoadedFigures {
  @Field(() => Int, { description: 'Partnerships with a participation in the programme (not archived)' })
  partnerships!: number;

  @Field(() => Int, { description: 'Of those, partnerships whose member list is complete' })
  partnershipsWithCompleteMemberList!: number;

  @Field(() => Int, { description: 'Distinct JSTs that were members of those partnerships during the counting period (a JST that joined after it does not count)' })
  jsts!: number;

  @Field(() => Int, { description: 'Of those JSTs, gminy' })
  gminy!: number;

  @Field(() => LoadedCounts, { description: 'Counted over the participations the sources state (probable: false)' })
  confirmed!: LoadedCounts;

  @Field(() => LoadedCounts, { description: 'Counted over the participations the sources only make probable (probable: true); a JST in both kinds counts in both, once in the totals' })
  probable!: LoadedCounts;
}

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme], { description: 'All support programmes' })
  programmes(@Ctx() { em }: Context): Promise<Programme[]> {
    return new ProgrammeService(em).list();
  }

  @Query(() => Programme, { nullable: true, description: 'The programme with this code; null when the atlas has none with it. A malformed code is a BAD_USER_INPUT error' })
  programme(@Arg('code', { description: 'The programme\'s code: capital letters, digits and hyphens, 1–40 capital letters and digits in words joined by single hyphens, e.g. "EEA-PP"' }) code: string, @Ctx() { em }: Context): Promise<Programme | null> {
    return new ProgrammeService(em).find(parseProgrammeCode('code', code));
  }

  @FieldResolver(() => [ProgrammePhase], { description: 'Phases, editions or competitions, in order' })
  phases(@Root() p: RootOf<Programme>, @Ctx() { loaders }: Context): Promise<ProgrammePhase[]> {
    return loaders.phasesOfProgramme.load(p.id);
  }

  @FieldResolver(() => [ReportedFigure], { description: 'Figures the sources report (not computed from the loaded data)' })
  reportedFigures(@Root() p: RootOf<Programme>, @Ctx() { loaders }: Context): Promise<ReportedFigure[]> {
    return loaders.figuresOfProgramme.load(p.id);
  }

  @FieldResolver(() => LoadedFigures, { description: 'What the atlas has loaded for this programme' })
  async loaded(@Root() p: RootOf<Programme>, @Ctx() { loaders }: Context): Promise<LoadedFigures> {
    return Object.assign(new LoadedFigures(), await loaders.loadedFigures.load(p.id));
  }

  @FieldResolver(() => [Participation], { description: 'Partnerships that took part, optionally by status' })
  async participations(
    @Root() p: RootOf<Programme>,
    @Ctx() { loaders }: Context,
    @Arg('statuses', () => [ParticipationStatus], { nullable: true, description: 'Only participations with one of these statuses; omit for all' }) statuses?: ParticipationStatus[] | null,
  ): Promise<Participation[]> {
    const all = await loaders.participationsOfProgramme.load(p.id);
    return statuses?.length ? all.filter((x) => statuses.includes(x.status)) : all;
  }
}
