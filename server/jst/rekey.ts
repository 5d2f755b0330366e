import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import { parseTeryt } from './teryt.js';
import { terytHistory } from './teryt-history.js';

/**
 * Moves JSTs still stored under a former code (a database loaded before the code history existed,
 * or boundaries imported by an older version) to their current code, kind with it (the type digit
 * is the kind). Memberships, leaders and population follow by `on update cascade`. Returns how many
 * moved; one statement finds none on every later start.
 */
export async function rekeyFormerCodes(em: Em): Promise<number> {
  const former = terytHistory().former;
  const present = await query<{ teryt: string }>(em, `select teryt from jst where teryt = any(?::text[])`, [textArray(former.map((f) => f.code))]);
  if (!present.length) return 0;
  const stored = new Set(present.map((r) => r.teryt));
  await em.transactional(async (tx) => {
    for (const f of former.filter((x) => stored.has(x.code))) {
      await query(tx as Em, `update jst set teryt = ?, kind = ? where teryt = ?`, [f.current, parseTeryt(f.current).kind, f.code]);
    }
  });
  return stored.size;
}
