/**
 * Gminy whose membership is inferred (derived from a source's words, not named there) are outlined
 * dashed over their fill, so a reader tells them from members a source names. The tiles' `inferred`
 * property lists the partnerships a gmina is an inferred member of (docs/tiles.md). Pure data.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const INFERRED_LAYER = 'gminy-inferred';
/** Dark enough to read over every fill of the palette; dashes tell it from the solid boundaries. */
export const INFERRED_LINE = '#3b3b3b';

/** True when the feature's `inferred` list holds `slug` (whole entries only). */
const infersSlug = (slug: string): ExpressionSpecification => ['in', `,${slug},`, ['concat', ',', ['get', 'inferred'], ',']];

/** Gminy inferred members of one of the shown partnerships (`slugs`); none when none is shown. */
export function inferredFilter(slugs: readonly string[]): ExpressionSpecification {
  return slugs.length ? ['any', ...slugs.map(infersSlug)] : ['boolean', false];
}

/** The dashed outline layer, drawing nothing until the map is painted. */
export function inferredLayer(source: string): LayerSpecification {
  return {
    id: INFERRED_LAYER, type: 'line', source, 'source-layer': source, filter: ['boolean', false],
    paint: { 'line-color': INFERRED_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 1.6, 12, 2.2], 'line-dasharray': [2, 1.5] },
  };
}
