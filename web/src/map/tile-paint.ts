/**
 * The colouring rules of colouring.ts as MapLibre expressions over the tiles' properties, so the
 * map paints gminy straight from the tiles: a gmina's `partnerships` property lists the slugs it
 * belongs to (its own memberships and its powiat's), joined by "," (docs/tiles.md). Pure data.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { NONE_FILL } from './palette.js';

/** Slugs of a tile list property ("a,b,c"; "" when empty). */
export function splitList(value: unknown): string[] {
  return typeof value === 'string' && value !== '' ? value.split(',') : [];
}

/** True when the feature's `partnerships` list holds `slug` (whole entries only: commas around both). */
export function listsSlug(slug: string): ExpressionSpecification {
  return ['in', `,${slug},`, ['concat', ',', ['get', 'partnerships'], ',']];
}

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
