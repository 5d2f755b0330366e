import { sizedAsJson, type ReadCache } from '../dataset/read-cache.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { colourGraph, type Edge } from './graph-colouring.js';

/**
 * How many colours the map's identity palette has (web/src/map/palette.ts, six of Paul Tol's
 * "light" scheme): slots run from 0 to MAP_PALETTE_SLOTS − 1.
 */
export const MAP_PALETTE_SLOTS = 6;

/**
 * Areas closer than this (metres, in EPSG:2180, Poland's CS92) are neighbours on the map. Not only
 * touching ones: at the country view 20 km is a few pixels, and two areas that close in one colour
 * read as one (Łódzki OM and Kutno–Łęczyca, 18 km apart, were both orange).
 */
export const NEIGHBOUR_METRES = 20_000;

export interface MapColour {
  slug: string;
  /** Palette slot, 0…MAP_PALETTE_SLOTS − 1. */
  slot: number;
  /** Slugs of the partnerships whose areas lie within NEIGHBOUR_METRES of this one, in slug order. */
  neighbours: string[];
}

/** Partnerships drawn on the map: those the `areas` tile layer has (docs/tiles.md). */
const DRAWN = (p: string) => `${p}.archived_at is null and ${p}.area is not null and ${p}.member_count > 0`;

/**
 * Every drawn partnership's map colour: the graph of areas that touch, overlap or lie within
 * NEIGHBOUR_METRES of each other (PostGIS) coloured so neighbours differ. Computed from the
 * whole dataset, never a filtered part of it, so a partnership keeps its colour whatever the map
 * filters; cached per dataset version.
 */
export class MapColourService {
  constructor(
    private readonly em: Em,
    private readonly readCache: ReadCache | null,
  ) {}

  async colours(): Promise<MapColour[]> {
    const compute = async () => sizedAsJson(await this.compute());
    return this.readCache ? this.readCache.read(this.em, ['mapColours'], compute) : (await compute()).value;
  }

  /** Pairs of drawn partnerships whose areas lie within NEIGHBOUR_METRES, each once (a < b by slug). */
  async adjacency(): Promise<{ slugs: string[]; edges: Edge[] }> {
    const slugs = (await query<{ slug: string }>(this.em, `select slug from partnership p where ${DRAWN('p')} order by slug`)).map((r) => r.slug);
    // Projected once per area, then compared pairwise (the bounding-box test of ST_DWithin first).
    const edges = await query<Edge>(
      this.em,
      `with drawn as (select slug, ST_Transform(area, 2180) as geom from partnership p where ${DRAWN('p')})
       select a.slug as a, b.slug as b from drawn a join drawn b on a.slug < b.slug and ST_DWithin(a.geom, b.geom, ${NEIGHBOUR_METRES})
       order by a.slug, b.slug`,
    );
    return { slugs, edges };
  }

  private async compute(): Promise<MapColour[]> {
    const { slugs, edges } = await this.adjacency();
    const slots = colourGraph(slugs, edges, MAP_PALETTE_SLOTS);
    const near = new Map<string, string[]>(slugs.map((s) => [s, []]));
    for (const { a, b } of edges) {
      near.get(a)!.push(b);
      near.get(b)!.push(a);
    }
    return slugs.map((slug) => ({ slug, slot: slots.get(slug)!, neighbours: near.get(slug)!.sort() }));
  }
}
