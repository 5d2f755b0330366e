import { describe, expect, it } from '@jest/globals';
import type { DatasetVersion } from '../../server/dataset/dataset-version.js';
import { TileCache } from '../../server/tiles/tile-cache.js';

const version = (n: number, epoch = 'aaaaaaaa'): DatasetVersion => ({ epoch, version: n, changedAt: new Date(0), tag: `${epoch}.${n}` });
const tile = (bytes: number, fill = 1) => Buffer.alloc(bytes, fill);

/** The in-memory tile cache: per dataset version, bounded in bytes, shared computations. */
describe('TileCache', () => {
  it('makes a tile once per version and serves it from memory after', async () => {
    const cache = new TileCache({ maxBytes: 1_000_000 });
    let made = 0;
    const make = async () => (made++, tile(100));
    await cache.get(version(1), 'gminy/5/17/10', make);
    await cache.get(version(1), 'gminy/5/17/10', make);
    expect(made).toBe(1);
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it('makes every tile afresh at a newer version and drops the older ones', async () => {
    const cache = new TileCache({ maxBytes: 1_000_000 });
    await cache.get(version(1), 'a', async () => tile(10, 1));
    expect(await cache.get(version(2), 'a', async () => tile(10, 2))).toEqual(tile(10, 2));
    expect(cache.stats.entries).toBe(1);
    // A request that read the version just before a write neither gets nor keeps a tile of it.
    expect(await cache.get(version(1), 'a', async () => tile(10, 3))).toEqual(tile(10, 3));
    expect(cache.stats.entries).toBe(1);
    expect(await cache.get(version(2), 'a', async () => tile(10, 4))).toEqual(tile(10, 2));
    // Another database (epoch) starts over.
    expect(await cache.get(version(1, 'bbbbbbbb'), 'a', async () => tile(10, 5))).toEqual(tile(10, 5));
  });

  it('keeps empty tiles (204) as well', async () => {
    const cache = new TileCache({ maxBytes: 1_000_000 });
    let made = 0;
    await cache.get(version(1), 'ocean', async () => (made++, null));
    expect(await cache.get(version(1), 'ocean', async () => (made++, null))).toBeNull();
    expect(made).toBe(1);
  });

  it('stays within its bytes, least recently used out first', async () => {
    const cache = new TileCache({ maxBytes: 3 * (1000 + 64) });
    for (const key of ['a', 'b', 'c']) await cache.get(version(1), key, async () => tile(1000));
    await cache.get(version(1), 'a', async () => tile(1000)); // a is now the most recent
    await cache.get(version(1), 'd', async () => tile(1000));
    expect(cache.stats.bytes).toBeLessThanOrEqual(3 * (1000 + 64));
    let made = 0;
    await cache.get(version(1), 'a', async () => (made++, tile(1000)));
    expect(made).toBe(0);
    await cache.get(version(1), 'b', async () => (made++, tile(1000)));
    expect(made).toBe(1);
  });

  it('shares one computation between requests for the same tile at the same moment', async () => {
    const cache = new TileCache({ maxBytes: 1_000_000 });
    let made = 0;
    const make = async () => (made++, await new Promise((resolve) => setTimeout(resolve, 20)), tile(10));
    await Promise.all([1, 2, 3].map(() => cache.get(version(1), 'x', make)));
    expect(made).toBe(1);
  });
});
