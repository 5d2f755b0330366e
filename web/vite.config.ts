import { defineConfig } from 'vite';

// Built into web/dist; the API server serves index.html at `/` and `/embed`, graphiql.html at
// GET /graphql for browsers. Two entries, so the map's first view never loads GraphiQL's code.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Monaco (GraphiQL's editor) is one 2.8 MB chunk, loaded only by the GraphiQL page.
    chunkSizeWarningLimit: 3000,
    manifest: true,
    // Every browser the target allows supports modulepreload; the polyfill would be a chunk of its own
    // shared by both pages, one more request in the map's first view.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        map: `${import.meta.dirname}/index.html`,
        graphiql: `${import.meta.dirname}/graphiql.html`,
      },
      // Monaco's build is slow on a busy machine; a timing report is no warning about our code.
      checks: { pluginTimings: false },
      // GraphiQL's React dependencies mark their modules "use client", which means nothing outside
      // React Server Components; the bundler's warning about dropping it is noise.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4100' },
  },
});
