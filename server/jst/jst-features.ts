import type { FeatureCollection } from 'geojson';
import type { Em } from '../db/orm.js';
import { query, Where } from '../db/sql.js';
import type { GeometryOptions } from '../graphql/geometry-args.js';
import { checkTeryt } from '../shared/checks.js';
import { InputError } from '../shared/errors.js';
import { JstLevel } from './jst-kind.js';
import { simplified } from './jst.service.js';

/**
 * All boundaries of one level as one FeatureCollection, built by PostGIS in a single statement:
 * the map draws Poland from it. Properties: teryt, name, kind, parent, partnerships (slugs of the
 * partnerships the unit is a current member of).
 */
export async function jstFeatureCollection(em: Em, level: JstLevel, voivodeship: string | null | undefined, options: GeometryOptions): Promise<FeatureCollection> {
  const where = new Where().add('j.level = ?', level);
  if (voivodeship != null) {
    if (!/^\d{2}$/.test(voivodeship)) throw new InputError('voivodeship', 'must be a 2-digit TERC code of a województwo');
    where.add('j.voivodeship_teryt = ?', checkTeryt('voivodeship', voivodeship));
  }
  const [row] = await query<{ fc: string }>(
    em,
    `select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
        'type', 'Feature', 'id', j.teryt,
        'geometry', ST_AsGeoJSON(${simplified('j.boundary', options)}, ?)::json,
        'properties', json_build_object('teryt', j.teryt, 'name', j.name, 'kind', j.kind, 'parent', j.parent_teryt,
          'partnerships', coalesce((select json_agg(p.slug order by p.slug) from membership m join partnership p on p.id = m.partnership_id
                                    where m.jst_teryt = j.teryt and p.archived_at is null and membership_is_current(m."left")), '[]'::json))
      ) order by j.teryt), '[]'::json))::text as fc
     from jst j ${where}`,
    [options.precision, ...where.params],
  );
  return JSON.parse(row!.fc) as FeatureCollection;
}
