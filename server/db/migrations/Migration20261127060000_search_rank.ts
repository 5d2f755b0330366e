import { Migration } from '@mikro-orm/migrations';
import { searchKey } from '../../shared/search-name.js';

/**
 * Ranked name search: search keys refolded with today's `searchKey` (hyphens and punctuation as
 * spaces, so "bielsko biala" finds Bielsko-Biała; a partnership's name and short name as two names,
 * so either can be an exact match). Folding is JavaScript, not SQL (no `unaccent` on PGlite), so
 * this migration reads the names and writes the keys back.
 *
 * No pg_trgm index: measured on PostgreSQL 15 with the 2,873 units, a GIN trigram index on the
 * padded key made the one-typo query about 5× slower (≈80 ms against 10–30 ms by sequential scan:
 * its ~3n LIKE patterns each probe the index), and for "contains" the planner kept the sequential
 * scan (≈10 ms). The tables are too small for it to pay.
 */
export class Migration20261127060000_search_rank extends Migration {
  override name = 'Migration20261127060000_search_rank';

  override async up(): Promise<void> {
    const jsts = (await this.execute(`select "teryt", "name" from "jst"`)) as { teryt: string; name: string }[];
    const partnerships = (await this.execute(`select "id", "name", "short_name" from "partnership"`)) as { id: number; name: string; short_name: string | null }[];
    if (jsts.length) {
      await this.execute(
        `update "jst" set "search_name" = k."key" from json_to_recordset(?::json) as k("teryt" text, "key" text) where "jst"."teryt" = k."teryt"`,
        [JSON.stringify(jsts.map((j) => ({ teryt: j.teryt, key: searchKey([j.name]) })))],
      );
    }
    if (partnerships.length) {
      await this.execute(
        `update "partnership" set "search_name" = k."key" from json_to_recordset(?::json) as k("id" int, "key" text) where "partnership"."id" = k."id"`,
        [JSON.stringify(partnerships.map((p) => ({ id: p.id, key: searchKey([p.name, p.short_name]) })))],
      );
    }
  }

  override down(): void {
    // The new keys stay: the search before this one (LIKE "%text%") still finds every name in them but across a hyphen.
  }
}
