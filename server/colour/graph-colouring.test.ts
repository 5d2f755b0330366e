import { describe, expect, it } from '@jest/globals';
import { colourGraph, type Edge } from './graph-colouring.js';

const e = (a: string, b: string): Edge => ({ a, b });
const conflicts = (slots: Map<string, number>, edges: Edge[]) => edges.filter(({ a, b }) => slots.get(a) === slots.get(b)).length;

describe('colourGraph (DSatur)', () => {
  // A wheel: hub h touching a ring of five (an odd cycle needs 3 colours, the hub a fourth).
  const ring = ['r1', 'r2', 'r3', 'r4', 'r5'];
  const wheel = [...ring.map((r, i) => e(r, ring[(i + 1) % 5]!)), ...ring.map((r) => e('h', r))];

  it('gives neighbours different slots', () => {
    const slots = colourGraph(['h', ...ring, 'alone'], wheel, 8);
    expect(conflicts(slots, wheel)).toBe(0);
    expect(conflicts(colourGraph(['h', ...ring], wheel, 4), wheel)).toBe(0);
  });

  it('spreads the colours over the palette rather than reusing the first ones', () => {
    const nodes = Array.from({ length: 16 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const pairs = nodes.filter((_, i) => i % 2 === 0).map((n, i) => e(n, nodes[2 * i + 1]!));
    const counts = Array<number>(8).fill(0);
    for (const slot of colourGraph(nodes, pairs, 8).values()) counts[slot]! += 1;
    expect(counts).toEqual(Array(8).fill(2));
  });

  it('depends on the graph only, not on the order of nodes or edges', () => {
    const a = colourGraph(['h', ...ring], wheel, 8);
    const b = colourGraph([...ring].reverse().concat('h'), [...wheel].reverse().map(({ a, b }) => e(b, a)), 8);
    expect([...b].sort()).toEqual([...a].sort());
  });

  it('degrades to the fewest conflicts when the palette is too small', () => {
    // Five mutually touching areas need five colours; with three, two pairs must share.
    const nodes = ['a', 'b', 'c', 'd', 'e'];
    const clique = nodes.flatMap((x, i) => nodes.slice(i + 1).map((y) => e(x, y)));
    const slots = colourGraph(nodes, clique, 3);
    expect([...slots.values()].every((s) => s >= 0 && s < 3)).toBe(true);
    expect(conflicts(slots, clique)).toBe(2);
    expect(conflicts(colourGraph(nodes, clique, 5), clique)).toBe(0);
  });
});
