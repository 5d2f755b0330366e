import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

/**
 * Simplification that keeps neighbours edge to edge, for the low-zoom tiles. The gminy, powiaty and
 * województwa tile the country: neighbours share every vertex of their common boundary. Simplifying
 * each polygon on its own (as geojson-vt does) drops different vertices on the two sides of a
 * boundary, so any tolerance above a fraction of a pixel opens visible gaps and overlaps. Here every
 * ring is cut into arcs at its junctions (vertices where the ring's neighbours change) and each arc
 * is simplified by Douglas–Peucker in a canonical direction, so the two rings that share an arc keep
 * exactly the same vertices of it. Distances are measured in Web Mercator (the tiles' plane), and the
 * kept vertices are the stored lng,lat positions, unchanged.
 */

/** Position → key; the stored coordinates have a fixed number of decimals, so shared vertices are equal. */
const keyOf = (p: Position) => `${p[0]},${p[1]}`;

/** Web Mercator of lng,lat degrees, in world units (0…1 on each axis), as geojson-vt projects. */
function mercator(p: Position): [number, number] {
  const sin = Math.sin((p[1] * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return [p[0] / 360 + 0.5, Math.min(Math.max(y, 0), 1)];
}

/** Every ring of a polygonal geometry, open (without the closing repeat of the first vertex). */
function ringsOf(geometry: Geometry): Position[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.flatMap((rings) => rings.map((ring) => ring.slice(0, -1)));
}

/**
 * Vertices where rings meet or part: a vertex seen with two different (unordered) pairs of
 * neighbours, or at the end of the only pair on one ring and not on another.
 */
function junctions(features: Feature[]): Set<string> {
  const seen = new Map<string, string>();
  const found = new Set<string>();
  for (const f of features) {
    if (!f.geometry) continue;
    for (const ring of ringsOf(f.geometry)) {
      const n = ring.length;
      for (let i = 0; i < n; i++) {
        const key = keyOf(ring[i]!);
        const [a, b] = [keyOf(ring[(i + n - 1) % n]!), keyOf(ring[(i + 1) % n]!)];
        const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
        const before = seen.get(key);
        if (before === undefined) seen.set(key, pair);
        else if (before !== pair) found.add(key);
      }
    }
  }
  return found;
}

/** Douglas–Peucker of `line` (both ends kept) at `sqTolerance` (squared world units): the indexes kept, ascending. */
function douglasPeucker(points: [number, number][], sqTolerance: number): number[] {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let [maxSq, index] = [sqTolerance, -1];
    for (let i = first + 1; i < last; i++) {
      const d = sqSegmentDistance(points[i]!, points[first]!, points[last]!);
      if (d > maxSq) [maxSq, index] = [d, i];
    }
    if (index < 0) continue;
    keep[index] = 1;
    stack.push([first, index], [index, last]);
  }
  const kept: number[] = [];
  keep.forEach((k, i) => k && kept.push(i));
  return kept;
}

/** Squared distance from p to the segment a–b (to a when the segment is a point, as for a closed arc). */
function sqSegmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  let [x, y] = a;
  let [dx, dy] = [b[0] - x, b[1] - y];
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) [x, y] = [x + dx * t, y + dy * t];
  }
  [dx, dy] = [p[0] - x, p[1] - y];
  return dx * dx + dy * dy;
}

/** True when `arc` read backwards comes first (the canonical direction of a shared arc is the smaller one). */
function backwardsFirst(arc: Position[]): boolean {
  for (let i = 0, j = arc.length - 1; i < j; i++, j--) {
    const [a, b] = [arc[i]!, arc[j]!];
    if (a[0] !== b[0]) return b[0] < a[0];
    if (a[1] !== b[1]) return b[1] < a[1];
  }
  return false;
}

/** `arc` (both ends kept) simplified the same whichever way a ring runs along it. */
function simplifyArc(arc: Position[], sqTolerance: number): Position[] {
  const flip = backwardsFirst(arc);
  const canonical = flip ? [...arc].reverse() : arc;
  const kept = douglasPeucker(canonical.map(mercator), sqTolerance).map((i) => canonical[i]!);
  return flip ? kept.reverse() : kept;
}

/** One ring (open) simplified arc by arc; closed again. A ring with no junction is one arc from its smallest vertex. */
function simplifyRing(ring: Position[], at: Set<string>, sqTolerance: number): Position[] {
  let cuts = ring.flatMap((p, i) => (at.has(keyOf(p)) ? [i] : []));
  if (!cuts.length) {
    let smallest = 0;
    ring.forEach((p, i) => (p[0] < ring[smallest]![0] || (p[0] === ring[smallest]![0] && p[1] < ring[smallest]![1])) && (smallest = i));
    cuts = [smallest];
  }
  const rotated = [...ring.slice(cuts[0]), ...ring.slice(0, cuts[0])];
  const starts = cuts.map((c) => (c - cuts[0]! + ring.length) % ring.length);
  const out: Position[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? ring.length;
    const arc = [...rotated.slice(start, end + 1), ...(end === ring.length ? [rotated[0]!] : [])];
    out.push(...simplifyArc(arc, sqTolerance).slice(0, -1));
  });
  return [...out, out[0]!];
}

/** A polygon's rings simplified; null when its outer ring collapses (fewer than three distinct vertices). */
function simplifyPolygon(rings: Position[][], at: Set<string>, sqTolerance: number): Position[][] | null {
  const [outer, ...holes] = rings.map((ring) => simplifyRing(ring.slice(0, -1), at, sqTolerance));
  return outer && outer.length >= 4 ? [outer, ...holes.filter((ring) => ring.length >= 4)] : null;
}

/** Junctions of a collection, found once for all the tolerances it is simplified at. */
const junctionsOf = new WeakMap<FeatureCollection, Set<string>>();

/**
 * The features with their polygons simplified at `tolerance` (world units of Web Mercator, 0…1:
 * one pixel of a 512-pixel tile at zoom z is 1 / (512 · 2^z)), neighbours still sharing every vertex of
 * their common boundary. Parts that collapse are dropped (and so are their neighbours' matching holes),
 * except a feature's last one, kept as stored; other geometries pass unchanged.
 */
export function simplifyCoverage(collection: FeatureCollection, tolerance: number): FeatureCollection {
  let at = junctionsOf.get(collection);
  if (!at) junctionsOf.set(collection, (at = junctions(collection.features)));
  const sq = tolerance * tolerance;
  const features = collection.features.flatMap((f): Feature[] => {
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') return [f];
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((rings) => simplifyPolygon(rings, at, sq)).filter((p) => p !== null);
    // A unit smaller than the tolerance keeps its shape rather than vanish from the map (and from what the map lists).
    return [polygons.length ? { ...f, geometry: { type: 'MultiPolygon', coordinates: polygons } } : f];
  });
  return { ...collection, features };
}
