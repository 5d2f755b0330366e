/**
 * The map's label font, self-hosted: Noto Sans from @fontsource/noto-sans (SIL Open Font Licence
 * 1.1), latin and latin-ext subsets (Polish letters are in latin-ext), regular and bold only. The
 * style declares them in `font-faces` and has no `glyphs`, so MapLibre draws the labels in the page
 * from these files and never asks a glyph server. Each file is fetched only when a character it
 * covers is first drawn: the fills paint without waiting for any font.
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import latinBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import latinExtRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';

/** `text-font` stacks of the label layers. */
export const LABEL_FONT = { regular: ['Noto Sans Regular'], bold: ['Noto Sans Bold'] } as const;

// The subsets' unicode-range, as @fontsource declares them (its latin-400.css and latin-ext-400.css).
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];

/** Absolute URLs: MapLibre fetches the files itself, and /embed resolves them like the full view. */
export function labelFontFaces(base: string): FontFacesSpecification {
  const abs = (url: string) => new URL(url, base).href;
  const faces = (latin: string, latinExt: string) => [
    { url: abs(latin), 'unicode-range': LATIN },
    { url: abs(latinExt), 'unicode-range': LATIN_EXT },
  ];
  return {
    [LABEL_FONT.regular[0]]: faces(latinRegular, latinExtRegular),
    [LABEL_FONT.bold[0]]: faces(latinBold, latinExtBold),
  };
}

/**
 * Starts downloading the regular face at once, beside the tiles and the API reads, instead of after
 * the first label tile asks for a glyph: MapLibre's own request for it then comes from the HTTP cache
 * (the files are immutable assets). The bold face waits for the first partnership name (zoom 6).
 */
export function prefetchLabelFont(base: string): void {
  for (const url of [latinRegular, latinExtRegular]) void fetch(new URL(url, base).href).then((r) => r.arrayBuffer()).catch(() => undefined);
}
