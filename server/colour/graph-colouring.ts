/**
 * Colouring of a graph of partnerships (nodes: slugs; edges: areas that touch or overlap) so that
 * neighbours differ: DSatur (Brélaz 1979), made deterministic. Pure logic, no database.
 */

export interface Edge { a: string; b: string }

/**
 * Colour slots 0…limit−1 for every node. The next node coloured is the one whose neighbours already
 * use the most different slots (saturation), then the one with most neighbours, then the first
 * slug in code-point order; it takes the lowest slot no neighbour uses. The result depends only on
 * the graph, never on the order nodes or edges are given in.
 *
 * Among the slots no neighbour uses it takes the one fewest nodes have so far (lowest on a tie), not
 * simply the lowest: the colours are spread over the whole palette, so far-apart partnerships are
 * told apart too, not all painted in the first two colours.
 *
 * When every slot is taken by a neighbour (more than `limit` colours would be needed), the node
 * takes the slot the fewest neighbours use (then the same tie-breaks): the fewest conflicts, never
 * an uncoloured node.
 */
export function colourGraph(nodes: Iterable<string>, edges: Iterable<Edge>, limit: number): Map<string, number> {
  const neighbours = new Map<string, Set<string>>();
  for (const n of nodes) neighbours.set(n, new Set());
  for (const { a, b } of edges) {
    if (a === b || !neighbours.has(a) || !neighbours.has(b)) continue;
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  }
  const slots = new Map<string, number>();
  const used = Array<number>(limit).fill(0);
  const pending = new Set([...neighbours.keys()].sort());
  while (pending.size > 0) {
    const next = pickNext(pending, neighbours, slots);
    const slot = bestSlot(neighbours.get(next)!, slots, used);
    slots.set(next, slot);
    used[slot]! += 1;
    pending.delete(next);
  }
  return slots;
}

function saturation(node: string, neighbours: Map<string, Set<string>>, slots: Map<string, number>): number {
  const used = new Set<number>();
  for (const n of neighbours.get(node)!) if (slots.has(n)) used.add(slots.get(n)!);
  return used.size;
}

/** `pending` is in slug order, so the first best node wins ties. */
function pickNext(pending: Set<string>, neighbours: Map<string, Set<string>>, slots: Map<string, number>): string {
  let best = '';
  let bestKey: [number, number] = [-1, -1];
  for (const node of pending) {
    const key: [number, number] = [saturation(node, neighbours, slots), neighbours.get(node)!.size];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [node, key];
  }
  return best;
}

/** The slot fewest neighbours use, then the one fewest nodes use overall (`used`), then the lowest. */
function bestSlot(near: Set<string>, slots: Map<string, number>, used: number[]): number {
  const conflicts = used.map(() => 0);
  for (const n of near) if (slots.has(n)) conflicts[slots.get(n)!]! += 1;
  let best = 0;
  for (let slot = 1; slot < used.length; slot++) {
    if (conflicts[slot]! < conflicts[best]! || (conflicts[slot] === conflicts[best] && used[slot]! < used[best]!)) best = slot;
  }
  return best;
}
