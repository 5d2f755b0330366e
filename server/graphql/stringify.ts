import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { GeoJsonText } from '../shared/geojson-text.js';

/** Characters serialised between two yields to the event loop: about 1–3 ms of JSON.stringify. */
const SLICE_CHARS = 50_000;

/** Arrays at least this long are serialised item by item (shorter ones, and their items, in one JSON.stringify call). */
const LONG_ARRAY = 32;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/**
 * JSON.stringify that gives the event loop a turn every SLICE_CHARS characters, with the same output.
 * A whole-country boundary layer is megabytes of JSON: one JSON.stringify call would hold this
 * process's one thread for 50–200 ms, and every light request would wait behind it. Plain objects
 * and long arrays are walked; everything else goes to JSON.stringify whole (so `toJSON`, dates,
 * undefined and functions behave as there).
 */
export async function stringifyYielding(value: unknown): Promise<string> {
  const parts: string[] = [];
  let sinceYield = 0;
  const emit = async (text: string) => {
    parts.push(text);
    sinceYield += text.length;
    if (sinceYield >= SLICE_CHARS) {
      sinceYield = 0;
      await yieldToEventLoop();
    }
  };
  const walk = async (v: unknown): Promise<void> => {
    if (Array.isArray(v) && v.length >= LONG_ARRAY) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        if (i) parts.push(',');
        await walk(v[i]);
      }
      parts.push(']');
    } else if (v instanceof GeoJsonText) {
      await emit(v.text); // PostGIS's JSON, copied as it is
    } else if (isPlainObject(v)) {
      parts.push('{');
      let first = true;
      for (const [key, item] of Object.entries(v)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        await walk(item);
      }
      parts.push('}');
    } else {
      // An array item JSON.stringify cannot write (undefined, a function) is null there too; object entries were skipped above.
      await emit(JSON.stringify(v) ?? 'null');
    }
  };
  await walk(value);
  return parts.join('');
}
