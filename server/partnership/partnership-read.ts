import type { Em } from '../db/orm.js';
import { intArray, query } from '../db/sql.js';
import { JST_COLUMNS, jstFromRow, type JstRow } from '../jst/jst.service.js';
import { countsForParticipationSql } from '../programme/programme-period.js';
import type { Programme } from '../programme/programme.entity.js';
import type { Membership } from './membership.entity.js';
import type { Participation } from './participation.entity.js';
import type { Partnership } from './partnership.entity.js';

/**
 * Plain-object reads of partnerships and their hot relations, shaped like the entities, for reads
 * only. A page of 50 partnerships walks some 500 memberships: hydrating entities (and one statement
 * per relation level) cost several times the SQL, so each relation comes with the row it points to
 * (a membership with its JST, a participation with its programme) in one statement, and the field
 * resolvers answer from these objects without a further load.
 */

/** json columns: the server driver parses them, the embedded one may hand over the text. */
export const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The partnership columns of a table aliased `p`, with the leader JST as one json column
 * (`leader_jst`; null without a leader), so a list needs no statement for its leaders.
 */
export const PARTNERSHIP_COLUMNS = `p.id, p.slug, p.name, p.search_name, p.short_name, p.legal_form, p.area_type, p.voivodeships, p.leader_teryt, p.website,
  p.description, p.members_complete, p.completeness_note, p.stated_member_count, p.sources, p.version, p.archived_at,
  p.started, p.ended, p.end_reason, p.successor_id, p.period_sources,
  (select row_to_json(l) from (select ${JST_COLUMNS} from jst j where j.teryt = p.leader_teryt) l) as leader_jst`;

/** A row of `PARTNERSHIP_COLUMNS` as a plain partnership; `leader` is the whole JST. */
export function partnershipFromRow(r: Record<string, unknown>): Partnership {
  const leader = json<JstRow | null>(r.leader_jst);
  const archivedAt = r.archived_at as Date | string | null;
  return {
    id: r.id, slug: r.slug, name: r.name, searchName: r.search_name, shortName: r.short_name, legalForm: r.legal_form, areaType: r.area_type,
    voivodeships: r.voivodeships, leader: leader === null ? null : jstFromRow(leader), website: r.website, description: r.description,
    membersComplete: r.members_complete, completenessNote: r.completeness_note, statedMemberCount: r.stated_member_count,
    sources: json(r.sources), version: r.version, archivedAt: archivedAt === null ? null : new Date(archivedAt),
    started: r.started, ended: r.ended, endReason: r.end_reason, successor: r.successor_id == null ? null : { id: r.successor_id },
    periodSources: json(r.period_sources),
  } as unknown as Partnership;
}

/** A related row as a resolver finds it: the whole object when it came with its parent, a `{ key }` reference otherwise. */
export function loadedOrNull<T extends object>(related: T | null | undefined, field: keyof T): T | null {
  // An entity reference the ORM has not loaded has its fields undefined; a plain row always has them.
  return related != null && related[field] !== undefined ? related : null;
}

/** The membership columns `membershipFromRow` reads (alias `m`), beside `JST_COLUMNS` of its JST (alias `j`). */
const MEMBERSHIP_COLUMNS = `m.id, m.partnership_id, m.jst_teryt, m.role, m.joined, m."left", m.source_name, m.sources, m.version, m.basis, m.inference_rule, ${JST_COLUMNS}`;

type MembershipRow = JstRow & { id: number; partnership_id: number; jst_teryt: string; role: string; joined: string | null; left: string | null; source_name: string | null; sources: unknown; version: number; basis: string; inference_rule: string | null };

/** A row of `MEMBERSHIP_COLUMNS` as a plain membership with its whole JST; `partnership` is an `{ id }` reference. */
const membershipFromRow = (r: MembershipRow): Membership =>
  ({
    id: r.id, partnership: { id: r.partnership_id }, jst: jstFromRow(r), role: r.role, joined: r.joined, left: r.left,
    sourceName: r.source_name, sources: json(r.sources), version: r.version, basis: r.basis, inferenceRule: r.inference_rule,
  }) as unknown as Membership;

/**
 * Memberships of many partnerships, each with its whole JST (`jst`), ordered by role and TERYT code;
 * `partnership` is an `{ id }` reference.
 */
export async function readMemberships(em: Em, ids: readonly number[]): Promise<Membership[]> {
  const rows = await query<MembershipRow>(
    em,
    `select ${MEMBERSHIP_COLUMNS} from membership m join jst j on j.teryt = m.jst_teryt where m.partnership_id = any(?::int[]) order by m.role, m.jst_teryt`,
    [intArray(ids)],
  );
  return rows.map(membershipFromRow);
}

/**
 * The memberships that count for each participation (by id): those of its partnership whose period
 * overlaps the participation's counting period (server/programme/programme-period.ts), by role and TERYT code.
 */
export async function readParticipationMembers(em: Em, ids: readonly number[]): Promise<{ participationId: number; membership: Membership }[]> {
  const rows = await query<MembershipRow & { participation_id: number }>(
    em,
    `select pa.id as participation_id, ${MEMBERSHIP_COLUMNS}
     from participation pa join programme pr on pr.id = pa.programme_id
       join membership m on m.partnership_id = pa.partnership_id and ${countsForParticipationSql('m', 'pa', 'pr')} join jst j on j.teryt = m.jst_teryt
     where pa.id = any(?::int[]) order by pa.id, m.role, m.jst_teryt`,
    [intArray(ids)],
  );
  return rows.map((r) => ({ participationId: r.participation_id, membership: membershipFromRow(r) }));
}

/** Participations of many partnerships by id, each with its whole programme (`programme`); `partnership` is an `{ id }` reference. */
export async function readParticipations(em: Em, ids: readonly number[]): Promise<Participation[]> {
  const rows = await query<Record<string, unknown>>(
    em,
    `select pa.id, pa.partnership_id, pa.status, pa.phase, pa.competition, pa.grant_amount, pa.grant_currency, pa.document, pa.probable,
       pa.started, pa.ended, pa.sources, pa.version, pr.id as pr_id, pr.code as pr_code, pr.name as pr_name, pr.name_en as pr_name_en, pr.funder as pr_funder,
       pr.operator as pr_operator, pr.implementers as pr_implementers, pr.start_date as pr_start_date, pr.end_date as pr_end_date,
       pr.description as pr_description, pr.sources as pr_sources, pr.version as pr_version
     from participation pa join programme pr on pr.id = pa.programme_id where pa.partnership_id = any(?::int[]) order by pa.id`,
    [intArray(ids)],
  );
  return rows.map(
    (r) =>
      ({
        id: r.id, partnership: { id: r.partnership_id }, programme: programmeFromRow(r), status: r.status, phase: r.phase, competition: r.competition,
        grantAmount: r.grant_amount, grantCurrency: r.grant_currency, document: r.document, probable: r.probable, started: r.started, ended: r.ended,
        sources: json(r.sources), version: r.version,
      }) as unknown as Participation,
  );
}

/** The `pr_`-prefixed programme columns of `readParticipations` as a plain programme. */
function programmeFromRow(r: Record<string, unknown>): Programme {
  return {
    id: r.pr_id, code: r.pr_code, name: r.pr_name, nameEn: r.pr_name_en, funder: r.pr_funder, operator: r.pr_operator,
    implementers: json(r.pr_implementers), startDate: r.pr_start_date, endDate: r.pr_end_date, description: r.pr_description,
    sources: json(r.pr_sources), version: r.pr_version,
  } as unknown as Programme;
}
