import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { NotFoundError } from './errors.js';

const KEYS = { programme: 'code', partnership: 'slug' } as const;

/**
 * Checks that a programme code or partnership slug a client named exists, so a typo is an error
 * (NOT_FOUND), never an empty list. The value has passed its parser already.
 */
export async function requireExisting(em: Em, table: keyof typeof KEYS, value: string, field: string): Promise<void> {
  const rows = await query(em, `select 1 from ${table} where ${KEYS[table]} = ? limit 1`, [value]);
  if (!rows.length) throw new NotFoundError(field, `no ${table} with ${KEYS[table]} "${value}"`);
}
