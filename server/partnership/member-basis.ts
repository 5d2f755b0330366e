import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';
import type { Context } from '../graphql/context.js';
import type { RootOf } from '../graphql/root.js';
import { dayOf, membershipCountsSql, type Day } from '../time/as-of.js';
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
