/** The saved image's layout and name (no DOM here: the browser tests read these too). */

/** Heights of the bands above (title) and below (attribution and date, up to two lines) the map, in CSS pixels. */
export const TITLE_BAND = 44;
export const FOOTER_BAND = 36;

/** A file name with today's date (local calendar): `atlas-partnerstw-2026-11-27.png`. */
export function datedFileName(extension: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `atlas-partnerstw-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
