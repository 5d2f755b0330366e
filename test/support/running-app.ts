import { afterAll, beforeAll } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { openSeededDatabase, testConfig, type TestDatabase } from './database.js';

export interface RunningTestApp {
  db: TestDatabase;
  app: RunningApp;
}

/** Registers hooks that serve the whole app over HTTP on a seeded embedded database, for one `describe`. */
export function useRunningApp(): RunningTestApp {
  const context = {} as RunningTestApp;
  beforeAll(async () => {
    context.db = await openSeededDatabase({ kind: 'pglite', dataDir: 'memory://' });
    context.app = await startApp(testConfig(context.db.database), { orm: context.db.orm, log: () => {} });
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.dispose();
  });
  return context;
}
