import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.js';
import { parseCoverageArgs } from '../input/coverage-args.js';
import { Jst } from '../jst/jst.entity.js';
import { AS_OF_DESCRIPTION } from '../graphql/as-of-arg.js';
import { AreaType, LegalForm, ParticipationStatus } from '../partnership/partnership-enums.js';
import { CoverageService, type CoverageFigures } from './coverage.service.js';

@ObjectType({ description: 'Coverage of gminy by partnerships in one area' })
class CoverageRow {
  voivodeshipTeryt!: string | null;

  @Field(() => Int, { description: 'Gminy in the area' })
  gminyTotal!: number;

  @Field(() => Int, { description: 'Gminy inside at least one functional area (the gmina or its powiat is a member that counts: see `coverage`)' })
  gminyCovered!: number;

  @Field(() => Float, { description: 'gminyCovered / gminyTotal, 0–1' })
  gminyShare(): number {
    return this.gminyTotal ? this.gminyCovered / this.gminyTotal : 0;
  }

  @Field(() => Float, { description: 'Area of the gminy, km²' })
  areaTotalKm2!: number;

  @Field(() => Float, { description: 'Area of the covered gminy, km²' })
  areaCoveredKm2!: number;

  @Field(() => Float, { description: 'areaCoveredKm2 / areaTotalKm2, 0–1' })
  areaShare(): number {
    return this.areaTotalKm2 ? this.areaCoveredKm2 / this.areaTotalKm2 : 0;
  }

  @Field(() => Int, { description: 'Partnerships with a member that counts in the area' })
  partnerships!: number;

  @Field(() => Float, { nullable: true, description: 'People living in the gminy of the area (GUS BDL, the year of `populationSource`); null when no population is loaded' })
  populationTotal!: number | null;

  @Field(() => Float, { nullable: true, description: 'People living in the covered gminy; null when no population is loaded' })
  populationCovered!: number | null;

  @Field(() => Float, { nullable: true, description: 'populationCovered / populationTotal, 0–1; null when no population is loaded' })
  populationShare(): number | null {
    return this.populationTotal ? (this.populationCovered ?? 0) / this.populationTotal : null;
  }
}

@ObjectType({ description: 'Coverage of gminy by partnerships, overall and per województwo' })
export class Coverage extends CoverageRow {
  @Field(() => String, { nullable: true, description: 'Programme code the coverage is limited to; null: partnerships of every programme, and those of none' })
  programme!: string | null;

  @Field(() => String, { nullable: true, description: 'The day the coverage describes (YYYY-MM-DD), as asked with `asOf`; null: today, or with `programme` the programme\'s period' })
  asOf!: string | null;

  @Field(() => [CoverageRow], { description: 'One row per województwo (only the one asked for, when `voivodeship` is given), by TERC code' })
  byVoivodeship!: CoverageRow[];
}

const asRow = (figures: CoverageFigures) => Object.assign(new CoverageRow(), figures);

@Resolver(() => CoverageRow)
export class CoverageRowResolver {
  @FieldResolver(() => Jst, { nullable: true, description: 'The województwo, for a per-województwo row or a coverage limited to one' })
  voivodeship(@Root() row: CoverageRow, @Ctx() { loaders }: Context): Promise<Jst | null> | null {
    return row.voivodeshipTeryt ? loaders.jst.load(row.voivodeshipTeryt) : null;
  }
}

@Resolver(() => Coverage)
export class CoverageResolver {
  @Query(() => Coverage, {
    description:
      'How many gminy and how much area partnerships cover, optionally for one programme, status, legal form, area type and województwo (the filters of the map). Counts the members of running partnerships today, or on `asOf`; with `programme`, the members whose membership overlaps the period of their partnership\'s participation (its own, else its phase\'s, else the programme\'s), on `asOf` too when given',
  })
  async coverage(
    @Ctx() { em, readCache }: Context,
    @Arg('programme', () => String, { nullable: true, description: 'Programme code' }) programme?: string | null,
    @Arg('voivodeship', () => String, { nullable: true, description: 'TERC code of a województwo' }) voivodeship?: string | null,
    @Arg('statuses', () => [ParticipationStatus], { nullable: true, description: 'Only partnerships with a participation of one of these statuses (in `programme`, when given); omit for all' })
    statuses?: ParticipationStatus[] | null,
    @Arg('legalForms', () => [LegalForm], { nullable: true, description: 'Only partnerships of one of these legal forms; omit for all' }) legalForms?: LegalForm[] | null,
    @Arg('areaTypes', () => [AreaType], { nullable: true, description: 'Only partnerships of one of these area types; omit for all' }) areaTypes?: AreaType[] | null,
    @Arg('asOf', () => String, { nullable: true, description: AS_OF_DESCRIPTION }) asOf?: string | null,
  ): Promise<Coverage> {
    const result = await new CoverageService(em, readCache).coverage(parseCoverageArgs({ programme, voivodeship, statuses, legalForms, areaTypes, asOf }));
    return Object.assign(new Coverage(), { ...result, byVoivodeship: result.byVoivodeship.map(asRow) });
  }

  @FieldResolver(() => Jst, { nullable: true, description: 'The województwo the coverage is limited to; null: the whole country' })
  voivodeship(@Root() row: Coverage, @Ctx() { loaders }: Context): Promise<Jst | null> | null {
    return row.voivodeshipTeryt ? loaders.jst.load(row.voivodeshipTeryt) : null;
  }
}
