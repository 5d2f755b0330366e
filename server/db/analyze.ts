import type { Em } from './orm.js';

/** The tables a bulk load of partnerships writes (import, seed). */
export const PARTNERSHIP_TABLES = ['partnership', 'membership', 'participation', 'partner', 'unmatched_member', 'programme'] as const;

/**
 * Refreshes the planner's statistics after a bulk load. PostgreSQL's autovacuum does it some
 * time later; the embedded database (PGlite) never does, and without statistics its planner
 * guesses row counts badly: `coverage` took 167–266 ms there instead of 17 ms after ANALYZE.
 * Runs outside the load's transaction (after the commit), on the given tables or all of them.
 */
export async function analyze(em: Em, tables: readonly string[] = []): Promise<void> {
  await em.getConnection().execute(tables.length ? `analyze ${tables.map((t) => `"${t}"`).join(', ')}` : 'analyze', [], 'run');
}
