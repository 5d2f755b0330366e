/** Boundaries held in memory: gminy at the best detail loaded so far, plus powiaty and województwa. */
import turfBbox from '@turf/bbox';
import { fetchJstFeatures } from '../api/queries.js';
import type { JstCollection, JstFeature } from '../api/types.js';
import { COARSE, FINE, voivodeshipsToRefine } from './detail-level.js';

export class GeoData {
  readonly gminy = new Map<string, JstFeature>();
  powiaty: JstCollection = { type: 'FeatureCollection', features: [] };
  wojewodztwa: JstCollection = { type: 'FeatureCollection', features: [] };
  /** Partnership slugs of each powiat (its gminy belong to them through it). */
  readonly countyPartnerships = new Map<string, string[]>();
  readonly voivodeshipBoxes = new Map<string, number[]>();
  readonly voivodeshipNames = new Map<string, string>();
  readonly refined = new Set<string>();
  private refining = new Set<string>();

  async loadCoarse(): Promise<void> {
    const [g, p, w] = await Promise.all([
      fetchJstFeatures('MUNICIPALITY', COARSE.simplify, COARSE.precision),
      fetchJstFeatures('COUNTY', COARSE.simplify, COARSE.precision),
      fetchJstFeatures('VOIVODESHIP', COARSE.simplify, COARSE.precision),
    ]);
    for (const f of g.features) this.gminy.set(f.properties.teryt, f);
    this.powiaty = p;
    this.wojewodztwa = w;
    for (const f of p.features) this.countyPartnerships.set(f.properties.teryt, f.properties.partnerships);
    for (const f of w.features) {
      this.voivodeshipBoxes.set(f.properties.teryt, turfBbox(f) as number[]);
      this.voivodeshipNames.set(f.properties.teryt, f.properties.name.toLocaleLowerCase('pl'));
    }
  }

  /** Partnerships a gmina belongs to: its own memberships and those of its powiat. */
  memberOf(f: JstFeature): string[] {
    const viaCounty = f.properties.parent ? (this.countyPartnerships.get(f.properties.parent) ?? []) : [];
    return [...f.properties.partnerships, ...viaCounty];
  }

  /** Swaps in fine gminy of the województwa in view; resolves true when anything changed. */
  async refine(view: [number, number, number, number]): Promise<boolean> {
    const todo = voivodeshipsToRefine(view, this.voivodeshipBoxes, new Set([...this.refined, ...this.refining]));
    if (todo.length === 0) return false;
    for (const code of todo) this.refining.add(code);
    const parts = await Promise.all(todo.map((code) => fetchJstFeatures('MUNICIPALITY', FINE.simplify, FINE.precision, code)));
    parts.forEach((coll, i) => {
      for (const f of coll.features) this.gminy.set(f.properties.teryt, f);
      this.refined.add(todo[i]);
      this.refining.delete(todo[i]);
    });
    return true;
  }
}
