import type { JsonRelation, JsonShape } from '../db/json-select.js';
import { JST_JSON } from '../jst/jst-json.js';
import { PROGRAMME_JSON } from '../programme/programme-json.js';

/**
 * Partnerships and their relations as json objects of exactly the selected fields, read in one
 * statement (server/db/json-select.ts). The objects are shaped like the plain rows of
 * partnership-read.ts (field names of the schema), so the same resolvers answer both; a relation
 * read here travels under its `relationKey` and is answered as it is (server/graphql/preloaded.ts).
 */

/**
 * SQL condition over membership alias `m`, as `isCurrent` judges it: the same UTC day, compared as
 * JavaScript compares strings (collation "C"). The date is spelled by us, never by the client.
 */
const currentMembership = (m: string) => `(${m}."left" is null or ${m}."left" collate "C" > '${new Date().toISOString().slice(0, 10)}')`;

/** A relation to the partnership a row belongs to (`<child>.id = <parent>.partnership_id`). */
const ofPartnership: JsonRelation = {
  shape: () => PARTNERSHIP_JSON,
  many: false,
  from: (parent, child) => `partnership ${child} where ${child}.id = ${parent}.partnership_id`,
};

/** Rows of `table` that belong to the partnership (`<child>.partnership_id = <parent>.id`), ordered by id. */
const belongingTo = (table: string, shape: () => JsonShape): JsonRelation => ({
  shape,
  many: true,
  from: (parent, child) => `${table} ${child} where ${child}.partnership_id = ${parent}.id`,
  orderBy: (child) => `${child}.id`,
});

export const MEMBERSHIP_JSON: JsonShape = {
  alias: 'm',
  fields: { id: 'id', role: 'role', joined: 'joined', left: 'left', sourceName: 'source_name', sources: 'sources', version: 'version' },
  always: [],
  derived: { current: ['left'] },
  relations: {
    jst: { shape: () => JST_JSON, many: false, from: (m, j) => `jst ${j} where ${j}.teryt = ${m}.jst_teryt` },
    partnership: ofPartnership,
  },
};

export const PARTICIPATION_JSON: JsonShape = {
  alias: 'pa',
  fields: {
    id: 'id', status: 'status', phase: 'phase', competition: 'competition', grantAmount: 'grant_amount', grantCurrency: 'grant_currency',
    document: 'document', probable: 'probable', sources: 'sources', version: 'version',
  },
  always: [],
  relations: {
    programme: { shape: () => PROGRAMME_JSON, many: false, from: (pa, pr) => `programme ${pr} where ${pr}.id = ${pa}.programme_id` },
    partnership: ofPartnership,
  },
};

const PARTNER_JSON: JsonShape = { alias: 'pt', fields: { name: 'name', kind: 'kind', sources: 'sources' }, always: [] };

const UNMATCHED_JSON: JsonShape = { alias: 'um', fields: { sourceName: 'source_name', reason: 'reason', sources: 'sources' }, always: [] };

/** `id` and `slug` always: the resolvers of fields read elsewhere start from the id, cursors from the slug. */
export const PARTNERSHIP_JSON: JsonShape = {
  alias: 'p',
  fields: {
    id: 'id', slug: 'slug', name: 'name', shortName: 'short_name', legalForm: 'legal_form', areaType: 'area_type', voivodeships: 'voivodeships',
    website: 'website', description: 'description', membersComplete: 'members_complete', completenessNote: 'completeness_note',
    statedMemberCount: 'stated_member_count', sources: 'sources', version: 'version',
    // The text the DateTimeISO scalar writes for a Date (milliseconds, UTC), whatever the session's time zone.
    archivedAt: (p) => `to_char(${p}.archived_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
  always: ['id', 'slug'],
  relations: {
    leader: { shape: () => JST_JSON, many: false, from: (p, j) => `jst ${j} where ${j}.teryt = ${p}.leader_teryt` },
    members: {
      shape: () => MEMBERSHIP_JSON,
      many: true,
      from: (p, m, args) => `membership ${m} where ${m}.partnership_id = ${p}.id${args.includeFormer === true ? '' : ` and ${currentMembership(m)}`}`,
      orderBy: (m) => `${m}.role, ${m}.jst_teryt`,
    },
    participations: belongingTo('participation', () => PARTICIPATION_JSON),
    partners: belongingTo('partner', () => PARTNER_JSON),
    unmatchedMembers: belongingTo('unmatched_member', () => UNMATCHED_JSON),
  },
};
