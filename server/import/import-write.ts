import type { Em } from '../db/orm.js';
import { intArray, query, queryBound } from '../db/sql.js';
import { ConflictError } from '../shared/errors.js';
import type { SourceData } from '../shared/source.js';

/** A membership as the import reads it: plain columns, no entity (20,000 entities would cost more than the SQL). */
export interface MemberRecord {
  id: number;
  partnershipId: number;
  teryt: string;
  role: string;
  joined: string | null;
  left: string | null;
  /** STATED or INFERRED, with the rule of an INFERRED one. */
  basis: string;
  inferenceRule: string | null;
  sources: SourceData[];
  version: number;
}

/** What a membership row becomes; `id` is set for a change, absent for an insert. */
export type MemberWrite = Omit<MemberRecord, 'id'> & { id?: number };

/** One audit entry, written in the same transaction as the change it records. */
export interface AuditWrite {
  action: string;
  entity: 'membership' | 'partnership';
  entityKey: string;
  partnershipId: number;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Everything a real import writes to memberships and the audit trail, applied set-based by `writeMembers`. */
export interface MemberWrites {
  inserts: MemberWrite[];
  updates: MemberWrite[];
  removals: number[];
  audit: AuditWrite[];
}

/** The members of the given partnerships, read in one statement (after the partnerships are locked). */
export async function readMembers(tx: Em, partnershipIds: number[]): Promise<MemberRecord[]> {
  if (!partnershipIds.length) return [];
  return query<MemberRecord>(
    tx,
    `select id, partnership_id as "partnershipId", jst_teryt as teryt, role, joined, "left", basis, inference_rule as "inferenceRule", sources, version
       from membership where partnership_id in (select unnest(?::int[])) order by id`,
    [intArray(partnershipIds)],
  );
}

/**
 * Locks the partnerships an import changes (`SELECT … FOR UPDATE`), in slug order so two imports
 * naming the same partnerships queue up instead of deadlocking; returns their current versions.
 */
export async function lockPartnerships(tx: Em, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await query<{ id: number; version: number }>(tx, `select id, version from partnership where id in (select unnest(?::int[])) order by slug for update`, [
    intArray(ids),
  ]);
  return new Map(rows.map((r) => [r.id, r.version]));
}

/**
 * Applies the membership changes and their audit entries with one statement each, whatever the
 * row count: rows travel as one JSON parameter, bound (not quoted into the SQL text), that
 * `jsonb_array_elements` turns into a table.
 * The functional-area trigger is per statement, so each partnership's area is recomputed once.
 */
export async function writeMembers(tx: Em, actor: string, writes: MemberWrites): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  if (writes.removals.length) await queryBound(tx, `delete from membership where id in (select unnest($1::int[]))`, [intArray(writes.removals)]);
  if (writes.updates.length) {
    await queryBound(
      tx,
      `update membership m set role = v->>'role', joined = v->>'joined', "left" = v->>'left', basis = v->>'basis', inference_rule = v->>'inferenceRule',
         sources = v->'sources', version = (v->>'version')::int
         from jsonb_array_elements($1::jsonb) as e(v) where m.id = (v->>'id')::int`,
      [json(writes.updates)],
    );
  }
  if (writes.inserts.length) {
    await queryBound(
      tx,
      `insert into membership (partnership_id, jst_teryt, role, joined, "left", basis, inference_rule, sources, version)
         select (v->>'partnershipId')::int, v->>'teryt', v->>'role', v->>'joined', v->>'left', v->>'basis', v->>'inferenceRule', v->'sources', (v->>'version')::int
         from jsonb_array_elements($1::jsonb) with ordinality as e(v, n) order by n`,
      [json(writes.inserts)],
    );
  }
  if (writes.audit.length) {
    await queryBound(
      tx,
      `insert into audit_entry (actor, action, entity, entity_key, partnership_id, before, after)
         select $1::text, v->>'action', v->>'entity', v->>'entityKey', (v->>'partnershipId')::int, nullif(v->'before', 'null'), nullif(v->'after', 'null')
         from jsonb_array_elements($2::jsonb) with ordinality as e(v, n) order by n`,
      [actor, json(writes.audit)],
    );
  }
}

/** A partnership an import creates: the columns it sets (the rest keep their defaults; the area follows its members). */
export interface PartnershipDraft {
  slug: string;
  name: string;
  searchName: string;
  legalForm: string;
  areaType: string;
  /** 2-digit TERC codes, sorted. */
  voivodeships: string[];
  membersComplete: boolean;
  completenessNote: string;
  sources: SourceData[];
  version: number;
}

/**
 * Inserts the new partnerships in one statement; returns their ids by slug. A slug another
 * import created meanwhile (this file saw it as new) is a CONFLICT, not a duplicate-key error.
 */
export async function insertPartnerships(tx: Em, drafts: PartnershipDraft[]): Promise<Map<string, number>> {
  if (!drafts.length) return new Map();
  const rows = await queryBound<{ id: number; slug: string }>(
    tx,
    `insert into partnership (slug, name, search_name, legal_form, area_type, voivodeships, members_complete, completeness_note, sources, version)
       select v->>'slug', v->>'name', v->>'searchName', v->>'legalForm', v->>'areaType', array(select jsonb_array_elements_text(v->'voivodeships')), (v->>'membersComplete')::boolean, v->>'completenessNote', v->'sources', (v->>'version')::int
       from jsonb_array_elements($1::jsonb) with ordinality as e(v, n) order by n
     on conflict (slug) do nothing
     returning id, slug`,
    [JSON.stringify(drafts)],
  );
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  const taken = drafts.find((d) => !ids.has(d.slug));
  if (taken) throw new ConflictError('partnership', taken.slug, 1, 0);
  return ids;
}
