import { Where } from '../db/sql.js';
import type { OgcFilterName, OgcFilters } from '../input/ogc-query.js';
import { parseMembershipId } from '../input/ogc-query.js';
import { parseSlug } from '../input/slug.js';
import { parseCurrentTeryt } from '../input/teryt.js';
import { JstKind, JstLevel, jstKindLabelPl } from '../jst/jst-kind.js';
import { CURRENT_MEMBERSHIP } from '../jst/jst.service.js';

/**
 * One collection of the OGC API: what a feature is (its SQL), its id, and the property filters it
 * takes. The SQL is written here, from constants only; values always travel as parameters.
 */
export interface OgcCollection {
  id: string;
  /** Polish title first, then English. */
  title: string;
  description: string;
  /** Tables with aliases, e.g. `jst j`. */
  from: string;
  /** Conditions every feature of the collection meets. */
  base: string;
  /** SQL of the feature id (text). */
  idSql: string;
  /** Unique order of the features, so pages neither repeat nor skip one. */
  order: string;
  /** The geometry column (EPSG:4326, lon,lat); null where the feature has none. */
  geometry: string;
  /** SQL building the feature's `properties` object. */
  properties: string;
  filters: readonly OgcFilterName[];
  /** Adds the SQL conditions of the parsed filters. */
  where: (where: Where, filters: OgcFilters) => void;
  /** Parses a feature id of the URL into the condition that finds it (InputError when malformed). */
  byId: (featureId: string) => { sql: string; params: unknown[] };
  /** How the id is made, for the docs and the OpenAPI document. */
  idDescription: string;
}

/** SQL condition: partnership `<pid>` takes part in the programme and/or with the status asked for. */
function participation(pid: string, f: OgcFilters): { sql: string; params: unknown[] } | null {
  if (f.programme === undefined && f.status === undefined) return null;
  const cond = new Where().add(`pa.partnership_id = ${pid}`);
  if (f.programme !== undefined) cond.add('pr.code = ?', f.programme);
  if (f.status !== undefined) cond.add('pa.status = ?', f.status);
  return { sql: `exists (select 1 from participation pa join programme pr on pr.id = pa.programme_id ${cond})`, params: cond.params };
}

const kindLabel = `case j.kind ${Object.values(JstKind).map((k) => `when '${k}' then '${jstKindLabelPl[k]}'`).join(' ')} end`;

/** gminy, powiaty, województwa: one feature per unit, id = TERYT code. */
function jstCollection(id: string, level: JstLevel, title: string, description: string): OgcCollection {
  return {
    id, title, description,
    from: 'jst j',
    base: `j.level = '${level}'`,
    idSql: 'j.teryt',
    order: 'j.teryt',
    geometry: 'j.boundary',
    properties: `json_build_object('teryt', j.teryt, 'name', j.name, 'kind', j.kind, 'kindLabel', ${kindLabel}, 'parent', j.parent_teryt,
      'voivodeship', j.voivodeship_teryt, 'areaKm2', round(j.area_km2::numeric, 2),
      'partnerships', coalesce((select json_agg(p.slug order by p.slug) from membership m join partnership p on p.id = m.partnership_id
                                where m.jst_teryt = j.teryt and p.archived_at is null and membership_is_current(m."left")), '[]'::json))`,
    filters: ['teryt', 'wojewodztwo', 'partnership', 'programme', 'status'],
    where(where, f) {
      if (f.teryt !== undefined) where.add('j.teryt = ?', f.teryt);
      if (f.wojewodztwo !== undefined) where.add('j.voivodeship_teryt = ?', f.wojewodztwo);
      // As in JstService: current memberships of partnerships not archived.
      if (f.partnership !== undefined) {
        where.add(`exists (select 1 from membership m join partnership p on p.id = m.partnership_id where m.jst_teryt = j.teryt and ${CURRENT_MEMBERSHIP} and p.slug = ?)`, f.partnership);
      }
      const pa = participation('m.partnership_id', f);
      if (pa) where.add(`exists (select 1 from membership m where m.jst_teryt = j.teryt and ${CURRENT_MEMBERSHIP} and ${pa.sql})`, ...pa.params);
    },
    byId: (featureId) => ({ sql: 'j.teryt = ?', params: [parseCurrentTeryt('featureId', featureId)] }),
    idDescription: 'the TERYT (TERC) code',
  };
}

