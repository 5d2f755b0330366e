import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Coverage } from '../coverage/coverage.resolver.js';
import type { Context } from '../graphql/context.js';
import type { RootOf } from '../graphql/root.js';
import { Jst } from '../jst/jst.entity.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { dayOf, type Day } from '../time/as-of.js';
import { PopulationService, type AreaPeople } from './population.service.js';
import { AreaPopulation, Population, PopulationSource, sourceOf, type PopulationYearRow } from './population.types.js';

/** The day a nested read describes: the root field's `asOf` (server/time/as-of.ts contract), else today. */
const dayOfRoot = (root: object): Day => dayOf((root as { asOf?: Day }).asOf);

/** Batch loaders of one request, made on first use; keyed by the request's loaders object. */
const perRequest = new WeakMap<object, ReturnType<typeof makeLoaders>>();

function makeLoaders({ em }: Context) {
  const service = new PopulationService(em);
  const years = new DataLoader<Day, PopulationYearRow | null>((days) => Promise.all(days.map((d) => service.yearFor(d))));
  // Keys `year|teryt`: one statement per year asked.
  const jsts = new DataLoader<string, number | null>(async (keys) => {
    const byYear = new Map<number, string[]>();
    for (const key of keys) {
      const [year, teryt] = key.split('|');
      byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), teryt!]);
    }
    const found = new Map<string, number>();
    for (const [year, codes] of byYear) for (const [teryt, people] of await service.ofJsts(codes, year)) found.set(`${year}|${teryt}`, people);
    return keys.map((k) => found.get(k) ?? null);
  });
  // Keys `day|year|id`: one statement per day asked.
  const areas = new DataLoader<string, AreaPeople | null>(async (keys) => {
    const groups = new Map<string, number[]>();
    for (const key of keys) {
      const [day, year, id] = key.split('|');
      groups.set(`${day}|${year}`, [...(groups.get(`${day}|${year}`) ?? []), Number(id)]);
    }
    const found = new Map<string, AreaPeople>();
    for (const [group, ids] of groups) {
      const [day, year] = group.split('|');
      for (const [id, people] of await service.ofPartnerships(ids, day!, Number(year))) found.set(`${group}|${id}`, people);
    }
    return keys.map((k) => found.get(k) ?? null);
  });
  return { years, jsts, areas };
}

export function populationLoaders(ctx: Context) {
  let made = perRequest.get(ctx.loaders);
  if (!made) perRequest.set(ctx.loaders, (made = makeLoaders(ctx)));
  return made;
}

@Resolver(() => Jst)
export class JstPopulationResolver {
  @FieldResolver(() => Population, {
    nullable: true,
    description: 'People living in the JST (GUS BDL), from the newest year stated by the day the answer describes (`asOf`, else today); null when no figure is loaded',
  })
  async population(@Root() jst: RootOf<Jst>, @Ctx() ctx: Context): Promise<Population | null> {
    const loaders = populationLoaders(ctx);
    const year = await loaders.years.load(dayOfRoot(jst));
    const people = year ? await loaders.jsts.load(`${year.year}|${jst.teryt}`) : null;
    return year && people !== null ? { people, year: year.year, asOf: year.asOf, source: sourceOf(year) } : null;
  }
}

@Resolver(() => Partnership)
export class PartnershipPopulationResolver {
  @FieldResolver(() => AreaPopulation, {
    nullable: true,
    description: 'People living in the gminy of the functional area on the day the answer describes (`asOf`, else today): members then, each gmina once, a powiat bringing its gminy. Null when no population is loaded',
  })
  async population(@Root() p: RootOf<Partnership>, @Ctx() ctx: Context): Promise<AreaPopulation | null> {
    const loaders = populationLoaders(ctx);
    const day = dayOfRoot(p);
    const year = await loaders.years.load(day);
    if (!year) return null;
    const area = (await loaders.areas.load(`${day}|${year.year}|${p.id}`)) ?? { people: 0, gminy: 0, withoutFigure: 0 };
    return { people: area.people, gminy: area.gminy, gminyWithoutFigure: area.withoutFigure, year: year.year, asOf: year.asOf, source: sourceOf(year) };
  }
}


@Resolver(() => Coverage)
export class CoveragePopulationResolver {
  @FieldResolver(() => PopulationSource, { nullable: true, description: 'Where the population figures of the coverage come from (the newest year loaded); null when none is loaded' })
  async populationSource(@Ctx() { em }: Context): Promise<PopulationSource | null> {
    const year = await new PopulationService(em).yearFor(null);
    return year ? sourceOf(year) : null;
  }
}
