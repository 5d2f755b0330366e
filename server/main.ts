import { startApp } from './app.js';
import { loadConfig } from './config.js';

/** `npm start`: the API at /graphql and the map at /, on the embedded database unless DATABASE_URL is set. */
const config = loadConfig();
const started = performance.now();
console.log(config.database.kind === 'pglite' ? `database: embedded PGlite + PostGIS in ${config.database.dataDir}` : 'database: PostgreSQL server (DATABASE_URL)');
const app = await startApp(config);
console.log(`ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`GraphQL API: ${app.url}/graphql`);
console.log(`Map:         ${app.url}/`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests and closing the database`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