const partnerships: OgcCollection = {
  id: 'partnerships',
  title: 'Partnerstwa (obszary funkcjonalne) / Partnerships (functional areas)',
  description:
    "One feature per partnership: its functional area, the union of its current member gminy and powiaty. A partnership whose members are not known (or not yet loaded) has a null geometry.",
  from: 'partnership p',
  base: 'p.archived_at is null',
  idSql: 'p.slug',
  order: 'p.slug',
  geometry: 'p.area',
  properties: `json_build_object('slug', p.slug, 'name', p.name, 'shortName', p.short_name, 'legalForm', p.legal_form, 'areaType', p.area_type,
    'leader', p.leader_teryt, 'website', p.website, 'membersComplete', p.members_complete, 'memberCount', p.member_count,
    'areaKm2', round(p.area_km2::numeric, 2),
    'programmes', coalesce((select json_agg(pr.code || ':' || pa.status order by pr.code, pa.status) from participation pa join programme pr on pr.id = pa.programme_id
                            where pa.partnership_id = p.id), '[]'::json))`,
  filters: ['programme', 'status', 'wojewodztwo', 'teryt', 'partnership'],
  where(where, f) {
    const pa = participation('p.id', f);
    if (pa) where.add(pa.sql, ...pa.params);
    // As in PartnershipService: a current member in the województwo, or this current member.
    if (f.wojewodztwo !== undefined) {
      where.add(`exists (select 1 from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = p.id and membership_is_current(m."left") and j.voivodeship_teryt = ?)`, f.wojewodztwo);
    }
    if (f.teryt !== undefined) where.add(`exists (select 1 from membership m where m.partnership_id = p.id and membership_is_current(m."left") and m.jst_teryt = ?)`, f.teryt);
    if (f.partnership !== undefined) where.add('p.slug = ?', f.partnership);
  },
  byId: (featureId) => ({ sql: 'p.slug = ?', params: [parseSlug('featureId', featureId)] }),
  idDescription: "the partnership's slug",
};

const memberships: OgcCollection = {
  id: 'memberships',
  title: 'Członkostwa / Memberships',
  description:
    "One feature per membership of a JST in a partnership (past members included, see `current`), with the member's boundary as its geometry. Id: `<partnership slug>.<member TERYT code>`.",
  from: 'membership m join partnership p on p.id = m.partnership_id join jst j on j.teryt = m.jst_teryt',
  base: 'p.archived_at is null',
  idSql: `p.slug || '.' || m.jst_teryt`,
  order: 'p.slug, m.jst_teryt',
  geometry: 'j.boundary',
  properties: `json_build_object('partnership', p.slug, 'partnershipName', p.name, 'teryt', j.teryt, 'name', j.name, 'kind', j.kind, 'level', j.level,
    'voivodeship', j.voivodeship_teryt, 'role', m.role, 'joined', m.joined, 'left', m."left", 'current', membership_is_current(m."left"),
    'basis', m.basis, 'inferenceRule', m.inference_rule)`,
  filters: ['partnership', 'teryt', 'wojewodztwo', 'programme', 'status'],
  where(where, f) {
    if (f.partnership !== undefined) where.add('p.slug = ?', f.partnership);
    if (f.teryt !== undefined) where.add('m.jst_teryt = ?', f.teryt);
    if (f.wojewodztwo !== undefined) where.add('j.voivodeship_teryt = ?', f.wojewodztwo);
    const pa = participation('p.id', f);
    if (pa) where.add(pa.sql, ...pa.params);
  },
  byId(featureId) {
    const { slug, teryt } = parseMembershipId('featureId', featureId);
    return { sql: 'p.slug = ? and m.jst_teryt = ?', params: [slug, teryt] };
  },
  idDescription: '`<partnership slug>.<member TERYT code>`',
};

/** Every collection, in the order the API lists them. */
export const OGC_COLLECTIONS: readonly OgcCollection[] = [
  jstCollection('gminy', JstLevel.MUNICIPALITY, 'Gminy / Municipalities', 'The 2,477 gminy (municipalities) with their PRG boundaries; id: TERYT code (7 digits).'),
  jstCollection('powiaty', JstLevel.COUNTY, 'Powiaty / Counties', 'Powiaty and cities with powiat rights; id: TERYT code (4 digits).'),
  jstCollection('wojewodztwa', JstLevel.VOIVODESHIP, 'Województwa / Voivodeships', 'The 16 województwa; id: TERYT code (2 digits).'),
  partnerships,
  memberships,
];

export const ogcCollection = (id: string): OgcCollection | undefined => OGC_COLLECTIONS.find((c) => c.id === id);
