/**
 * Merges the API's JST and partnership hits into one list. The API already orders each list best
 * match first; the map ranks with the API's own rule (server/shared: one folding, one set of
 * patterns) to interleave the two lists: rank first, then gminy, partnerships, powiaty,
 * województwa, and within that the API's order.
 */
import { matchRank } from '../../../server/shared/search-match.js';
import { searchKey, searchName } from '../../../server/shared/search-name.js';

export interface SearchHit {
  kind: 'gmina' | 'powiat' | 'wojewodztwo' | 'partnership';
  id: string;
  label: string;
  /** Shown under the label; a partnership's short name, which the search matches too. */
  detail: string;
  /** [west, south, east, north] (lng,lat degrees) to fly to, when the API knows it. */
  bbox?: number[] | null;
}

const KIND_ORDER: Record<SearchHit['kind'], number> = { gmina: 0, partnership: 1, powiat: 2, wojewodztwo: 3 };

/** The SearchRank of a hit for the typed text (null: no match), as the API ranks it. */
export function hitRank(hit: SearchHit, query: string): number | null {
  return matchRank(searchKey(hit.kind === 'partnership' ? [hit.label, hit.detail] : [hit.label]), searchName(query));
}

/** Hits that match at all, best first; at most `limit`. Hits of one kind keep the API's order (a stable sort). */
export function rankHits(hits: SearchHit[], query: string, limit = 12): SearchHit[] {
  return hits
    .map((h) => ({ h, r: hitRank(h, query) }))
    .filter((x): x is { h: SearchHit; r: number } => x.r !== null)
    .sort((a, b) => a.r - b.r || KIND_ORDER[a.h.kind] - KIND_ORDER[b.h.kind])
    .slice(0, limit)
    .map((x) => x.h);
}
