import type { Feature, FeatureCollection } from 'geojson';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ReadCache, Sized } from '../dataset/read-cache.js';
import type { Em } from '../db/orm.js';
import { query, Where } from '../db/sql.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import { membershipCountsSql, today, type Day } from '../time/as-of.js';
import { JstLevel } from './jst-kind.js';
import { simplified } from './jst.service.js';

/**
 * Units built per statement. The embedded database has one connection: a whole-country layer in one
 * statement would hold it (and, PGlite running in this process, the event loop) for seconds, while
 * batches let a light read run between them.
 */
export const FEATURE_BATCH = 25;

/**
 * All boundaries of one level as one FeatureCollection, built by PostGIS in batches of
 * FEATURE_BATCH units in TERYT order: the map draws Poland from it. Properties: teryt, name, kind,
 * parent, partnerships (slugs of the partnerships the unit is a member of today, both running). With a
 * `cache` (anonymous reads), the layer is built once per dataset version and arguments.
 */
export function jstFeatureCollection(
  em: Em,
  level: JstLevel,
  voivodeship: string | null,
  options: GeometryOptions,
  cache: ReadCache | null = null,
): Promise<FeatureCollection> {
  // Partnerships count as they are today: the day is part of the key, so a cached layer never outlives its day.
  const day = today();
  const build = () => buildFeatureCollection(em, level, voivodeship, options, day);
  if (!cache) return build().then((sized) => sized.value);
  return cache.read(em, ['jstFeatures', day, level, voivodeship, options.simplify, options.precision], build);
}

/** The FeatureCollection and its size: the length of the JSON PostGIS wrote for it, in bytes. */
async function buildFeatureCollection(em: Em, level: JstLevel, voivodeship: string | null, options: GeometryOptions, day: Day): Promise<Sized<FeatureCollection>> {
  // Parsed batch by batch, so no single step holds the event loop for the whole layer.
  const features: Feature[] = [];
  let bytes = 0;
  let after = '';
  for (;;) {
    const where = new Where().add('j.level = ?', level).add('j.teryt > ?', after);
    if (voivodeship !== null) where.add('j.voivodeship_teryt = ?', voivodeship);
    const [row] = await query<{ features: string | null; last: string | null; n: number }>(
      em,
      `select string_agg(f::text, ',' order by teryt) as features, max(teryt) as last, count(*)::int as n from (
         select j.teryt, json_build_object('type', 'Feature', 'id', j.teryt,
           'geometry', ST_AsGeoJSON(${simplified('j.boundary', options)}, ?)::json,
           'properties', json_build_object('teryt', j.teryt, 'name', j.name, 'kind', j.kind, 'parent', j.parent_teryt,
             'partnerships', coalesce((select json_agg(p.slug order by p.slug) from membership m join partnership p on p.id = m.partnership_id
                                       where m.jst_teryt = j.teryt and ${membershipCountsSql('m', day)}), '[]'::json))) as f
         from jst j ${where} order by j.teryt limit ${FEATURE_BATCH}) batch`,
      [options.precision, ...where.params],
    );
    if (row?.features) {
      features.push(...(JSON.parse(`[${row.features}]`) as Feature[]));
      bytes += row.features.length + 1;
    }
    if (!row || row.n < FEATURE_BATCH || !row.last) break;
    after = row.last;
    // PGlite answers inside the promise chain, so without this the next batch would start before any
    // waiting request is even read: a turn of the event loop lets light requests queue their statements.
    await yieldToEventLoop();
  }
  return { value: { type: 'FeatureCollection', features }, bytes: bytes + 40 };
}
