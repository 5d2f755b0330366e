import type { Page, PageRequest } from '../input/paging.js';
import { searchPatterns, SearchRank } from '../shared/search-match.js';
import type { Em } from './orm.js';
import { query, textArray, Where } from './sql.js';

/** What a list reads: `select <columns> from <from> <where>`, its unique sort `key` and the search-key column. */
export interface ListSource {
  /** Table with its alias, e.g. `jst j`. */
  from: string;
  /** Selected columns, qualified by the alias. */
  columns: string;
  /** Unique sort key, qualified by the alias, e.g. `j.teryt`; pages resume after it. */
  key: string;
  /** The stored search key (see `searchKey`), qualified by the alias. */
  searchColumn: string;
}

/** The stored search key as `searchPatterns` expect it (see `padKey`). */
const padded = (column: string) => `('| ' || ${column} || ' |')`;

/** SQL condition: the row matches the folded search text at all (some rank). */
export function searchCondition(where: Where, column: string, text: string): void {
  const p = searchPatterns(text);
  if (p.oneEdit.length) where.add(`(${padded(column)} like ? or ${padded(column)} like any(?::text[]))`, p.contains, textArray(p.oneEdit));
  else where.add(`${padded(column)} like ?`, p.contains);
}

/** SQL expression: the SearchRank of a matching row, with its parameters. */
function rankSql(column: string, text: string): { sql: string; params: string[] } {
  const p = searchPatterns(text);
  const ranks: [string, number][] = [[p.exact, SearchRank.EXACT], [p.prefix, SearchRank.PREFIX], [p.wordPrefix, SearchRank.WORD_PREFIX], [p.contains, SearchRank.CONTAINS]];
  return {
    sql: `case ${ranks.map(([, rank]) => `when ${padded(column)} like ? then ${rank}`).join(' ')} else ${SearchRank.ONE_EDIT} end`,
    params: ranks.map(([pattern]) => pattern),
  };
}

/**
 * One page of a list and a lazy count of its filter. Without `search` ordered by the key; with it, by
 * search rank and then the key (a stable order, so the cursor holds rank and key and pages neither
 * repeat nor skip a row). `where` must already hold `searchCondition` when `search` is given.
 */
export async function listPage(em: Em, source: ListSource, where: Where, search: string | null | undefined, page: PageRequest): Promise<Page<Record<string, unknown>>> {
  const countSql = `select count(*)::int as n from ${source.from} ${where}`;
  const countParams = [...where.params];
  let rows: Record<string, unknown>[];
  if (search == null) {
    if (page.afterKey !== null) where.add(`${source.key} > ?`, page.afterKey);
    rows = await query(em, `select ${source.columns} from ${source.from} ${where} order by ${source.key} limit ?`, [...where.params, page.limit + 1]);
  } else {
    const rank = rankSql(source.searchColumn, search);
    const key = source.key.replace(/^\w+\./, 'r.');
    const after = page.afterKey === null ? '' : `where (r.search_rank, ${key}) > (?, ?)`;
    rows = await query(
      em,
      `select * from (select ${source.columns}, ${rank.sql} as search_rank from ${source.from} ${where}) r ${after} order by r.search_rank, ${key} limit ?`,
      [...rank.params, ...where.params, ...(page.afterKey === null ? [] : [page.afterRank ?? 0, page.afterKey]), page.limit + 1],
    );
  }
  const pageRows = rows.slice(0, page.limit);
  return {
    // The rank leaves the row here: it belongs to the cursor, not to the entity.
    nodes: pageRows.map(({ search_rank: _rank, ...row }) => row),
    ranks: search == null ? undefined : pageRows.map((r) => Number(r.search_rank)),
    hasNextPage: rows.length > page.limit,
    hasPreviousPage: page.afterKey !== null,
    // Counted only when the query asks for totalCount (the GraphQL field calls it): the map's lists never do.
    totalCount: async () => (await query<{ n: number }>(em, countSql, countParams))[0]!.n,
  };
}
