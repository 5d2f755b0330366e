import { describe, expect, it } from '@jest/globals';
import { MAP_PALETTE_SLOTS, MapColourService, NEIGHBOUR_METRES } from '../../server/colour/map-colour.service.js';
import { query } from '../../server/db/sql.js';
import { PARTNERSHIP_PALETTE } from '../../web/src/map/palette.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const COLOURS = '{ mapColours { slug slot neighbours } }';
type Row = { slug: string; slot: number; neighbours: string[] };

it('has one colour of the map’s palette per slot', () => {
  expect(PARTNERSHIP_PALETTE).toHaveLength(MAP_PALETTE_SLOTS);
});

describe.each(testBackends())('map colours on $name', ({ database }) => {
  const seeded = useSeededApi(database);

  it('finds neighbouring areas with PostGIS: Łódzki OM and Kutno–Łęczyca (18 km apart) are neighbours', async () => {
    const { edges } = await new MapColourService(seeded.db.em(), null).adjacency();
    expect(edges).toContainEqual({ a: 'lodzki-obszar-metropolitalny', b: 'miedzy-kutnem-a-leczyca' });
    // Touching areas are neighbours (Kraków's two partnerships overlap), far ones are not.
    expect(edges).toContainEqual({ a: 'blisko-krakowa', b: 'metropolia-krakowska' });
    expect(edges).not.toContainEqual({ a: 'lodzki-obszar-metropolitalny', b: 'obszar-metropolitalny-warszawy' });
    // Every pair the service reports really lies within the distance, checked on the geography (1 km for the projection).
    const far = await query<{ a: string }>(
      seeded.db.em(),
      `select a.slug as a from partnership a join partnership b on a.slug < b.slug
       where a.area is not null and b.area is not null and not ST_DWithin(a.area::geography, b.area::geography, ${NEIGHBOUR_METRES + 1000})
         and (a.slug, b.slug) in (${edges.map(() => '(?, ?)').join(',')})`,
      edges.flatMap((e) => [e.a, e.b]),
    );
    expect(far).toEqual([]);
  });

  it('gives every drawn partnership a slot no neighbour shares', async () => {
    const { mapColours } = (await seeded.api.data(COLOURS)) as { mapColours: Row[] };
    const slot = new Map(mapColours.map((c) => [c.slug, c.slot]));
    const areas = await query<{ slug: string }>(seeded.db.em(), 'select slug from partnership where archived_at is null and area is not null and member_count > 0 order by slug');
    expect(mapColours.map((c) => c.slug)).toEqual(areas.map((a) => a.slug));
    expect(mapColours.filter((c) => c.neighbours.length > 0).length).toBeGreaterThan(10);
    for (const c of mapColours) {
      expect(c.slot).toBeGreaterThanOrEqual(0);
      expect(c.slot).toBeLessThan(MAP_PALETTE_SLOTS);
      for (const n of c.neighbours) expect([c.slug, n, slot.get(n)]).not.toEqual([c.slug, n, c.slot]);
    }
    expect(slot.get('lodzki-obszar-metropolitalny')).not.toBe(slot.get('miedzy-kutnem-a-leczyca'));
  });

  it('answers the same twice (deterministic, and from the cache the second time)', async () => {
    const first = await seeded.api.data(COLOURS);
    expect(await seeded.api.data(COLOURS)).toEqual(first);
  });
});
