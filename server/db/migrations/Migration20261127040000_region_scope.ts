import { Migration } from '@mikro-orm/migrations';

/** A valid 2-digit TERC code of a województwo: even numbers 02–32. */
const VOIVODESHIP_CODE = `'^(0[2468]|1[02468]|2[02468]|3[02])$'`;

/**
 * Region scope and an audit trail that cannot be erased: every partnership names the województwa
 * it belongs to (so a partnership without a loaded member still has a place a regional token can
 * be checked against), and TRUNCATE of the audit trail is refused like UPDATE and DELETE.
 */
export class Migration20261127040000_region_scope extends Migration {
  override name = 'Migration20261127040000_region_scope';

  override up(): void {
    const statements = [
      `alter table "partnership" add column "voivodeships" text[] not null default '{}'`,
      // Existing atlases: the województwa of the members loaded so far. A partnership without members
      // stays empty, which no regional token covers, until someone with a national token names them.
      `update "partnership" p set "voivodeships" = coalesce(
        (select array_agg(distinct left(m."jst_teryt", 2) order by left(m."jst_teryt", 2)) from "membership" m where m."partnership_id" = p."id"),
        '{}')`,
      `create function "voivodeship_codes_valid"(codes text[]) returns boolean language sql immutable as $$
        select coalesce(bool_and(c ~ ${VOIVODESHIP_CODE}), true) from unnest(codes) c
      $$`,
      `alter table "partnership" add constraint "partnership_voivodeships_check" check ("voivodeship_codes_valid"("voivodeships"))`,
      `create trigger "audit_entry_no_truncate" before truncate on "audit_entry"
        for each statement execute function "audit_entry_append_only"()`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`drop trigger if exists "audit_entry_no_truncate" on "audit_entry"`);
    this.addSql(`alter table "partnership" drop column if exists "voivodeships"`);
    this.addSql(`drop function if exists "voivodeship_codes_valid"(text[])`);
  }
}
