import { Migration } from '@mikro-orm/migrations';

/** The per-statement trigger function: recomputes each partnership a statement touched (also restored by a later migration's down()). */
export const MEMBERSHIP_ROWS_CHANGED = `create or replace function "membership_rows_changed"() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            perform "refresh_partnership_area"(pid) from (select distinct "partnership_id" as pid from "new_rows") t;
          elsif tg_op = 'DELETE' then
            perform "refresh_partnership_area"(pid) from (select distinct "partnership_id" as pid from "old_rows") t;
          else
            perform "refresh_partnership_area"(pid) from (select "partnership_id" as pid from "old_rows" union select "partnership_id" from "new_rows") t;
          end if;
          return null;
        end
      $$`;

/**
 * The functional-area trigger on `membership` becomes per statement: a row trigger recomputed a
 * partnership's union of boundaries once per inserted member, so a 20,000-row import spent minutes
 * in ST_Union. Now each statement recomputes each partnership it touched once (transition tables
 * tell which); the area stays equal to the union of the current members' boundaries.
 */
export class Migration20261127030000_area_per_statement extends Migration {
  override name = 'Migration20261127030000_area_per_statement';

  override up(): void {
    const statements = [
      `drop trigger if exists "membership_area" on "membership"`,
      MEMBERSHIP_ROWS_CHANGED,
      // Transition tables allow one event per trigger, hence three.
      `create trigger "membership_area_insert" after insert on "membership" referencing new table as "new_rows"
        for each statement execute function "membership_rows_changed"()`,
      `create trigger "membership_area_update" after update on "membership" referencing old table as "old_rows" new table as "new_rows"
        for each statement execute function "membership_rows_changed"()`,
      `create trigger "membership_area_delete" after delete on "membership" referencing old table as "old_rows"
        for each statement execute function "membership_rows_changed"()`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    for (const event of ['insert', 'update', 'delete']) this.addSql(`drop trigger if exists "membership_area_${event}" on "membership"`);
    this.addSql(`drop function if exists "membership_rows_changed"()`);
    this.addSql(`create trigger "membership_area" after insert or update or delete on "membership" for each row execute function "membership_changed"()`);
  }
}
