/** Which geometry to load for the camera: coarse for the country, finer per województwo when zoomed in. */

export interface DetailLevel {
  name: 'coarse' | 'fine';
  simplify: number;
  precision: number;
}

export const COARSE: DetailLevel = { name: 'coarse', simplify: 0.01, precision: 3 };
export const FINE: DetailLevel = { name: 'fine', simplify: 0.001, precision: 4 };
/** From this zoom on, gminy of the województwa in view are swapped for fine shapes. */
export const FINE_FROM_ZOOM = 8;

export function detailFor(zoom: number): DetailLevel {
  return zoom >= FINE_FROM_ZOOM ? FINE : COARSE;
}

/** TERC codes of the województwa whose bounding boxes meet the view, not yet loaded fine. */
export function voivodeshipsToRefine(
  view: [number, number, number, number],
  boxes: ReadonlyMap<string, number[]>,
  loaded: ReadonlySet<string>,
): string[] {
  const [w, s, e, n] = view;
  return [...boxes]
    .filter(([code, b]) => !loaded.has(code) && b[0] <= e && w <= b[2] && b[1] <= n && s <= b[3])
    .map(([code]) => code)
    .sort();
}
