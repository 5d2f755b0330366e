import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openOrm, type Em } from '../../server/db/orm.js';
import { migrations } from '../../server/db/migrations/index.js';
import { query } from '../../server/db/sql.js';
import { readSeed } from '../../server/seed/read-seed.js';
import { createServerDatabase } from '../support/database.js';
import { buildDist, runCli, startServer, stopServer, tempDataDir, type ServerProcess } from './spawned.js';

const serverUrl = process.env.TEST_DATABASE_URL;
const describeOnServer = serverUrl ? describe : describe.skip;

/** Replicas of one deployment, started at the same moment on one fresh database. */
const INSTANCES = 3;

describeOnServer('several instances starting at once on a fresh PostgreSQL database (startup lock)', () => {
  let database: Awaited<ReturnType<typeof createServerDatabase>>;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    buildDist();
    database = await createServerDatabase(serverUrl!);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => stopServer(server)));
    await database?.drop();
  });

  it('all become ready; the migrations run once and the boundaries and seed are loaded once', async () => {
    const env = { DATABASE_URL: database.url };
    // The migration job too, as a deployment may start it beside the servers.
    const [migrated, ...started] = await Promise.all([
      runCli('dist/server/db/migrate-cli.js', [], tempDataDir(), env),
      ...Array.from({ length: INSTANCES }, () => startServer(tempDataDir(), env)),
    ]);
    servers.push(...started);
    for (const server of started) if (!server.url) throw new Error(`an instance did not start:\n${server.output()}`);
    expect({ code: migrated!.code, stderr: migrated!.stderr }).toEqual({ code: 0, stderr: '' });
    for (const server of started) expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);

    // Exactly one instance imported the boundaries and loaded the seed; the others found them.
    const loaders = started.filter((server) => server.output().includes('first start: importing boundaries'));
    expect(loaders).toHaveLength(1);

    const orm = await openOrm({ kind: 'postgresql', url: database.url });
    try {
      const em = orm.em.fork() as Em;
      const seed = await readSeed();
      const [counts] = await query<{ jsts: number; partnerships: number; programmes: number }>(
        em,
        'select (select count(*) from jst)::int as jsts, (select count(*) from partnership)::int as partnerships, (select count(*) from programme)::int as programmes',
      );
      expect(counts).toEqual({ jsts: 2873, partnerships: seed.partnerships.length, programmes: seed.programmes.length });
      const applied = await query<{ name: string; times: number }>(em, 'select name, count(*)::int as times from mikro_orm_migrations group by name order by name');
      expect(applied).toEqual(migrations.map((m) => ({ name: m.name, times: 1 })).sort((a, b) => a.name.localeCompare(b.name)));
    } finally {
      await orm.close();
    }
  });
});
