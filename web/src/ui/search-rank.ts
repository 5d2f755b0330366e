/** Ranking of search hits: exact, then prefix, then word-prefix, then contains; gminy before powiaty. */

/** Lower case without Polish (and other Latin) diacritics; ł → l, which NFD does not split. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'l').toLowerCase().trim();
}

export interface SearchHit {
  kind: 'gmina' | 'powiat' | 'wojewodztwo' | 'partnership';
  id: string;
  label: string;
  detail: string;
}

const KIND_ORDER: Record<SearchHit['kind'], number> = { gmina: 0, partnership: 1, powiat: 2, wojewodztwo: 3 };

export function matchRank(label: string, query: string): number {
  const l = fold(label);
  const q = fold(query);
  if (!q) return 4;
  if (l === q) return 0;
  if (l.startsWith(q)) return 1;
  if (l.split(/[\s\-–()"„”,.]+/).some((w) => w.startsWith(q))) return 2;
  if (l.includes(q)) return 3;
  return 4;
}

/** Hits that match at all, best first; at most `limit`. */
export function rankHits(hits: SearchHit[], query: string, limit = 12): SearchHit[] {
  return hits
    .map((h) => ({ h, r: matchRank(h.label, query) }))
    .filter((x) => x.r < 4)
    .sort((a, b) => a.r - b.r || KIND_ORDER[a.h.kind] - KIND_ORDER[b.h.kind] || a.h.label.localeCompare(b.h.label, 'pl') || a.h.id.localeCompare(b.h.id))
    .slice(0, limit)
    .map((x) => x.h);
}
