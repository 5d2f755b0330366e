import { Migration } from '@mikro-orm/migrations';
import { searchKey } from '../../shared/search-name.js';

/** The stored search key, as the SQL of the name search frames it (see `padKey` and `list-page.ts`). */
const PADDED = `('| ' || "search_name" || ' |')`;

/**
 * Ranked name search. Search keys are refolded with today's `searchKey` (hyphens and punctuation
 * as spaces, so "bielsko biala" finds Bielsko-Biała; a partnership's name and short name as two
 * names, so either can be an exact match): folding is JavaScript, not SQL, so this migration reads
 * the names and writes the keys back. Then pg_trgm, where the database offers it, and trigram
 * indexes on the padded keys for the LIKE patterns of the search. A server without pg_trgm (or a
 * role that may not create it) keeps working: the search gives the same answers, unindexed.
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
    // The exception block makes its own subtransaction: a failed `create extension` rolls back alone.
    this.addSql(`do $$ begin
        create extension if not exists pg_trgm;
      exception when others then
        raise notice 'pg_trgm is not available (%): name search runs without a trigram index', sqlerrm;
      end $$`);
    this.addSql(`do $$ begin
        if exists (select 1 from pg_extension where extname = 'pg_trgm') then
          create index if not exists "jst_search_trgm_index" on "jst" using gin ((${PADDED}) gin_trgm_ops);
          create index if not exists "partnership_search_trgm_index" on "partnership" using gin ((${PADDED}) gin_trgm_ops);
        end if;
      end $$`);
  }

  override down(): void {
    this.addSql(`drop index if exists "jst_search_trgm_index"`);
    this.addSql(`drop index if exists "partnership_search_trgm_index"`);
  }
}
