/**
 * The colouring rules of colouring.ts as MapLibre expressions over the tiles' properties, so the
 * map paints gminy straight from the tiles: a gmina's `partnerships` property lists the slugs it
 * belongs to (its own memberships and its powiat's), joined by "," (docs/tiles.md). Pure data.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { COUNT_SCALE, NONE_FILL } from './palette.js';

/** Slugs of a tile list property ("a,b,c"; "" when empty). */
export function splitList(value: unknown): string[] {
  return typeof value === 'string' && value !== '' ? value.split(',') : [];
}

/** True when the feature's `partnerships` list holds `slug` (whole entries only: commas around both). */
export function listsSlug(slug: string): ExpressionSpecification {
  return ['in', `,${slug},`, ['concat', ',', ['get', 'partnerships'], ',']];
}

/** Names of the hatch images (hatch.ts draws them): two partnerships, three or more. */
export const HATCH_IMAGES = { two: 'hatch-2', threeOrMore: 'hatch-3' } as const;

const bySlug = (colours: ReadonlyMap<string, string>) => [...colours.keys()].sort();

/** Fill of a gmina: the colour of its first shown partnership in slug order (as paintGmina), else grey. */
export function fillExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification | string {
  const slugs = bySlug(colours);
  if (slugs.length === 0) return NONE_FILL;
  return ['case', ...slugs.flatMap((s) => [listsSlug(s), colours.get(s)!]), NONE_FILL] as ExpressionSpecification;
}

/** How many shown partnerships a gmina belongs to. */
export function shownCountExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification | number {
  const terms = bySlug(colours).map((s): ExpressionSpecification => ['case', listsSlug(s), 1, 0]);
  if (terms.length === 0) return 0;
  return terms.length === 1 ? terms[0] : (['+', ...terms] as ExpressionSpecification);
}

/** Gminy in two or more shown partnerships (hatched). */
export function overlapFilter(colours: ReadonlyMap<string, string>): ExpressionSpecification {
  const count = shownCountExpression(colours);
  return typeof count === 'number' ? ['boolean', false] : ['>=', count, 2];
}

/** Pattern of a hatched gmina: one diagonal for two shown partnerships, crossed for three or more. */
export function hatchPatternExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification | string {
  const count = shownCountExpression(colours);
  return typeof count === 'number' ? HATCH_IMAGES.two : ['case', ['>=', count, 3], HATCH_IMAGES.threeOrMore, HATCH_IMAGES.two];
}

/** Count mode: a gmina's fill by how many shown partnerships it is in (0 grey, then 1, 2, 3+ on COUNT_SCALE). */
export function countFillExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification | string {
  const count = shownCountExpression(colours);
  if (typeof count === 'number') return NONE_FILL;
  return ['step', count, NONE_FILL, 1, COUNT_SCALE[0], 2, COUNT_SCALE[1], 3, COUNT_SCALE[2]];
}

/** Count mode, in plain code (the legend and the tests): the fill of a gmina in `count` shown partnerships. */
export const countFill = (count: number): string => (count <= 0 ? NONE_FILL : COUNT_SCALE[Math.min(count, 3) - 1]!);

/** Areas of the shown partnerships only. */
export function areaFilter(slugs: readonly string[]): ExpressionSpecification {
  return ['in', ['get', 'slug'], ['literal', [...slugs]]];
}

/** Outline colour of each shown partnership's area. */
export function areaColourExpression(colours: ReadonlyMap<string, string>): ExpressionSpecification | string {
  const slugs = bySlug(colours);
  if (slugs.length === 0) return '#000000';
  return ['match', ['get', 'slug'], ...slugs.flatMap((s) => [s, colours.get(s)!]), '#000000'] as unknown as ExpressionSpecification;
}
