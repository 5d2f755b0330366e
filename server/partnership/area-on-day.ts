import { sizedAsJson, type ReadCache } from '../dataset/read-cache.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import { simplified } from '../jst/jst.service.js';
import { GeoJsonText } from '../shared/geojson-text.js';
import { dayLiteral, membershipActiveSql, type Day } from '../time/as-of.js';
import type { FunctionalAreaFigures } from './partnership.service.js';

/**
 * A partnership's functional area on a past (or future) day: the union of the boundaries of the
 * members it had that day, by the rule of the `refresh_partnership_area` trigger (a województwo
 * taking part does not stretch it), and nothing on a day the partnership did not run. Today's
 * answers read the stored `partnership.area`; this is computed on demand and, for anonymous reads,
 * kept in the read cache per (dataset version, day, partnership), so a write moves it with the data.
 */
const unionOnDay = (day: Day) => `select ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(j.boundary)), 3)) as geom, count(*)::int as n
  from membership m join jst j on j.teryt = m.jst_teryt join partnership p on p.id = m.partnership_id
  where m.partnership_id = ? and ${membershipActiveSql('m', day)} and atlas_active_on(p.started, p.ended, ${dayLiteral(day)}) and j.level <> 'VOIVODESHIP'`;

export class AreaOnDayService {
  constructor(
    private readonly em: Em,
    private readonly cache: ReadCache | null,
  ) {}

  private cached<T>(key: (string | number)[], compute: () => Promise<T>): Promise<T> {
    return this.cache ? this.cache.read(this.em, key, async () => sizedAsJson(await compute())) : compute();
  }

  /** Area (km², on the spheroid), member count and bbox ([west, south, east, north] degrees) of the area on `day`. */
  figures(id: number, day: Day): Promise<FunctionalAreaFigures> {
    return this.cached(['areaOnDay', day, id], async () => {
      const [r] = await query<{ km2: number | null; n: number; w: number | null; s: number; e: number; n2: number }>(
        this.em,
        `select ST_Area(u.geom::geography) / 1e6 as km2, u.n, ST_XMin(u.geom) as w, ST_YMin(u.geom) as s, ST_XMax(u.geom) as e, ST_YMax(u.geom) as n2 from (${unionOnDay(day)}) u`,
        [id],
      );
      const empty = !r || r.w === null;
      return { partnershipId: id, areaKm2: r?.km2 ?? 0, memberCount: empty ? 0 : r.n, bbox: empty ? null : [r.w!, r.s, r.e, r.n2] };
    });
  }

  /** The area on `day` as GeoJSON (lng,lat degrees), simplified and rounded as asked; null when it is empty. */
  async geometry(id: number, day: Day, options: GeometryOptions): Promise<GeoJsonText | null> {
    const text = await this.cached(['areaGeometryOnDay', day, id, options.simplify, options.precision], async () => {
      const [r] = await query<{ geojson: string | null }>(
        this.em,
        `select ST_AsGeoJSON(${simplified('u.geom', options)}, ${Number(options.precision)}) as geojson from (${unionOnDay(day)}) u`,
        [id],
      );
      return r?.geojson ?? null;
    });
    return text === null ? null : new GeoJsonText(text);
  }
}
