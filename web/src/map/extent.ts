/** Poland's extent [west, south, east, north], lng,lat degrees: the map's first camera. */
export const POLAND: [number, number, number, number] = [14.07, 49.0, 24.15, 54.84];
