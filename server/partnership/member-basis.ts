import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';
import type { Context } from '../graphql/context.js';
import type { RootOf } from '../graphql/root.js';
import { dayOf, membershipCountsSql, today, type Day } from '../time/as-of.js';
import { LoadedFigures } from '../programme/programme.resolver.js';
import { Partnership } from './partnership.entity.js';

/** Members of each partnership counting on `day`, split by basis. */
export async function memberBasisCounts(em: Em, ids: readonly number[], day: Day): Promise<Map<number, { stated: number; inferred: number }>> {
  const rows = await query<{ id: number; stated: number; inferred: number }>(
    em,
    `select m.partnership_id as id, count(*) filter (where m.basis = 'STATED')::int as stated, count(*) filter (where m.basis = 'INFERRED')::int as inferred
     from membership m where m.partnership_id = any(?::int[]) and ${membershipCountsSql('m', day)} group by m.partnership_id`,
    [intArray(ids)],
  );
  return new Map(rows.map((r) => [r.id, { stated: r.stated, inferred: r.inferred }]));
}

const perRequest = new WeakMap<object, DataLoader<string, { stated: number; inferred: number }>>();

/** Keys `day|id`: one statement per day a request asks about. */
function loaderOf({ em, loaders }: Context) {
  let loader = perRequest.get(loaders);
  if (!loader) {
    loader = new DataLoader(async (keys) => {
      const byDay = new Map<Day, number[]>();
      for (const key of keys) {
        const [day, id] = key.split('|');
        byDay.set(day!, [...(byDay.get(day!) ?? []), Number(id)]);
      }
      const found = new Map<string, { stated: number; inferred: number }>();
      for (const [day, ids] of byDay) for (const [id, counts] of await memberBasisCounts(em, ids, day)) found.set(`${day}|${id}`, counts);
      return keys.map((k) => found.get(k) ?? { stated: 0, inferred: 0 });
    });
    perRequest.set(loaders, loader);
  }
  return loader;
}

@Resolver(() => Partnership)
export class PartnershipMemberBasisResolver {
  @FieldResolver(() => Int, { description: 'Members on the day the answer describes (`asOf`, else today) whose membership is INFERRED from a source\'s words (not named there): probable, not confirmed. The other members are STATED' })
  async inferredMemberCount(@Root() p: RootOf<Partnership>, @Ctx() ctx: Context): Promise<number> {
    return (await loaderOf(ctx).load(`${dayOf((p as { asOf?: Day }).asOf)}|${p.id}`)).inferred;
  }
}

/**
 * Per programme: JSTs counted today only through INFERRED memberships (no STATED one in a
 * partnership of the programme). Probable participations are counted by `LoadedFigures.probable`.
 */
export async function inferredJsts(em: Em, ids: readonly number[]): Promise<Map<number, number>> {
  const counts = (m: string) => membershipCountsSql(m, today());
  const rows = await query<{ id: number; inferred: number }>(
    em,
    `select pr.id,
       (select count(distinct m.jst_teryt) from participation pa join membership m on m.partnership_id = pa.partnership_id
          where pa.programme_id = pr.id and m.basis = 'INFERRED' and ${counts('m')}
            and not exists (select 1 from participation pa2 join membership m2 on m2.partnership_id = pa2.partnership_id
              where pa2.programme_id = pr.id and m2.jst_teryt = m.jst_teryt and m2.basis = 'STATED' and ${counts('m2')}))::int as inferred
     from programme pr where pr.id = any(?::int[])`,
    [intArray(ids)],
  );
  return new Map(rows.map((r) => [r.id, r.inferred]));
}

const inferredPerRequest = new WeakMap<object, DataLoader<number, number>>();

@Resolver(() => LoadedFigures)
export class LoadedInferredResolver {
  @FieldResolver(() => Int, { description: 'Of `jsts`, those counted only through INFERRED memberships (derived from a source\'s words, not named); jsts − inferredJsts are named by a source' })
  async inferredJsts(@Root() figures: LoadedFigures, @Ctx() { em, loaders }: Context): Promise<number> {
    let loader = inferredPerRequest.get(loaders);
    if (!loader) {
      const made = new DataLoader<number, number>(async (ids) => {
        const found = await inferredJsts(em, ids);
        return ids.map((id) => found.get(id) ?? 0);
      });
      inferredPerRequest.set(loaders, (loader = made));
    }
    return loader.load((figures as { programmeId?: number }).programmeId!);
  }
}
