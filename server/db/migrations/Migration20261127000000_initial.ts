import { Migration } from '@mikro-orm/migrations';

/**
 * Initial schema: JSTs with boundaries, programmes, partnerships and their members.
 * A partnership's functional area is kept by triggers on `membership`, so every write path
 * (API, seed, SQL console) leaves it equal to the union of the current members' boundaries.
 */
export class Migration20261127000000_initial extends Migration {
  override name = 'Migration20261127000000_initial';

  override up(): void {
    const statements = [
      `create extension if not exists postgis`,

      `create table "jst" (
        "teryt" varchar(7) not null primary key,
        "name" text not null,
        "search_name" text not null,
        "level" text not null check ("level" in ('VOIVODESHIP', 'COUNTY', 'MUNICIPALITY')),
        "kind" text not null check ("kind" in ('WOJEWODZTWO', 'POWIAT', 'MIASTO_NA_PRAWACH_POWIATU', 'GMINA_MIEJSKA', 'GMINA_WIEJSKA', 'GMINA_MIEJSKO_WIEJSKA')),
        "parent_teryt" varchar(7) null references "jst" ("teryt") on delete restrict,
        "voivodeship_teryt" varchar(2) not null,
        "boundary" geometry(MultiPolygon, 4326) not null,
        "area_km2" double precision not null,
        check ("teryt" ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}[123])$')
      )`,
      `create index "jst_search_name_index" on "jst" ("search_name")`,
      `create index "jst_parent_index" on "jst" ("parent_teryt")`,
      `create index "jst_voivodeship_index" on "jst" ("voivodeship_teryt")`,
      `create index "jst_boundary_gist" on "jst" using gist ("boundary")`,

      `create table "programme" (
        "id" serial primary key,
        "code" text not null unique,
        "name" text not null,
        "name_en" text null,
        "funder" text not null,
        "operator" text null,
        "implementers" jsonb not null,
        "start_date" text null,
        "end_date" text null,
        "description" text null,
        "sources" jsonb not null
      )`,
      `create table "programme_phase" (
        "id" serial primary key,
        "programme_id" int not null references "programme" ("id") on delete cascade,
        "position" int not null,
        "code" text not null,
        "name" text not null,
        "start_date" text null,
        "end_date" text null,
        "sources" jsonb not null,
        unique ("programme_id", "code")
      )`,
      `create table "reported_figure" (
        "id" serial primary key,
        "programme_id" int not null references "programme" ("id") on delete cascade,
        "position" int not null,
        "label" text not null,
        "label_pl" text not null,
        "value" double precision not null,
        "unit" text not null,
        "phase" text null,
        "sources" jsonb not null
      )`,

      `create table "partnership" (
        "id" serial primary key,
        "slug" text not null unique check ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        "name" text not null,
        "search_name" text not null,
        "short_name" text null,
        "legal_form" text not null check ("legal_form" in ('JST_ASSOCIATION', 'INTERMUNICIPAL_UNION', 'COUNTY_MUNICIPAL_UNION', 'METROPOLITAN_UNION', 'AGREEMENT', 'LAG', 'COMPANY', 'INFORMAL', 'UNKNOWN')),
        "area_type" text not null check ("area_type" in ('MOF', 'ZIT', 'IIT', 'OSI_MEDIUM_CITY', 'OSI_MARGINALISED', 'OTHER')),
        "leader_teryt" varchar(7) null references "jst" ("teryt"),
        "website" text null,
        "description" text null,
        "members_complete" boolean not null,
        "completeness_note" text null,
        "stated_member_count" int null check ("stated_member_count" >= 0),
        "sources" jsonb not null,
        "area" geometry(MultiPolygon, 4326) null,
        "area_km2" double precision not null default 0,
        "member_count" int not null default 0
      )`,
      `create index "partnership_search_name_index" on "partnership" ("search_name")`,
      `create index "partnership_area_gist" on "partnership" using gist ("area")`,

      `create table "membership" (
        "id" serial primary key,
        "partnership_id" int not null references "partnership" ("id") on delete cascade,
        "jst_teryt" varchar(7) not null references "jst" ("teryt"),
        "role" text not null check ("role" in ('LEADER', 'MEMBER', 'FOUNDER')),
        "joined" text null check ("joined" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
        "left" text null check ("left" ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'),
        "source_name" text null,
        "sources" jsonb not null,
        unique ("partnership_id", "jst_teryt"),
        check ("left" is null or "joined" is null or "left" >= "joined")
      )`,
      `create index "membership_jst_teryt_index" on "membership" ("jst_teryt")`,

      `create table "partner" (
        "id" serial primary key,
        "partnership_id" int not null references "partnership" ("id") on delete cascade,
        "name" text not null,
        "kind" text not null check ("kind" in ('NGO', 'BUSINESS', 'UNIVERSITY', 'PUBLIC_BODY', 'OTHER')),
        "sources" jsonb not null
      )`,
      `create index "partner_partnership_index" on "partner" ("partnership_id")`,

      `create table "participation" (
        "id" serial primary key,
        "partnership_id" int not null references "partnership" ("id") on delete cascade,
        "programme_id" int not null references "programme" ("id"),
        "status" text not null check ("status" in ('APPLICANT', 'GRANTEE', 'PARTICIPANT', 'LAUREATE')),
        "phase" text null,
        "competition" text null,
        "grant_amount" double precision null check ("grant_amount" >= 0),
        "grant_currency" text null check ("grant_currency" in ('PLN', 'EUR')),
        "document" text null,
        "probable" boolean not null default false,
        "sources" jsonb not null
      )`,
      `create index "participation_partnership_index" on "participation" ("partnership_id")`,
      `create index "participation_programme_index" on "participation" ("programme_id")`,

      `create table "unmatched_member" (
        "id" serial primary key,
        "partnership_id" int not null references "partnership" ("id") on delete cascade,
        "source_name" text not null,
        "reason" text not null,
        "sources" jsonb not null
      )`,
      `create index "unmatched_member_partnership_index" on "unmatched_member" ("partnership_id")`,

      // A województwo that joins as a regional partner does not make the whole region the functional area.
      // A member is current unless it has left before today (dates may be YYYY, YYYY-MM or YYYY-MM-DD).
      `create function "membership_is_current"("left" text) returns boolean language sql stable as $$
        select "left" is null or "left" > to_char(current_date, 'YYYY-MM-DD')
      $$`,
      `create function "refresh_partnership_area"(pid int) returns void language sql as $$
        update "partnership" p set
          "area" = u.geom,
          "area_km2" = coalesce(ST_Area(u.geom::geography) / 1e6, 0),
          "member_count" = u.n
        from (
          select
            ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(j."boundary")), 3)) as geom,
            count(*)::int as n
          from "membership" m join "jst" j on j."teryt" = m."jst_teryt"
          where m."partnership_id" = pid and "membership_is_current"(m."left") and j."level" <> 'VOIVODESHIP'
        ) u
        where p."id" = pid
      $$`,
      `create function "membership_changed"() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then
            perform "refresh_partnership_area"(old."partnership_id");
          end if;
          if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new."partnership_id" <> old."partnership_id") then
            perform "refresh_partnership_area"(new."partnership_id");
          end if;
          return null;
        end
      $$`,
      `create trigger "membership_area" after insert or update or delete on "membership"
        for each row execute function "membership_changed"()`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    for (const table of ['unmatched_member', 'participation', 'partner', 'membership', 'partnership', 'reported_figure', 'programme_phase', 'programme', 'jst']) {
      this.addSql(`drop table if exists "${table}" cascade`);
    }
    this.addSql(`drop function if exists "membership_changed"()`);
    this.addSql(`drop function if exists "refresh_partnership_area"(int)`);
    this.addSql(`drop function if exists "membership_is_current"(text)`);
  }
}
