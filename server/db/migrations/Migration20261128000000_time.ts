import { Migration } from '@mikro-orm/migrations';

/**
 * Time in the model: partnerships start and end (and say how they ended), participations may have
 * their own period, memberships say whether a source names them (STATED) or they are derived from a
 * source's words by a written rule (INFERRED).
 *
 * Dates stay as precise as the sources are (YYYY, YYYY-MM, YYYY-MM-DD). The functions below are the
 * one place that says what such a date means on a given day, so every read (GraphQL, exports, OGC,
 * tiles) asks the same question the same way; server/time/as-of.ts spells the calls.
 * - A partial date counts from its first day: joined "2021" counts from 2021-01-01, left "2019"
 *   means gone on 2019-01-01 (as `membership_is_current` has always read it).
 * - A period's end given as a partial date lasts to its last day: a programme ending "2020" runs
 *   through 2020-12-31.
 * - A null start is "since always, as far as the atlas knows", a null end "still running".
 * All comparisons are in collation "C" (byte order), as the dates are digits and dashes.
 */
export class Migration20261128000000_time extends Migration {
  override name = 'Migration20261128000000_time';

  override up(): void {
    const date = `check (%s ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$')`;
    const statements = [
      `alter table "partnership" add column "started" text null ${date.replace('%s', '"started"')}`,
      `alter table "partnership" add column "ended" text null ${date.replace('%s', '"ended"')}`,
      `alter table "partnership" add column "end_reason" text null check ("end_reason" in ('DISSOLVED', 'MERGED', 'REPLACED', 'EXPIRED'))`,
      `alter table "partnership" add column "successor_id" int null references "partnership" ("id") on delete set null`,
      `alter table "partnership" add column "period_sources" jsonb not null default '[]'`,
      `alter table "partnership" add constraint "partnership_period_order" check ("ended" is null or "started" is null or "ended" >= "started")`,
      `alter table "partnership" add constraint "partnership_end_reason_needs_end" check ("end_reason" is null or "ended" is not null)`,

      `alter table "participation" add column "started" text null ${date.replace('%s', '"started"')}`,
      `alter table "participation" add column "ended" text null ${date.replace('%s', '"ended"')}`,
      `alter table "participation" add constraint "participation_period_order" check ("ended" is null or "started" is null or "ended" >= "started")`,

      `alter table "membership" add column "basis" text not null default 'STATED' check ("basis" in ('STATED', 'INFERRED'))`,
      `alter table "membership" add column "inference_rule" text null`,
      `alter table "membership" add constraint "membership_inference_rule" check (("basis" = 'INFERRED') = ("inference_rule" is not null))`,

      // '2020' → '2020-01-01', '2020-06' → '2020-06-01', a day stays itself.
      `create function "atlas_day_from"(d text) returns text language sql immutable parallel safe as $$
        select case length(d) when 4 then d || '-01-01' when 7 then d || '-01' else d end
      $$`,
      // '2020' → '2020-12-31', '2020-06' → '2020-06-31' (sorts after every day of June), a day stays itself.
      `create function "atlas_day_to"(d text) returns text language sql immutable parallel safe as $$
        select case length(d) when 4 then d || '-12-31' when 7 then d || '-31' else d end
      $$`,
      // Did something that began on `since` and ended on `until` (either null: unbounded) exist on `on_day` (YYYY-MM-DD)?
      // `until` is the first day it no longer existed (a member that left on 2022-01-01 is gone that day).
      `create function "atlas_active_on"(since text, until text, on_day text) returns boolean language sql immutable parallel safe as $$
        select (since is null or "atlas_day_from"(since) collate "C" <= on_day collate "C")
           and (until is null or "atlas_day_from"(until) collate "C" > on_day collate "C")
      $$`,
      // Did [since, until) overlap the period [period_from, period_to] (a programme's dates, ends inclusive)?
      `create function "atlas_overlaps"(since text, until text, period_from text, period_to text) returns boolean language sql immutable parallel safe as $$
        select (since is null or period_to is null or "atlas_day_from"(since) collate "C" <= "atlas_day_to"(period_to) collate "C")
           and (until is null or period_from is null or "atlas_day_from"(until) collate "C" > "atlas_day_from"(period_from) collate "C")
      $$`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    for (const [fn, args] of [['atlas_overlaps', 'text, text, text, text'], ['atlas_active_on', 'text, text, text'], ['atlas_day_to', 'text'], ['atlas_day_from', 'text']]) {
      this.addSql(`drop function if exists "${fn}"(${args})`);
    }
    this.addSql(`alter table "membership" drop constraint if exists "membership_inference_rule"`);
    for (const column of ['basis', 'inference_rule']) this.addSql(`alter table "membership" drop column if exists "${column}"`);
    for (const column of ['started', 'ended']) this.addSql(`alter table "participation" drop column if exists "${column}"`);
    for (const column of ['started', 'ended', 'end_reason', 'successor_id', 'period_sources']) this.addSql(`alter table "partnership" drop column if exists "${column}"`);
  }
}
