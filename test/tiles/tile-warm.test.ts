import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import type { Em } from '../../server/db/orm.js';
import { TileService } from '../../server/tiles/tile-service.js';
import { TILE_LAYER_NAMES } from '../../server/tiles/tile-layers.js';
import { openSeededDatabase, testBackends, testConfig, type TestDatabase } from '../support/database.js';
import { rawRequest } from '../http/raw-request.js';

/** The tiles of the map's first view (all of Poland at zoom 5). */
const FIRST_VIEW = [{ z: 5, x: 17, y: 10 }, { z: 5, x: 18, y: 10 }];

describe.each(testBackends())('tile warm-up ($name)', ({ database }) => {
  let db: TestDatabase;
  let statements = 0;
  beforeAll(async () => {
    db = await openSeededDatabase(database, { onQuery: () => void statements++ });
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('reads every layer ahead, so the first view costs no statement beyond the version', async () => {
    const tiles = new TileService(() => db.em() as Em);
    await tiles.warm();
    expect(tiles.builtLayers.sort()).toEqual([...TILE_LAYER_NAMES].sort());
    const version = await tiles.version();
    const before = statements;
    for (const layer of TILE_LAYER_NAMES) for (const address of FIRST_VIEW) await tiles.tile(version, layer, address);
    expect(statements - before).toBe(0);
  });

  it('reads a layer on its first tile without the warm-up', async () => {
    const tiles = new TileService(() => db.em() as Em);
    const version = await tiles.version();
    const before = statements;
    await tiles.tile(version, 'gminy', FIRST_VIEW[0]!);
    expect(statements - before).toBeGreaterThan(0);
  });

  describe('at start (TILES_WARM_ON_START on)', () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp({ ...testConfig(db.database), warmTilesOnStart: true }, { orm: db.orm, log: () => {} });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers while it warms up, and serves the first view from memory once warm', async () => {
      // Listening (and the health check answering) does not wait for the warm-up.
      expect((await rawRequest(`${app.url}/health/live`)).status).toBe(200);
      await app.tilesWarm;
      const before = statements;
      const answer = await rawRequest(`${app.url}/tiles/gminy/5/17/10.mvt`);
      expect(answer.status).toBe(200);
      // The version read by the route and by the HTTP layer, nothing of the layer itself.
      expect(statements - before).toBeLessThanOrEqual(2);
    });
  });
});
