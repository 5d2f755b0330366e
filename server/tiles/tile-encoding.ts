import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ContentCoding = 'br' | 'gzip';

/** Tiles smaller than this go as they are, as the compression plugin does (its threshold). */
export const COMPRESS_FROM_BYTES = 1024;
/**
 * Brotli quality of a cached tile: compressed once and sent many times, so a notch above the
 * compression plugin's 4 (per answer); 11 would cost the first request of a dense tile a quarter second.
 */
const BROTLI_QUALITY = 6;

/**
 * The coding the client prefers of brotli and gzip by its Accept-Encoding (q-values honoured, `*`
 * standing for both, brotli on a tie, as the compression plugin chooses), or null for none.
 */
export function preferredCoding(header: string | undefined): ContentCoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [coding, ...params] = part.split(';').map((s) => s.trim());
    const weight = params.find((p) => p.startsWith('q='));
    if (coding) q.set(coding, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const of = (coding: ContentCoding) => q.get(coding) ?? q.get('*') ?? 0;
  const [br, gzip] = [of('br'), of('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : null;
}

/** Compressed copies of cached tiles, made on first use and dropped with the tile itself (a tile is shared, never mutated). */
const copies = new WeakMap<Buffer, Partial<Record<ContentCoding, Buffer>>>();

/** `tile` in `coding`, compressed once per tile. */
export function compressedTile(tile: Buffer, coding: ContentCoding): Buffer {
  let made = copies.get(tile);
  if (!made) copies.set(tile, (made = {}));
  return (made[coding] ??= coding === 'br' ? brotliCompressSync(tile, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : gzipSync(tile));
}
