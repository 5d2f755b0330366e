import { Migration } from '@mikro-orm/migrations';

/**
 * Tables whose rows a pinned version rebuilds (docs/versions.md). `jst` (the boundaries) is not
 * among them: it is large, changes only with a new PRG import, and a pinned read uses today's
 * boundaries. `audit_entry` needs no history of its own: its rows never change, so the rows of a
 * version are those written by transactions up to it (its `txid` column below).
 */
export const HISTORY_TABLES = ['programme', 'programme_phase', 'reported_figure', 'partnership', 'membership', 'partner', 'participation', 'unmatched_member'] as const;

/**
 * Columns left out of history because a pinned state recomputes them from the members
 * (`refresh_partnership_area`): the area geometry is the bulk of a partnership row, and an area
 * recomputation alone then writes no history at all.
 */
const DERIVED = `'area', 'area_km2', 'member_count'`;

/**
 * Citable dataset versions: a log of every committed version and the history to rebuild any of them.
 *
 * - `dataset_history` keeps every version of every row of HISTORY_TABLES as `jsonb` (so later column
 *   changes of the live tables never break it), with the transactions that wrote it (`from_txid`)
 *   and replaced or removed it (`to_txid`), filled by statement triggers with transition tables (one
 *   statement of an import of 20,000 rows is one insert here, not 20,000 trigger calls).
 * - `dataset_version_log` maps each committed version to its transaction, time, actor and a summary,
 *   written by the commit-time trigger that moves the version (`dataset_bump_version`, replaced
 *   here). History rows keep transaction ids rather than version numbers: the mapping is one row
 *   per version, so a commit writes one log row instead of updating every history row it made, and
 *   a rolled-back transaction leaves nothing behind (its history rows roll back with it).
 * - A row version belongs to version N when its `from_txid` committed as version ≤ N and its
 *   `to_txid` is null, not yet committed, or committed as a version > N.
 * - `atlas_materialise_version(n)` builds version N once into schema `atlas_v<n>`; a pinned read sets
 *   `search_path` to that schema first (server/dataset/version-pin.ts).
 * - The state at this migration is captured as the first logged version; earlier ones cannot be rebuilt.
 */
export class Migration20261128090000_versions extends Migration {
  override name = 'Migration20261128090000_versions';

