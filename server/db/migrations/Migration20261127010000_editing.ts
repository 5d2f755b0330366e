import { Migration } from '@mikro-orm/migrations';

/**
 * Editing: API tokens (hashes only), record versions for optimistic locking, archived partnerships,
 * and an audit trail the database itself keeps append-only.
 */
export class Migration20261127010000_editing extends Migration {
  override name = 'Migration20261127010000_editing';

  override up(): void {
    const statements = [
      `create table "api_token" (
        "id" serial primary key,
        "name" text not null unique,
        "role" text not null check ("role" in ('EDITOR', 'ADMIN')),
        "voivodeships" jsonb null,
        "token_hash" text not null unique,
        "created_at" timestamptz not null default now(),
        "revoked_at" timestamptz null
      )`,
      `alter table "partnership" add column "version" int not null default 1`,
      `alter table "partnership" add column "archived_at" timestamptz null`,
      `alter table "membership" add column "version" int not null default 1`,
      `alter table "participation" add column "version" int not null default 1`,
      `alter table "programme" add column "version" int not null default 1`,
      `create table "audit_entry" (
        "id" bigserial primary key,
        "at" timestamptz not null default clock_timestamp(),
        "actor" text not null,
        "action" text not null,
        "entity" text not null,
        "entity_key" text not null,
        "partnership_id" int null,
        "before" jsonb null,
        "after" jsonb null
      )`,
      `create index "audit_entry_partnership_index" on "audit_entry" ("partnership_id", "id")`,
      `create index "audit_entry_at_index" on "audit_entry" ("at")`,
      `create function "audit_entry_append_only"() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_entry is append-only: % is not allowed', tg_op;
        end
      $$`,
      `create trigger "audit_entry_no_change" before update or delete on "audit_entry"
        for each row execute function "audit_entry_append_only"()`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`drop table if exists "audit_entry"`);
    this.addSql(`drop function if exists "audit_entry_append_only"()`);
    this.addSql(`drop table if exists "api_token"`);
    for (const table of ['partnership', 'membership', 'participation', 'programme']) this.addSql(`alter table "${table}" drop column if exists "version"`);
    this.addSql(`alter table "partnership" drop column if exists "archived_at"`);
  }
}
