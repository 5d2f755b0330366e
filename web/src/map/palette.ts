/**
 * Colours of the map.
 *
 * Identity mode: Paul Tol's "light" qualitative scheme (https://personal.sron.nl/~pault/, 2021),
 * made for map fills under black labels and distinct for the common colour-vision deficiencies.
 * Six of its nine colours: light cyan and olive are left out, being too close to light blue and
 * pear for two neighbours to be told apart, and pale grey, which here means "no partnership shown".
 * Slot i of the server's colouring (GraphQL `mapColours`, DSatur over neighbouring areas,
 * server/colour/) is PARTNERSHIP_PALETTE[i]; the server's MAP_PALETTE_SLOTS is its length.
 */
export const PARTNERSHIP_PALETTE = ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#44BB99', '#BBCC33'] as const;

/**
 * Count mode: partnerships per gmina on a sequential scale (ColorBrewer YlGnBu, colour-blind
 * safe): 1, 2, 3 or more. 0 is the same grey as "none" in identity mode.
 */
export const COUNT_SCALE = ['#c7e9b4', '#41b6c4', '#225ea8'] as const;

export const NONE_FILL = '#e4e4e4';
export const BACKGROUND = '#f4f6f8';
export const GMINA_LINE = '#9aa3ad';
export const COUNTY_LINE = '#6b7580';
export const VOIVODESHIP_LINE = '#2f3740';
export const SELECTION_LINE = '#111111';
/** Hatching over gminy in two or more shown partnerships. */
export const MULTI_HATCH = '#1a1a1a';
/** Label text and its halo. */
export const LABEL_TEXT = '#1d232a';
export const LABEL_HALO = '#ffffff';
