import { Migration } from '@mikro-orm/migrations';

/**
 * Functional areas of past (and future) days, kept by member set. Today's area is stored on the
 * partnership; a day's area is the union of that day's members' boundaries, which costs a union of
 * up to hundreds of gminy per read. The same members always give the same area (as long as their
 * boundaries stay), so the union is kept under the md5 of the sorted TERYT codes and read back by
 * every later request, whatever its day, partnership, dataset version or caller. A change of any
 * boundary (a geodata import) empties the table: it is a cache, never a source, and holds nothing
 * that a read could not compute again.
 */
export class Migration20261128100000_area_memo extends Migration {
  override name = 'Migration20261128100000_area_memo';

  override up(): void {
    const statements = [
      `create table "area_memo" (
        "members" text primary key,
        "geom" geometry(MultiPolygon, 4326) not null,
        "member_count" int not null,
        "area_km2" double precision not null
      )`,
      `create function "atlas_clear_area_memo"() returns trigger language plpgsql as $$
        begin
          delete from "area_memo";
          return null;
        end
      $$`,
      `create trigger "jst_boundary_clears_area_memo" after update of "boundary" or delete on "jst"
        for each statement execute function "atlas_clear_area_memo"()`,
    ];
    for (const sql of statements) this.addSql(sql);
  }

  override down(): void {
    this.addSql(`drop trigger if exists "jst_boundary_clears_area_memo" on "jst"`);
    this.addSql(`drop function if exists "atlas_clear_area_memo"()`);
    this.addSql(`drop table if exists "area_memo"`);
  }
}
