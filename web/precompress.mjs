// After `vite build`: writes `<file>.br` and `<file>.gz` beside each compressible file of web/dist,
// which the server sends as they are (@fastify/static `preCompressed`) to clients that accept them,
// so the map's assets are compressed once, at the best ratio, instead of on every request.
// Usage: node web/precompress.mjs [folder]   (default: web/dist)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, 'dist'));
/** Types that shrink; images and fonts in web/dist are compressed formats already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.pbf', '.txt', '.map', '.wasm']);
/** Files smaller than this (bytes) gain nothing worth a second request path. */
const MIN_BYTES = 1024;

/** Every file under `dir`, recursively. */
const filesUnder = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

let before = 0;
let after = 0;
for (const file of filesUnder(dist)) {
  if (!COMPRESSIBLE.has(path.extname(file)) || statSync(file).size < MIN_BYTES) continue;
  const content = readFileSync(file);
  const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  // A compressed copy no smaller than the file would only cost bytes: the file is sent instead.
  if (br.length < content.length) writeFileSync(`${file}.br`, br);
  if (gz.length < content.length) writeFileSync(`${file}.gz`, gz);
  before += content.length;
  after += Math.min(br.length, content.length);
}
console.log(`precompressed ${path.relative(process.cwd(), dist) || '.'}: ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB (brotli)`);
