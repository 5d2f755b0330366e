import { Where } from '../db/sql.js';
import type { OgcFilterName, OgcFilters } from '../input/ogc-query.js';
import { parseMembershipId } from '../input/ogc-query.js';
import { parseSlug } from '../input/slug.js';
import { parseCurrentTeryt } from '../input/teryt.js';
import { JstKind, JstLevel, jstKindLabelPl } from '../jst/jst-kind.js';
import { today } from '../time/as-of.js';
import { dayScope, memberInScopeSql, membershipCountsInScopeSql, partnershipInScopeSql, scopedAreaSql, type TimeScope } from '../time/scope.js';

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
  /** Conditions every feature of the collection meets, in the time scope asked (`datetime`; null: not given). */
  base: (scope: TimeScope | null) => string;
  /** SQL of the feature id (text). */
  idSql: string;
  /** Unique order of the features, so pages neither repeat nor skip one. */
  order: string;
  /** The geometry (EPSG:4326, lon,lat) in the time scope; null where the feature has none. */
  geometry: (scope: TimeScope | null) => string;
  /** SQL building the feature's `properties` object in the time scope. */
  properties: (scope: TimeScope | null) => string;
  filters: readonly OgcFilterName[];
  /** Adds the SQL conditions of the parsed filters, in the time scope. */
  where: (where: Where, filters: OgcFilters, scope: TimeScope | null) => void;
  /** SQL of the first and last day of the collection's features (`start`, `end`: partial dates; `end` null when one still runs), for `extent.temporal`. */
  temporal: string;
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

/** Memberships' first and last days: what `datetime` can tell apart on every collection. */
const MEMBERSHIP_SPAN = `select min(atlas_day_from(m.joined)) as start, case when bool_or(m."left" is null) then null else max(atlas_day_from(m."left")) end as "end" from membership m`;

/** gminy, powiaty, województwa: one feature per unit, id = TERYT code. `datetime` picks the memberships that count (the units are always there). */
function jstCollection(id: string, level: JstLevel, title: string, description: string): OgcCollection {
  return {
    id, title, description,
    from: 'jst j',
    base: () => `j.level = '${level}'`,
    idSql: 'j.teryt',
    order: 'j.teryt',
    geometry: () => 'j.boundary',
    properties: (scope) => `json_build_object('teryt', j.teryt, 'name', j.name, 'kind', j.kind, 'kindLabel', ${kindLabel}, 'parent', j.parent_teryt,
      'voivodeship', j.voivodeship_teryt, 'areaKm2', round(j.area_km2::numeric, 2),
      'partnerships', coalesce((select json_agg(p.slug order by p.slug) from membership m join partnership p on p.id = m.partnership_id
                                where m.jst_teryt = j.teryt and ${membershipCountsInScopeSql('m', scope ?? dayScope())}), '[]'::json))`,
    filters: ['teryt', 'wojewodztwo', 'partnership', 'programme', 'status'],
    where(where, f, scope) {
      const counts = membershipCountsInScopeSql('m', scope ?? dayScope());
      if (f.teryt !== undefined) where.add('j.teryt = ?', f.teryt);
      if (f.wojewodztwo !== undefined) where.add('j.voivodeship_teryt = ?', f.wojewodztwo);
      // As in JstService: memberships that count (today, or in the scope asked) of partnerships not archived.
      if (f.partnership !== undefined) {
        where.add(`exists (select 1 from membership m join partnership p on p.id = m.partnership_id where m.jst_teryt = j.teryt and ${counts} and p.slug = ?)`, f.partnership);
      }
      const pa = participation('m.partnership_id', f);
      if (pa) where.add(`exists (select 1 from membership m where m.jst_teryt = j.teryt and ${counts} and ${pa.sql})`, ...pa.params);
    },
    temporal: MEMBERSHIP_SPAN,
    byId: (featureId) => ({ sql: 'j.teryt = ?', params: [parseCurrentTeryt('featureId', featureId)] }),
    idDescription: 'the TERYT (TERC) code',
  };
}

/** The stored area (today's members) without `datetime`; with it, the union of the members in the scope. */
const areaIn = (scope: TimeScope | null, what: 'geom' | 'members' | 'km2') =>
  scope === null ? { geom: 'p.area', members: 'p.member_count', km2: 'p.area_km2' }[what] : scopedAreaSql('p', scope, what);

