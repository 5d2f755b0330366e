import { describe, expect, it } from '@jest/globals';
import { createTestTokens, partnershipFixture } from '../support/editing-fixtures.js';
import { testBackends } from '../support/database.js';
import { fetchPath, labelPoint, tileAt, tileFeatures, useTileServer } from './tile-support.js';

interface TileJson {
  tiles: string[];
}

/** A write moves the dataset version: the next tile and TileJSON show the data as it now is. */
describe.each(testBackends())('vector tiles after a write ($name)', ({ database }) => {
  const server = useTileServer(database);

  it('shows a new partnership in the tiles of its member at once, under a new URL token', async () => {
    const [lng, lat] = await labelPoint(server, '1261011');
    const { z, x, y } = tileAt(lng, lat, 9);
    const template = async () => (JSON.parse((await fetchPath(server, '/tiles/gminy.json')).body.toString()) as TileJson).tiles[0]!;
    const slugsOfKrakow = async () => String((await tileFeatures(server, 'gminy', z, x, y)).find((f) => f.id === 1261011)!.properties.partnerships).split(',');
    const before = await template();
    const versioned = before.replace(server.app.url, '').replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
    const oldTile = await fetchPath(server, versioned);
    expect(oldTile.headers['cache-control']).toMatch(/immutable/);
    // Cached before the write, so a stale tile would be there to serve.
    const slugsBefore = await slugsOfKrakow();

    const { admin } = await createTestTokens(server.db.em());
    const { slug } = await partnershipFixture(server.api, admin, ['12'], ['1261011', '1206'], 'kafelki');
    expect(slugsBefore).not.toContain(slug);

    expect(await slugsOfKrakow()).toContain(slug);
    const after = await template();
    expect(after).not.toBe(before);
    // The old versioned URL still answers, with the current tile and a short max-age: it is no longer immutable.
    const stale = await fetchPath(server, versioned);
    expect(stale.headers['cache-control']).toMatch(/^public, max-age=30\b/);
    expect(stale.headers.etag).not.toBe(oldTile.headers.etag);
    // The partnership's functional area and label appear too.
    const areas = await tileFeatures(server, 'areas', z, x, y);
    expect(areas.map((a) => a.properties.slug)).toContain(slug);
    const labels = await tileFeatures(server, 'labels', 6, ...(Object.values(tileAt(lng, lat, 6)).slice(1) as [number, number]));
    expect(labels.filter((l) => l.properties.kind === 'partnership').map((l) => l.properties.slug)).toContain(slug);
  });
});
