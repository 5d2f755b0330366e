/** Says up front which backends this run covers, so a skipped server run is never silent. */
export default function globalSetup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const safe = url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
    console.log(`\n[atlas] database backends: embedded PGlite + PostGIS server at ${safe}`);
  } else {
    console.log('\n[atlas] database backends: embedded PGlite only. PostGIS SERVER TESTS ARE SKIPPED: set TEST_DATABASE_URL to run them (.ci/run does).');
  }
}
