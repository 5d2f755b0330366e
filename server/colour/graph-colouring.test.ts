import { describe, expect, it } from '@jest/globals';
import { colourGraph, type Edge } from './graph-colouring.js';

const e = (a: string, b: string): Edge => ({ a, b });
const conflicts = (slots: Map<string, number>, edges: Edge[]) => edges.filter(({ a, b }) => slots.get(a) === slots.get(b)).length;

describe('colourGraph (DSatur)', () => {
  // A wheel: hub h touching a ring of five (an odd cycle needs 3 colours, the hub a fourth).
  const ring = ['r1', 'r2', 'r3', 'r4', 'r5'];
  const wheel = [...ring.map((r, i) => e(r, ring[(i + 1) % 5]!)), ...ring.map((r) => e('h', r))];

  it('gives neighbours different slots and uses few of them', () => {
    const slots = colourGraph(['h', ...ring, 'alone'], wheel, 8);
    expect(conflicts(slots, wheel)).toBe(0);
    expect(new Set(slots.values()).size).toBe(4);
    expect(slots.get('alone')).toBe(0);
  });

  it('depends on the graph only, not on the order of nodes or edges', () => {
    const a = colourGraph(['h', ...ring], wheel, 8);
    const b = colourGraph([...ring].reverse().concat('h'), [...wheel].reverse().map(({ a, b }) => e(b, a)), 8);
    expect([...b].sort()).toEqual([...a].sort());
  });

  it('keeps a node’s slot when unrelated nodes come and go', () => {
    const a = colourGraph(['x', 'y'], [e('x', 'y')], 8);
    const b = colourGraph(['x', 'y', 'z1', 'z2'], [e('x', 'y'), e('z1', 'z2')], 8);
    expect(b.get('x')).toBe(a.get('x'));
    expect(b.get('y')).toBe(a.get('y'));
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
