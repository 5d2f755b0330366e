import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { openEmptyDatabase, testConfig, type TestDatabase } from '../support/database.js';

describe('the anonymous rate limit of the running app', () => {
  let db: TestDatabase;
  let app: RunningApp;
  let secret: string;
  beforeAll(async () => {
    db = await openEmptyDatabase({ kind: 'pglite', dataDir: 'memory://' });
    // One programme row is enough for the query below and keeps the seed from loading.
    await db.em().getConnection().execute(`insert into programme (code, name, funder, implementers, sources) values ('X', 'X', 'X', '[]', '[{"ref":"https://example.org"}]')`);
    secret = (await new TokenService(db.em()).create('redakcja', Role.EDITOR, null)).secret;
    const config = { ...testConfig(db.database), rateLimit: { perMinute: 60, burst: 2, exemptLoopback: false } };
    app = await startApp(config, { orm: db.orm, log: () => {} });
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  const post = (authorization?: string) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: '{ programmes { code } }' }),
    });

  it('is lifted by a valid token, but not by any string sent as one', async () => {
    await post();
    await post();
    expect((await post()).status).toBe(429);
    expect((await post('Bearer atlas_not-a-real-token')).status).toBe(429);
    expect((await post(`Bearer ${secret}`)).status).toBe(200);
  });
});