const partnerships: OgcCollection = {
  id: 'partnerships',
  title: 'Partnerstwa (obszary funkcjonalne) / Partnerships (functional areas)',
  description:
    "One feature per partnership running today (or, with `datetime`, on that day or at some time in that interval): its functional area, the union of its member gminy and powiaty then. `started` and `ended` are its life span (partial dates; `ended` is the first day it no longer existed). A partnership whose members are not known (or not yet loaded) has a null geometry.",
  from: 'partnership p',
  base: (scope) => partnershipInScopeSql('p', scope ?? dayScope()),
  idSql: 'p.slug',
  order: 'p.slug',
  geometry: (scope) => areaIn(scope, 'geom'),
  properties: (scope) => `json_build_object('slug', p.slug, 'name', p.name, 'shortName', p.short_name, 'legalForm', p.legal_form, 'areaType', p.area_type,
    'leader', p.leader_teryt, 'website', p.website, 'membersComplete', p.members_complete, 'memberCount', ${areaIn(scope, 'members')},
    'areaKm2', round(${areaIn(scope, 'km2')}::numeric, 2), 'started', p.started, 'ended', p.ended, 'endReason', p.end_reason,
    'programmes', coalesce((select json_agg(pr.code || ':' || pa.status order by pr.code, pa.status) from participation pa join programme pr on pr.id = pa.programme_id
                            where pa.partnership_id = p.id), '[]'::json))`,
  filters: ['programme', 'status', 'wojewodztwo', 'teryt', 'partnership'],
  where(where, f, scope) {
    const pa = participation('p.id', f);
    if (pa) where.add(pa.sql, ...pa.params);
    // As in PartnershipService: a member (today, or in the scope) in the województwo, or this member.
    const member = memberInScopeSql('m', scope ?? dayScope());
    if (f.wojewodztwo !== undefined) {
      where.add(`exists (select 1 from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = p.id and ${member} and j.voivodeship_teryt = ?)`, f.wojewodztwo);
    }
    if (f.teryt !== undefined) where.add(`exists (select 1 from membership m where m.partnership_id = p.id and ${member} and m.jst_teryt = ?)`, f.teryt);
    if (f.partnership !== undefined) where.add('p.slug = ?', f.partnership);
  },
  temporal: `select min(atlas_day_from(p.started)) as start, case when bool_or(p.ended is null) then null else max(atlas_day_from(p.ended)) end as "end" from partnership p where p.archived_at is null`,
  byId: (featureId) => ({ sql: 'p.slug = ?', params: [parseSlug('featureId', featureId)] }),
  idDescription: "the partnership's slug",
};

const memberships: OgcCollection = {
  id: 'memberships',
  title: 'Członkostwa / Memberships',
  description:
    "One feature per membership of a JST in a partnership (past members included, see `current`; with `datetime`, the memberships valid on that day or at some time in that interval), with the member's boundary as its geometry; `joined` and `left` are its validity (partial dates; `left` is the first day it no longer held). Id: `<partnership slug>.<member TERYT code>`.",
  from: 'membership m join partnership p on p.id = m.partnership_id join jst j on j.teryt = m.jst_teryt',
  base: (scope) => (scope === null ? 'p.archived_at is null' : membershipCountsInScopeSql('m', scope)),
  idSql: `p.slug || '.' || m.jst_teryt`,
  order: 'p.slug, m.jst_teryt',
  geometry: () => 'j.boundary',
  properties: () => `json_build_object('partnership', p.slug, 'partnershipName', p.name, 'teryt', j.teryt, 'name', j.name, 'kind', j.kind, 'level', j.level,
    'voivodeship', j.voivodeship_teryt, 'role', m.role, 'joined', m.joined, 'left', m."left", 'current', ${membershipCountsInScopeSql('m', { day: today() })},
    'basis', m.basis, 'inferenceRule', m.inference_rule)`,
  filters: ['partnership', 'teryt', 'wojewodztwo', 'programme', 'status'],
  where(where, f) {
    if (f.partnership !== undefined) where.add('p.slug = ?', f.partnership);
    if (f.teryt !== undefined) where.add('m.jst_teryt = ?', f.teryt);
    if (f.wojewodztwo !== undefined) where.add('j.voivodeship_teryt = ?', f.wojewodztwo);
    const pa = participation('p.id', f);
    if (pa) where.add(pa.sql, ...pa.params);
  },
  temporal: MEMBERSHIP_SPAN,
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
