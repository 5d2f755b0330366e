import { sizedAsJson, type ReadCache } from '../dataset/read-cache.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import { simplified } from '../jst/jst.service.js';
import { dayLiteral, membershipActiveSql, type Day } from '../time/as-of.js';
import type { FunctionalAreaFigures } from './partnership.service.js';

/**
 * A partnership's functional area on a past (or future) day: the union of the boundaries of the
 * members it had that day, by the rule of the `refresh_partnership_area` trigger (a województwo
 * taking part does not stretch it), and nothing on a day the partnership did not run. Today's
 * answers read the stored `partnership.area`; this is computed on demand, once per member set: the
 * union is kept in `area_memo` under the md5 of the members' TERYT codes (any day, partnership, version
 * or caller with those members reads it back; a boundary change empties it, see
 * Migration20261128100000_area_memo). For anonymous reads the answer is also kept in the read cache
 * per (dataset version, day, partnership), so a write moves it with the data.
 *
 * `membersOnDay` is the FROM and WHERE of those members (partnership `?`), which the union and the memo key share.
 */
const membersOnDay = (day: Day) => `from membership m join jst j on j.teryt = m.jst_teryt join partnership p on p.id = m.partnership_id
  where m.partnership_id = ? and ${membershipActiveSql('m', day)} and atlas_active_on(p.started, p.ended, ${dayLiteral(day)}) and j.level <> 'VOIVODESHIP'`;

/** The union of the members' boundaries on `day` (`geom`) and how many they are (`n`). */
const unionOnDay = (day: Day) => `select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(j.boundary)), 3)) as geom, count(*)::int as n ${membersOnDay(day)}`;

/** The key of the member set on `day` in `area_memo`: the md5 of their sorted TERYT codes (null: no members). */
const memberKeyOnDay = (day: Day) => `select md5(string_agg(m.jst_teryt, ',' order by m.jst_teryt)) as key ${membersOnDay(day)}`;

/** The figures of the area on a day, and its geometry as GeoJSON text per asked option (`simplify|precision`); null when empty. */
export interface AreaOnDay {
  figures: FunctionalAreaFigures;
  geometries: Record<string, string | null>;
}

export const optionsKey = (o: GeometryOptions) => `${o.simplify}|${o.precision}`;

export class AreaOnDayService {
  constructor(
    private readonly em: Em,
    private readonly cache: ReadCache | null,
  ) {}

  /**
   * The area of partnership `id` on `day`: figures (km² on the spheroid, member count, bbox
   * [west, south, east, north] degrees) and the geometry in each of `options` (lng,lat degrees),
   * from ONE union of the members' boundaries, however many shapes a query asks for.
   */
  read(id: number, day: Day, options: readonly GeometryOptions[]): Promise<AreaOnDay> {
    const asked = [...new Map(options.map((o) => [optionsKey(o), o])).values()].sort((a, b) => optionsKey(a).localeCompare(optionsKey(b)));
    const compute = () => this.compute(id, day, asked);
    if (!this.cache) return compute();
    return this.cache.read(this.em, ['areaOnDay', day, id, ...asked.map(optionsKey)], async () => sizedAsJson(await compute()));
  }

  private async compute(id: number, day: Day, options: readonly GeometryOptions[]): Promise<AreaOnDay> {
    // One statement when the member set is kept: its key, and the kept area if there is one.
    const kept = `(select k.key, a.geom, a.member_count as n, a.area_km2 from (${memberKeyOnDay(day)}) k left join area_memo a on a.members = k.key)`;
    let [r] = await this.shapes(kept, 'u.area_km2', [id], options, 'u.key, ');
    const key = r?.key ?? null;
    if (key !== null && r!.w === null) {
      // A pinned read runs in a read-only transaction: it computes the union and leaves the memo to the next plain read.
      const [tx] = await query<{ ro: boolean }>(this.em, `select current_setting('transaction_read_only') = 'on' as ro`);
      if (tx!.ro) [r] = await this.shapes(`(${unionOnDay(day)})`, 'ST_Area(u.geom::geography) / 1e6', [id], options);
      else {
        await query(
          this.em,
          `insert into area_memo (members, geom, member_count, area_km2)
           select ?, x.geom, x.n, ST_Area(x.geom::geography) / 1e6 from (${unionOnDay(day)}) x where x.geom is not null on conflict (members) do nothing`,
          [key, id],
        );
        [r] = await this.shapes(`(select geom, member_count as n, area_km2 from area_memo where members = ?)`, 'u.area_km2', [key], options);
      }
    }
    if (key === null || !r || r.w === null) return { figures: { partnershipId: id, areaKm2: 0, memberCount: 0, bbox: null }, geometries: Object.fromEntries(options.map((o) => [optionsKey(o), null])) };
    const figures: FunctionalAreaFigures = { partnershipId: id, areaKm2: Number(r.km2), memberCount: Number(r.n), bbox: [Number(r.w), Number(r.s), Number(r.e), Number(r.nn)] };
    const geometries = Object.fromEntries(options.map((o, i) => [optionsKey(o), r![`g${i}`] as string | null]));
    return { figures, geometries };
  }

  /**
   * Figures (`km2` SQL for km², members, bbox) and each asked shape of the area rows of `source`
   * (columns geom and n), after the columns `extra` names (SQL ending in a comma).
   */
  private shapes(source: string, km2: string, params: unknown[], options: readonly GeometryOptions[], extra = ''): Promise<Record<string, number | string | null>[]> {
    const shapes = options.map((o, i) => `, ST_AsGeoJSON(${simplified('u.geom', o)}, ${Number(o.precision)}) as g${i}`).join('');
    return query(this.em, `select ${extra}${km2} as km2, u.n, ST_XMin(u.geom) as w, ST_YMin(u.geom) as s, ST_XMax(u.geom) as e, ST_YMax(u.geom) as nn${shapes} from ${source} u`, params);
  }
}
