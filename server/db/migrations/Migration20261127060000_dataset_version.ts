import { Migration } from '@mikro-orm/migrations';

/**
 * Tables whose content the API reads. Tokens (`api_token`) and the import's work queue (`area_refresh`)
 * are not among them; the audit trail is, because `changes` and `history` are public reads (only
 * INSERT reaches it: the trail refuses every other change).
 */
export const VERSIONED_TABLES = [
  'jst', 'programme', 'programme_phase', 'reported_figure', 'partnership', 'membership', 'partner', 'participation', 'unmatched_member', 'audit_entry',
] as const;

/**
 * The dataset version: one row naming the state of the data, moved by every committed write to a table
 * the API reads, so caches and ETags can be keyed by it.
 *
 * How the bump stays inside the writing transaction without serialising writers early: a
 * statement-level trigger on each table only notes, once per transaction, that the transaction wrote
 * (a row in `dataset_change` keyed by its transaction id; the note costs an index probe per statement).
 * A deferred constraint trigger on that note runs at COMMIT, after all of the transaction's own
 * statements, and only then updates the one `dataset_state` row. Taking that row's lock at the
 * first write instead would hold it through the whole transaction and could deadlock two writers
 * that lock partnerships in different orders; at commit time a transaction takes no other lock,
 * so writers only queue for the moment of their commit. A rolled-back transaction rolls back its
 * note and never reaches the deferred trigger, so its version does not move.
 *
 * `epoch` is random per database, so a version names one database's state: a restored or recreated
 * database starting again at version 1 cannot answer a stale ETag or cache key with 304 or a hit.
 */
export class Migration20261127060000_dataset_version extends Migration {
  override name = 'Migration20261127060000_dataset_version';

  override up(): void {
    const statements = [
      `create table "dataset_state" (
        "id" boolean primary key default true check ("id"),
        "epoch" text not null default md5(random()::text || clock_timestamp()::text),
        "version" bigint not null default 1,
        "changed_at" timestamptz not null default clock_timestamp()
      )`,
      `insert into "dataset_state" default values`,
      `create table "dataset_change" ("txid" bigint primary key)`,
      `create function "dataset_note_change"() returns trigger language plpgsql as $$
        begin
          insert into "dataset_change" ("txid") values (txid_current()) on conflict ("txid") do nothing;
          return null;
        end
      $$`,
      `create function "dataset_bump_version"() returns trigger language plpgsql as $$
        begin
          update "dataset_state" set "version" = "version" + 1, "changed_at" = clock_timestamp();
          delete from "dataset_change" where "txid" = new."txid";
          return null;
        end
      $$`,
      `create constraint trigger "dataset_change_commit" after insert on "dataset_change"
        deferrable initially deferred for each row execute function "dataset_bump_version"()`,
      ...VERSIONED_TABLES.map(
        (table) => `create trigger "${table}_dataset_version" after insert or update or delete or truncate on "${table}"
          for each statement execute function "dataset_note_change"()`,
      ),
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    for (const table of VERSIONED_TABLES) this.addSql(`drop trigger if exists "${table}_dataset_version" on "${table}"`);
    this.addSql(`drop table if exists "dataset_change"`);
    this.addSql(`drop table if exists "dataset_state"`);
    this.addSql(`drop function if exists "dataset_bump_version"()`);
    this.addSql(`drop function if exists "dataset_note_change"()`);
  }
}
