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

/**
 * Colour of each partnership: the palette colour of its slot in the server's colouring of the whole
 * dataset (GraphQL `mapColours`: neighbouring areas differ), so it is the same whatever the filters
 * and whichever page load. A partnership the colouring does not know (it has no area, so nothing of
 * it is drawn) takes the first colour.
 */
export function assignColours(partnerships: readonly { slug: string }[], slots: ReadonlyMap<string, number>, palette: readonly string[]): Map<string, string> {
  return new Map(partnerships.map((p) => [p.slug, palette[(slots.get(p.slug) ?? 0) % palette.length]!]));
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
