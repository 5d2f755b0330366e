/**
 * Colours of the map. Partnerships use the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies) without its black; gminy in no shown partnership are light grey.
 */
export const PARTNERSHIP_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'] as const;

export const NONE_FILL = '#e4e4e4';
export const BACKGROUND = '#f4f6f8';
export const GMINA_LINE = '#9aa3ad';
export const COUNTY_LINE = '#6b7580';
export const VOIVODESHIP_LINE = '#2f3740';
export const SELECTION_LINE = '#111111';
/** Hatching over gminy in two or more shown partnerships. */
export const MULTI_HATCH = '#1a1a1a';
