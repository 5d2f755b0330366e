import type { JsonRelation, JsonShape } from '../db/json-select.js';
import { JST_JSON } from '../jst/jst-json.js';
import { PROGRAMME_JSON } from '../programme/programme-json.js';
import { dayLiteral, dayOf, membershipActiveSql, today, type Day } from '../time/as-of.js';

/**
 * Partnerships and their relations as json objects of exactly the selected fields, read in one
 * statement (server/db/json-select.ts). The objects are shaped like the plain rows of
 * partnership-read.ts (field names of the schema), so the same resolvers answer both; a relation
 * read here travels under its `relationKey` and is answered as it is (server/graphql/preloaded.ts).
 */

/** A relation to the partnership a row belongs to (`<child>.id = <parent>.partnership_id`). */
const ofPartnership = (partnership: () => JsonShape): JsonRelation => ({
  shape: partnership,
  many: false,
  from: (parent, child) => `partnership ${child} where ${child}.id = ${parent}.partnership_id`,
});

/** Rows of `table` that belong to the partnership (`<child>.partnership_id = <parent>.id`), ordered by id. */
const belongingTo = (table: string, shape: () => JsonShape): JsonRelation => ({
  shape,
  many: true,
  from: (parent, child) => `${table} ${child} where ${child}.partnership_id = ${parent}.id`,
  orderBy: (child) => `${child}.id`,
});

const PARTNER_JSON: JsonShape = { alias: 'pt', fields: { name: 'name', kind: 'kind', sources: 'sources' }, always: [] };

const UNMATCHED_JSON: JsonShape = { alias: 'um', fields: { sourceName: 'source_name', reason: 'reason', sources: 'sources' }, always: [] };

/** The partnerships, memberships and participations of one read, all describing the same day. */
interface Shapes {
  partnership: JsonShape;
  membership: JsonShape;
  participation: JsonShape;
}

/**
 * The shapes of a read "as of" `asOf` (null: today, unmarked). Every object of an `asOf` read carries
 * `asOf` (the nested-reads contract of server/time/as-of.ts): the resolvers of fields not read here
 * (functionalArea, current, …) take their day from it. The day is spelled by us (dayLiteral), never by the client.
 */
function buildShapes(asOf: Day | null): Shapes {
  const day = dayOf(asOf);
  const marker = () => (asOf === null ? 'null' : dayLiteral(asOf));
  const shapes = {} as Shapes;
  shapes.membership = {
    alias: 'm',
    fields: { id: 'id', role: 'role', joined: 'joined', left: 'left', sourceName: 'source_name', sources: 'sources', version: 'version', basis: 'basis', inferenceRule: 'inference_rule', asOf: marker },
    always: [],
    derived: { current: ['joined', 'left', 'asOf'] },
    relations: {
      jst: { shape: () => JST_JSON, many: false, from: (m, j) => `jst ${j} where ${j}.teryt = ${m}.jst_teryt` },
      partnership: ofPartnership(() => shapes.partnership),
    },
  };
  shapes.participation = {
    alias: 'pa',
    fields: {
      id: 'id', status: 'status', phase: 'phase', competition: 'competition', grantAmount: 'grant_amount', grantCurrency: 'grant_currency',
      document: 'document', probable: 'probable', started: 'started', ended: 'ended', sources: 'sources', version: 'version',
    },
    always: [],
    relations: {
      programme: { shape: () => PROGRAMME_JSON, many: false, from: (pa, pr) => `programme ${pr} where ${pr}.id = ${pa}.programme_id` },
      partnership: ofPartnership(() => shapes.partnership),
    },
  };
  // `id` and `slug` always: the resolvers of fields read elsewhere start from the id, cursors from the slug.
  shapes.partnership = {
    alias: 'p',
    fields: {
      id: 'id', slug: 'slug', name: 'name', shortName: 'short_name', legalForm: 'legal_form', areaType: 'area_type', voivodeships: 'voivodeships',
      website: 'website', description: 'description', membersComplete: 'members_complete', completenessNote: 'completeness_note',
      statedMemberCount: 'stated_member_count', sources: 'sources', version: 'version',
      started: 'started', ended: 'ended', endReason: 'end_reason', periodSources: 'period_sources', asOf: marker,
      // The text the DateTimeISO scalar writes for a Date (milliseconds, UTC), whatever the session's time zone.
      archivedAt: (p) => `to_char(${p}.archived_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    },
    always: asOf === null ? ['id', 'slug'] : ['id', 'slug', 'asOf'],
    // functionalArea's resolver asks whether the partnership runs on the day (an ended one has no area today).
    derived: { functionalArea: ['started', 'ended'] },
    relations: {
      leader: { shape: () => JST_JSON, many: false, from: (p, j) => `jst ${j} where ${j}.teryt = ${p}.leader_teryt` },
      successor: { shape: () => shapes.partnership, many: false, from: (p, s) => `partnership ${s} where ${s}.id = ${p}.successor_id` },
      members: {
        shape: () => shapes.membership,
        many: true,
        // A partnership not running that day has no members then, whatever the memberships' own dates.
        from: (p, m, args) =>
          `membership ${m} where ${m}.partnership_id = ${p}.id${args.includeFormer === true ? '' : ` and ${membershipActiveSql(m, day)} and atlas_active_on(${p}.started, ${p}.ended, ${dayLiteral(day)})`}`,
        orderBy: (m) => `${m}.role, ${m}.jst_teryt`,
      },
      participations: belongingTo('participation', () => shapes.participation),
      partners: belongingTo('partner', () => PARTNER_JSON),
      unmatchedMembers: belongingTo('unmatched_member', () => UNMATCHED_JSON),
    },
  };
  return shapes;
}

/** Shapes by day: a handful of days are asked for at a time; the map is emptied before it grows large. */
const byDay = new Map<string, Shapes>();

/** The partnership shape of a read as of `asOf` (null: today; the day is taken when the statement is built). */
export function partnershipJson(asOf: Day | null): JsonShape {
  const key = asOf ?? `today:${today()}`;
  let shapes = byDay.get(key);
  if (!shapes) {
    if (byDay.size >= 64) byDay.clear();
    shapes = buildShapes(asOf);
    byDay.set(key, shapes);
  }
  return shapes.partnership;
}
