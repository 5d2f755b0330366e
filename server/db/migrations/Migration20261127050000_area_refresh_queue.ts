import { Migration } from '@mikro-orm/migrations';
import { MEMBERSHIP_ROWS_CHANGED } from './Migration20261127030000_area_per_statement.js';

/**
 * Lets a large import leave the functional areas to be recomputed after it commits. Within a
 * transaction that sets `atlas.defer_area` to `on` (transaction-local, so it ends with the
 * transaction), the membership triggers record the partnership ids in `area_refresh` instead of
 * recomputing the union of boundaries; the import then recomputes them in small transactions of
 * their own, and start-up recomputes whatever a crash left queued. Every other write path leaves
 * the setting unset and keeps recomputing at once.
 */
export class Migration20261127050000_area_refresh_queue extends Migration {
  override name = 'Migration20261127050000_area_refresh_queue';

  override up(): void {
    const statements = [
      `create table "area_refresh" (
        "partnership_id" int primary key references "partnership" ("id") on delete cascade,
        "queued_at" timestamptz not null default clock_timestamp()
      )`,
      `create or replace function "membership_rows_changed"() returns trigger language plpgsql as $$
        declare
          deferred boolean := coalesce(current_setting('atlas.defer_area', true), '') = 'on';
          ids int[];
        begin
          if tg_op = 'INSERT' then
            select array_agg(distinct "partnership_id") into ids from "new_rows";
          elsif tg_op = 'DELETE' then
            select array_agg(distinct "partnership_id") into ids from "old_rows";
          else
            select array_agg(pid) into ids from (select "partnership_id" as pid from "old_rows" union select "partnership_id" from "new_rows") t;
          end if;
          if deferred then
            insert into "area_refresh" ("partnership_id") select unnest(ids)
              on conflict ("partnership_id") do update set "queued_at" = excluded."queued_at";
          else
            perform "refresh_partnership_area"(pid) from unnest(ids) pid;
          end if;
          return null;
        end
      $$`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    this.addSql(MEMBERSHIP_ROWS_CHANGED);
    this.addSql(`drop table if exists "area_refresh"`);
  }
}
