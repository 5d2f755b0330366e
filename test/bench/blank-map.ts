/**
 * A blank MapLibre map (a background layer, no data) for `npm run bench:web` to time the atlas's first
 * view against: its page, script and MapLibre's own files, written for the run into web/dist/assets
 * under a unique prefix and precompressed as web/precompress.mjs does the app's files, so the same server
 * serves them the same way as the app's, and removed afterwards. Nothing of it is in the product.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { repoRoot } from '../../server/config.js';
import { POLAND } from '../../web/src/map/extent.js';

export interface BlankMap {
  /** Path of the page, e.g. `/assets/bench-blank-….html`. */
  page: string;
  remove(): void;
}

/** Writes the blank map's files; the page exposes the hook measureFirstView waits for (`__atlas`). */
export function writeBlankMap(dist = path.join(repoRoot, 'web', 'dist')): BlankMap {
  const assets = path.join(dist, 'assets');
  const prefix = `bench-blank-${randomUUID().slice(0, 8)}`;
  const maplibre = path.join(repoRoot, 'node_modules', 'maplibre-gl', 'dist');
  const files = {
    page: `${prefix}.html`, script: `${prefix}.js`, lib: `${prefix}-maplibre.mjs`, worker: `${prefix}-worker.mjs`, css: `${prefix}.css`,
  };
  copyFileSync(path.join(maplibre, 'maplibre-gl.mjs'), path.join(assets, files.lib));
  copyFileSync(path.join(maplibre, 'maplibre-gl-worker.mjs'), path.join(assets, files.worker));
  copyFileSync(path.join(maplibre, 'maplibre-gl.css'), path.join(assets, files.css));
  writeFileSync(path.join(assets, files.page), `<!doctype html><html><head><meta charset="utf-8"><title>blank map</title>
<link rel="stylesheet" href="${files.css}"><style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script type="module" src="${files.script}"></script></body></html>`);
  writeFileSync(path.join(assets, files.script), `import * as maplibregl from './${files.lib}';
maplibregl.setWorkerUrl(new URL('./${files.worker}', import.meta.url).href);
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } }] },
  bounds: ${JSON.stringify(POLAND)}, fitBoundsOptions: { padding: 20 },
});
map.once('load', () => {
  globalThis.__atlas = { ready: true, stats: { byLabel: {} }, idle: () => new Promise((resolve) => (map.loaded() && map.areTilesLoaded() ? resolve() : map.once('idle', resolve))) };
});
`);
  // As the app's build: the best brotli and gzip beside each file, so neither side is compressed on the fly.
  for (const f of Object.values(files)) {
    const content = readFileSync(path.join(assets, f));
    writeFileSync(path.join(assets, `${f}.br`), brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }));
    writeFileSync(path.join(assets, `${f}.gz`), gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
  }
  const written = Object.values(files).flatMap((f) => [f, `${f}.br`, `${f}.gz`]);
  return {
    page: `/assets/${files.page}`,
    remove: () => written.forEach((f) => rmSync(path.join(assets, f), { force: true })),
  };
}