  override up(): void {
    const statements = [
      `create table "dataset_history" (
        "id" bigserial primary key,
        "tbl" text not null,
        "row_id" bigint not null,
        "row" jsonb not null,
        "from_txid" bigint not null,
        "to_txid" bigint null
      )`,
      `create index "dataset_history_open" on "dataset_history" ("tbl", "row_id") where "to_txid" is null`,
      `create index "dataset_history_from" on "dataset_history" ("from_txid")`,
      `create index "dataset_history_to" on "dataset_history" ("to_txid")`,
      `create table "dataset_version_log" (
        "version" bigint primary key,
        "txid" bigint not null unique,
        "committed_at" timestamptz not null,
        "actor" text not null,
        "summary" text not null
      )`,
      // Which versions are materialised (atlas_v<n>), oldest first: the server drops the oldest beyond its cap.
      `create table "dataset_pinned" ("version" bigint primary key, "materialised_at" timestamptz not null default clock_timestamp())`,
      // New entries note their transaction; entries older than this migration keep null (all ≤ its version).
      `alter table "audit_entry" add column "txid" bigint null`,
      `alter table "audit_entry" alter column "txid" set default txid_current()`,
      `create index "audit_entry_txid" on "audit_entry" ("txid")`,
      ...historyTriggers(),
      summaryFunction(),
      bumpFunction(),
      ...materialiseFunctions(),
      // The state now is the first version that can be rebuilt.
      ...HISTORY_TABLES.map(
        (t) => `insert into "dataset_history" ("tbl", "row_id", "row", "from_txid") select '${t}', r."id", to_jsonb(r) - array[${DERIVED}], txid_current() from "${t}" r`,
      ),
      // Unless this transaction already wrote data (then its commit logs the version it makes).
      `insert into "dataset_version_log" ("version", "txid", "committed_at", "actor", "summary")
        select s."version", txid_current(), s."changed_at", 'migration', 'versions begin: the state of the data at this version can be rebuilt from here on'
        from "dataset_state" s where not exists (select 1 from "dataset_change" c where c."txid" = txid_current())`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    for (const t of HISTORY_TABLES) for (const op of ['insert', 'update', 'delete', 'truncate']) this.addSql(`drop trigger if exists "${t}_history_${op}" on "${t}"`);
    this.addSql(`create or replace function "dataset_bump_version"() returns trigger language plpgsql as $$
        begin
          update "dataset_state" set "version" = "version" + 1, "changed_at" = clock_timestamp();
          delete from "dataset_change" where "txid" = new."txid";
          return null;
        end
      $$`);
    for (const [fn, args] of [['atlas_materialise_version', 'bigint'], ['atlas_version_columns', 'text'], ['dataset_summary', 'bigint'], ['dataset_history_rows', '']]) {
      this.addSql(`drop function if exists "${fn}"(${args})`);
    }
    this.addSql(`alter table "audit_entry" drop column if exists "txid"`);
    this.addSql(`drop table if exists "dataset_version_log"`);
    this.addSql(`drop table if exists "dataset_pinned"`);
    this.addSql(`drop table if exists "dataset_history"`);
  }
}

/**
 * One function for all tables and events: inserted rows open a row version, deleted ones close the
 * open one, updated ones do both (only when something other than the derived columns changed; ids
 * never change). TRUNCATE closes every open row version of the table. Transition tables need one
 * trigger per event.
 */
function historyTriggers(): string[] {
  const fn = `create function "dataset_history_rows"() returns trigger language plpgsql as $$
    declare t bigint := txid_current();
    begin
      if tg_op = 'TRUNCATE' then
        update "dataset_history" set "to_txid" = t where "tbl" = tg_table_name and "to_txid" is null;
        return null;
      end if;
      if tg_op = 'UPDATE' then
        update "dataset_history" h set "to_txid" = t
          from "new_rows" n join "old_rows" o on o."id" = n."id"
          where h."tbl" = tg_table_name and h."to_txid" is null and h."row_id" = o."id"
            and to_jsonb(n) - array[${DERIVED}] is distinct from to_jsonb(o) - array[${DERIVED}];
        insert into "dataset_history" ("tbl", "row_id", "row", "from_txid")
          select tg_table_name, n."id", to_jsonb(n) - array[${DERIVED}], t from "new_rows" n join "old_rows" o on o."id" = n."id"
          where to_jsonb(n) - array[${DERIVED}] is distinct from to_jsonb(o) - array[${DERIVED}];
      elsif tg_op = 'DELETE' then
        update "dataset_history" h set "to_txid" = t
          where h."tbl" = tg_table_name and h."to_txid" is null and h."row_id" in (select "id" from "old_rows");
      else
        insert into "dataset_history" ("tbl", "row_id", "row", "from_txid")
          select tg_table_name, n."id", to_jsonb(n) - array[${DERIVED}], t from "new_rows" n;
      end if;
      return null;
    end
  $$`;
  const triggers = HISTORY_TABLES.flatMap((t) => [
    `create trigger "${t}_history_insert" after insert on "${t}" referencing new table as "new_rows" for each statement execute function "dataset_history_rows"()`,
    `create trigger "${t}_history_update" after update on "${t}" referencing old table as "old_rows" new table as "new_rows" for each statement execute function "dataset_history_rows"()`,
    `create trigger "${t}_history_delete" after delete on "${t}" referencing old table as "old_rows" for each statement execute function "dataset_history_rows"()`,
    `create trigger "${t}_history_truncate" after truncate on "${t}" for each statement execute function "dataset_history_rows"()`,
  ]);
  return [fn, ...triggers];
}

/**
 * What transaction `t` did, in one line: its audit entries ("ADD_MEMBER rof 1201022"), then rows
 * added (+), removed (−) and changed (~) per table. Writes outside the API (seed, imports by CLI,
 * psql) have no audit entries and are told by their row counts; a write to the boundaries (not
 * versioned) or an update that changed nothing moves the version too, and says so.
 */
function summaryFunction(): string {
  return `create function "dataset_summary"(t bigint) returns text language sql stable as $$
    with audit as (
      select string_agg(line, '; ' order by first_id) filter (where n <= 6) as lines, count(*) as total from (
        select a."action" || ' ' || a."entity_key" as line, min(a."id") as first_id, row_number() over (order by min(a."id")) as n
        from "audit_entry" a where a."txid" = t group by 1) x
    ), opened as (select distinct "tbl", "row_id" from "dataset_history" where "from_txid" = t),
    closed as (select distinct "tbl", "row_id" from "dataset_history" where "to_txid" = t),
    counts as (
      select "tbl", count(*) filter (where c."row_id" is null) as added, count(*) filter (where o."row_id" is null) as removed,
             count(*) filter (where o."row_id" is not null and c."row_id" is not null) as changed
      from opened o full join closed c using ("tbl", "row_id") group by "tbl"
    ), rows as (
      select string_agg("tbl" || concat_ws(' ', '', nullif('+' || added, '+0'), nullif('−' || removed, '−0'), nullif('~' || changed, '~0')), ', ' order by "tbl") as line from counts
    )
    select coalesce(nullif(concat_ws(' · ',
      audit.lines || case when audit.total > 6 then ' (+' || (audit.total - 6) || ' more)' else '' end,
      rows.line), ''), 'no versioned row changed (boundaries, or an update that changed nothing)')
    from audit, rows
  $$`;
}

/** The commit-time trigger of Migration20261127060000_dataset_version, now also logging the version it makes. */
function bumpFunction(): string {
  return `create or replace function "dataset_bump_version"() returns trigger language plpgsql as $$
    declare v bigint; at timestamptz;
    begin
      update "dataset_state" set "version" = "version" + 1, "changed_at" = clock_timestamp() returning "version", "changed_at" into v, at;
      insert into "dataset_version_log" ("version", "txid", "committed_at", "actor", "summary")
        values (v, new."txid", at,
          coalesce((select string_agg(distinct a."actor", ', ') from "audit_entry" a where a."txid" = new."txid"), nullif(current_setting('atlas.actor', true), ''), 'system'),
          "dataset_summary"(new."txid"))
        on conflict ("txid") do update set "version" = excluded."version", "committed_at" = excluded."committed_at", "actor" = excluded."actor", "summary" = excluded."summary";
      delete from "dataset_change" where "txid" = new."txid";
      return null;
    end
  $$`;
}

/**
 * `atlas_materialise_version(n)`: creates schema `atlas_v<n>` holding version n of every history
 * table (`like public.<t> including all`: same columns, defaults, checks and indexes, no triggers,
 * no foreign keys), its audit entries and a `dataset_state` naming version n, then recomputes each
 * partnership's area from the pinned members. Idempotent and safe to call concurrently (an advisory
 * lock per version). Rows are read back with `jsonb_populate_record` against today's columns: a
 * column added later reads null, or its default where it is NOT NULL.
 */
function materialiseFunctions(): string[] {
  const columns = `create function "atlas_version_columns"(t text) returns table (names text, exprs text) language sql stable as $$
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum),
           string_agg(case when a.attnotnull and d.adbin is not null then format('coalesce(r.%I, %s)', a.attname, pg_get_expr(d.adbin, d.adrelid)) else format('r.%I', a.attname) end, ', ' order by a.attnum)
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = format('public.%I', t)::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
  $$`;
  const tables = HISTORY_TABLES.map((t) => `'${t}'`).join(', ');
  const materialise = `create function "atlas_materialise_version"(n bigint) returns text language plpgsql as $$
    declare s text := 'atlas_v' || n; t text; c record;
    begin
      perform pg_advisory_xact_lock(1096043598, n::int);
      if exists (select 1 from pg_namespace where nspname = s) then return s; end if;
      execute format('create schema %I', s);
      foreach t in array array[${tables}] loop
        execute format('create table %I.%I (like public.%I including all)', s, t, t);
        select * into c from "atlas_version_columns"(t);
        execute format(
          'insert into %I.%I (%s) select %s from public.dataset_history h'
          || ' join public.dataset_version_log lf on lf.txid = h.from_txid and lf.version <= %s'
          || ' cross join lateral jsonb_populate_record(null::public.%I, h.row) r'
          || ' where h.tbl = %L and (h.to_txid is null or not exists (select 1 from public.dataset_version_log lt where lt.txid = h.to_txid and lt.version <= %s))',
          s, t, c.names, c.exprs, n, t, t, n);
      end loop;
      execute format('create table %I.audit_entry (like public.audit_entry including all)', s);
      execute format('insert into %I.audit_entry select * from public.audit_entry a where a.txid is null or a.txid in (select txid from public.dataset_version_log where version <= %s)', s, n);
      execute format('create table %I.dataset_state as select d.epoch, l.version, l.committed_at as changed_at from public.dataset_state d, public.dataset_version_log l where l.version = %s', s, n);
      perform set_config('search_path', format('%I, public', s), true);
      execute 'select count(*) from (select refresh_partnership_area(id) from partnership) x';
      perform set_config('search_path', 'public', true);
      foreach t in array array[${tables}, 'audit_entry'] loop
        execute format('analyze %I.%I', s, t);
      end loop;
      insert into public.dataset_pinned (version) values (n) on conflict do nothing;
      return s;
    end
  $$`;
  return [columns, materialise];
}
