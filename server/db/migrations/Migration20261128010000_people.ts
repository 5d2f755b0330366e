import { Migration } from '@mikro-orm/migrations';

/**
 * Population per JST and codes that move.
 *
 * - `population_year`: one row per loaded GUS year (the "as of" date, the source's label and address,
 *   the file it came from and its national total); `jst_population`: people per JST and year.
 *   Any number of years may be loaded; a read takes the newest year by the day it describes
 *   (server/population/population-year.ts).
 * - A JST's code can change (a gmina becoming miejsko-wiejska changes its last digit): the atlas
 *   re-keys the JST to its current code (server/jst/teryt-history.ts), and the rows naming it follow
 *   through `on update cascade`, so memberships, leaders and population keep pointing at it.
 * Both population tables move the dataset version like every table the API reads.
 */
export class Migration20261128010000_people extends Migration {
  override name = 'Migration20261128010000_people';

  override up(): void {
    const statements = [
      `create table "population_year" (
        "year" int primary key check ("year" between 1900 and 2999),
        "as_of" text not null check ("as_of" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        "label" text not null,
        "url" text not null,
        "file" text not null,
        "total" bigint not null check ("total" >= 0),
        "loaded_at" timestamptz not null default clock_timestamp()
      )`,
      `create table "jst_population" (
        "teryt" varchar(7) not null references "jst" ("teryt") on update cascade on delete cascade,
        "year" int not null references "population_year" ("year") on delete cascade,
        "people" int not null check ("people" >= 0),
        primary key ("year", "teryt")
      )`,
      `create index "jst_population_teryt_index" on "jst_population" ("teryt")`,
      // The population year a read on \`on_day\` (YYYY-MM-DD) uses: the newest whose state date is not after
      // that day, else the oldest loaded (a day before any count); null day: the newest. Null when none is loaded.
      `create function "atlas_population_year"(on_day text) returns int language sql stable parallel safe as $$
        select coalesce(
          (select max("year") from "population_year" where on_day is null or "as_of" collate "C" <= on_day collate "C"),
          (select min("year") from "population_year"))
      $$`,
      `alter table "membership" drop constraint if exists "membership_jst_teryt_fkey"`,
      `alter table "membership" add constraint "membership_jst_teryt_fkey" foreign key ("jst_teryt") references "jst" ("teryt") on update cascade`,
      `alter table "partnership" drop constraint if exists "partnership_leader_teryt_fkey"`,
      `alter table "partnership" add constraint "partnership_leader_teryt_fkey" foreign key ("leader_teryt") references "jst" ("teryt") on update cascade`,
      ...['population_year', 'jst_population'].map(
        (table) => `create trigger "${table}_dataset_version" after insert or update or delete or truncate on "${table}"
          for each statement execute function "dataset_note_change"()`,
      ),
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`drop function if exists "atlas_population_year"(text)`);
    this.addSql(`drop table if exists "jst_population"`);
    this.addSql(`drop table if exists "population_year"`);
    for (const [table, column] of [['membership', 'jst_teryt'], ['partnership', 'leader_teryt']]) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_${column}_fkey"`);
      this.addSql(`alter table "${table}" add constraint "${table}_${column}_fkey" foreign key ("${column}") references "jst" ("teryt")`);
    }
  }
}
