import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate, openOrm, type Em } from '../../server/db/orm.js';
import { query } from '../../server/db/sql.js';

describe('the embedded database on disk', () => {
  it('creates its data directory, parents included, and keeps the data for the next start', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'atlas-datadir-'));
    const dataDir = path.join(root, 'data', 'pglite'); // as on a fresh clone: no ./data yet
    try {
      const first = await openOrm({ kind: 'pglite', dataDir });
      await migrate(first);
      await query(first.em.fork() as Em, `insert into programme (code, name, funder, implementers, sources) values ('KEEP', 'K', 'F', '[]', '[]')`);
      await first.close();
      const again = await openOrm({ kind: 'pglite', dataDir });
      const rows = await query<{ code: string }>(again.em.fork() as Em, `select code from programme`);
      await again.close();
      expect(rows).toEqual([{ code: 'KEEP' }]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
