// First: on a Node too old for the dependencies, stop with one clear line before they load.
import './node-version.js';
import { startApp, type RunningApp } from './app.js';
import { MigrationsPendingError } from './bootstrap.js';
import { loadConfig } from './config.js';
import { reportCoded } from './db/cli-session.js';
import { DataDirLockedError } from './db/data-dir-lock.js';

/** `npm start`: the API at /graphql and the map at /, on the embedded database unless DATABASE_URL is set. */
const config = loadConfig();
const started = performance.now();
console.log(config.database.kind === 'pglite' ? `database: embedded PGlite + PostGIS in ${config.database.dataDir}` : 'database: PostgreSQL server (DATABASE_URL)');

/** In-flight requests get this long (app.close cuts connections after 10 s); then the process exits anyway. */
const HARD_EXIT_MS = 15_000;

let app: RunningApp;
try {
  app = await startApp(config, {
    owner: { command: 'the server (npm start)', hint: 'Stop that server first (Ctrl+C in its terminal, or kill <pid>), or set PGLITE_DATA_DIR to another folder.' },
  });
} catch (error) {
  if (!(error instanceof DataDirLockedError || error instanceof MigrationsPendingError)) throw error;
  reportCoded(error.code, error.message);
  process.exit(1);
}
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.log(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: no new connections; finishing requests, then closing the database (again to exit at once)`);
    setTimeout(() => {
      console.error(`shutdown took over ${HARD_EXIT_MS / 1000} s: exiting`);
      process.exit(1);
    }, HARD_EXIT_MS).unref();
    app.close().then(
      () => {
        console.log('stopped: requests finished, database closed');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

// Announced only once the handlers above are in place: a supervisor that signals as soon as it reads
// the address must reach them, not the default action (killed mid-request, database not closed).
console.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`GraphQL API: ${app.url}/graphql`);
console.log(`Map:         ${app.url}/`);
