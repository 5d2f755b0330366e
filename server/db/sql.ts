import { CompiledQuery } from 'kysely';
import type { Em } from './orm.js';

/** Runs parameterised SQL (`?` placeholders) on the request's EntityManager, inside its transaction if any. */
export async function query<T>(em: Em, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await em.getConnection().execute(sql, params, 'all', em.getTransactionContext())) as T[];
}

/**
 * Like `query`, but sends the parameters bound (`$1`, `$2` … in the SQL) instead of spelled into
 * the SQL text. For an import's multi-megabyte JSON parameter the ORM's client-side quoting blocks
 * the event loop for about a second per 6 MB (inside the transaction, so the embedded database's
 * one connection waits too) and the server then lexes the literal. Not seen by the ORM's query log.
 */
export async function queryBound<T>(em: Em, sql: string, params: unknown[]): Promise<T[]> {
  const runner = em.getTransactionContext() ?? em.getConnection().getClient();
  return (await runner.executeQuery(CompiledQuery.raw(sql, params))).rows as T[];
}

/** Collects `AND`-ed conditions with their parameters, in order. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }

  toString(): string {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
  }
}

/** A Postgres text[] literal for `= any(?::text[])`: safe for codes and slugs (no quotes or commas). */
export const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;

/** A Postgres int[] literal for `in (select unnest(?::int[]))` (ids: whole numbers only). */
export const intArray = (values: readonly number[]) => `{${values.join(',')}}`;
