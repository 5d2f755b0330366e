import type { Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';

const TABLES: Record<string, string> = {
  jst: `teryt, name, kind, parent_teryt, md5(ST_AsBinary(boundary)), area_km2`,
  programme: '*',
  programme_phase: '*',
  reported_figure: '*',
  partnership: `id, slug, name, search_name, short_name, legal_form, area_type, voivodeships, leader_teryt, website, description, members_complete,
    completeness_note, stated_member_count, sources, version, archived_at, md5(ST_AsBinary(area)), area_km2, member_count`,
  membership: '*',
  partner: '*',
  participation: '*',
  unmatched_member: '*',
  api_token: '*',
  audit_entry: '*',
  area_refresh: 'partnership_id',
  population_year: 'year, as_of, label, url, file, total',
  jst_population: '*',
};

/** One fingerprint of every table's content, to show that a rejected write left the database as it was. */
export async function databaseChecksum(em: Em): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, columns] of Object.entries(TABLES)) {
    const [row] = await query<{ sum: string | null; n: number }>(
      em,
      `select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as sum, count(*)::int as n from (select ${columns} from "${table}") r`,
    );
    result[table] = `${row!.n}:${row!.sum}`;
  }
  return result;
}
