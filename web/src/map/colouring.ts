/** Which partnerships are shown, which colour each gets, and how a gmina is painted. Pure logic. */
import type { ViewState } from '../state/url-state.js';
import { NONE_FILL } from './palette.js';

export interface PartnershipFacts {
  slug: string;
  legalForm: string;
  areaType: string;
  participations: { status: string; programme: string }[];
  /** [west, south, east, north] of the functional area, if it has one. */
  bbox: number[] | null;
  /** 2-digit TERC codes of the województwa its current members lie in. */
  voivodeships: string[];
}

/** Partnerships the filters of the view let through, in slug order. */
export function visiblePartnerships(all: PartnershipFacts[], view: Pick<ViewState, 'programme' | 'status' | 'voivodeship' | 'legalForms' | 'areaTypes'>): PartnershipFacts[] {
  return all
    .filter((p) => {
      if (view.programme || view.status) {
        const hit = p.participations.some(
          (x) => (!view.programme || x.programme === view.programme) && (!view.status || x.status === view.status),
        );
        if (!hit) return false;
      }
      if (view.voivodeship && !p.voivodeships.includes(view.voivodeship)) return false;
      if (view.legalForms.length && !view.legalForms.includes(p.legalForm)) return false;
      if (view.areaTypes.length && !view.areaTypes.includes(p.areaType)) return false;
      return true;
    })
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

function overlaps(a: number[] | null, b: number[] | null): boolean {
  if (!a || !b) return false;
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Greedy colouring: each partnership (largest first, then by slug, so the result is stable) takes
 * the palette colour least used by the partnerships whose areas overlap its own, ties broken by the
 * colour least used overall, then palette order. Neighbours differ whenever the palette allows.
 */
export function assignColours(partnerships: PartnershipFacts[], palette: readonly string[]): Map<string, string> {
  const area = (p: PartnershipFacts) => (p.bbox ? (p.bbox[2] - p.bbox[0]) * (p.bbox[3] - p.bbox[1]) : 0);
  const order = [...partnerships].sort((a, b) => area(b) - area(a) || a.slug.localeCompare(b.slug));
  const colours = new Map<string, string>();
  const used = new Map<string, number>(palette.map((c) => [c, 0]));
  for (const p of order) {
    const near = new Map<string, number>(palette.map((c) => [c, 0]));
    for (const q of order) {
      const c = colours.get(q.slug);
      if (c && overlaps(p.bbox, q.bbox)) near.set(c, (near.get(c) ?? 0) + 1);
    }
    let best = palette[0];
    for (const c of palette) {
      const better = near.get(c)! < near.get(best)! || (near.get(c) === near.get(best) && used.get(c)! < used.get(best)!);
      if (better) best = c;
    }
    colours.set(p.slug, best);
    used.set(best, used.get(best)! + 1);
  }
  return colours;
}

export interface GminaPaint {
  /** Fill colour: the colour of its first shown partnership, or the "none" grey. */
  fill: string;
  /** Number of shown partnerships it belongs to (0 = none, ≥2 = hatched). */
  count: number;
  /** Slugs of its shown partnerships, in slug order. */
  shown: string[];
}

/**
 * Paint of one gmina from the partnerships it is a member of, directly or through its powiat.
 * Only shown partnerships count; a gmina in none of them is "none".
 */
export function paintGmina(memberOf: readonly string[], colours: ReadonlyMap<string, string>): GminaPaint {
  const shown = [...new Set(memberOf)].filter((s) => colours.has(s)).sort();
  if (shown.length === 0) return { fill: NONE_FILL, count: 0, shown };
  return { fill: colours.get(shown[0])!, count: shown.length, shown };
}
