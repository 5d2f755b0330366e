import { defineConfig, type Plugin } from 'vite';

/**
 * Preloads MapLibre's worker script from the map page's <head>: the worker is otherwise requested only once
 * the app has run and made the map, and its 120 KB then stand between the map and its first tile. The worker
 * finds it in the HTTP cache (the file is hashed and served immutable).
 */
function preloadMapWorker(): Plugin {
  return {
    name: 'atlas-preload-map-worker',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return [];
        const worker = Object.keys(ctx.bundle).find((file) => /\/maplibre-gl-worker-[\w-]+\.js$/.test(file));
        return worker ? [{ tag: 'link', attrs: { rel: 'preload', href: `/${worker}`, as: 'fetch', crossorigin: '' }, injectTo: 'head' }] : [];
      },
    },
  };
}

// Built into web/dist; the API server serves index.html at `/` and `/embed`, graphiql.html at
// GET /graphql for browsers. Two entries, so the map's first view never loads GraphiQL's code.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [preloadMapWorker()],
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
