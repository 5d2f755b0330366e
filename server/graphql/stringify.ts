import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { GeoJsonText } from '../shared/geojson-text.js';

/** Characters serialised between two yields to the event loop: about 1–3 ms of JSON.stringify. */
const SLICE_CHARS = 50_000;

/** Arrays at least this long are serialised item by item (shorter ones, and their items, in one JSON.stringify call). */
const LONG_ARRAY = 32;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';

/** The parts of one answer, and how much has been written since the last yield. */
class Writer {
  readonly parts: string[] = [];
  private sinceYield = 0;

  /** Adds `text`; true when a slice is full and the event loop should get a turn. */
  emit(text: string): boolean {
    this.parts.push(text);
    this.sinceYield += text.length;
    if (this.sinceYield < SLICE_CHARS) return false;
    this.sinceYield = 0;
    return true;
  }

  /** Writes `v`, pausing (a `yield`) after every full slice. */
  *walk(v: unknown): Generator<void, void, void> {
    const parts = this.parts;
    if (Array.isArray(v) && v.length >= LONG_ARRAY) {
      parts.push('[');
      for (let i = 0; i < v.length; i++) {
        if (i) parts.push(',');
        yield* this.walk(v[i]);
      }
      parts.push(']');
    } else if (v instanceof GeoJsonText) {
      if (this.emit(v.text)) yield; // PostGIS's JSON, copied as it is
    } else if (isPlainObject(v)) {
      parts.push('{');
      let first = true;
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const item = v[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        yield* this.walk(item);
      }
      parts.push('}');
    } else if (this.emit(JSON.stringify(v) ?? 'null')) {
      // An array item JSON.stringify cannot write (undefined, a function) is null there too; object entries were skipped above.
      yield;
    }
  }
}

/**
 * JSON.stringify that gives the event loop a turn every SLICE_CHARS characters, with the same output.
 * A whole-country boundary layer is megabytes of JSON: one JSON.stringify call would hold this
 * process's one thread for 50–200 ms, and every light request would wait behind it. Plain objects
 * and long arrays are walked; everything else goes to JSON.stringify whole (so `toJSON`, dates,
 * undefined and functions behave as there).
 *
 * An answer shorter than one slice (nearly every answer) is returned at once as a string, without a
 * promise or a turn of the event loop: the walk is a generator, paused only where a slice fills up.
 */
export function stringifyYielding(value: unknown): string | Promise<string> {
  const writer = new Writer();
  const steps = writer.walk(value);
  if (steps.next().done) return writer.parts.join('');
  return (async () => {
    do await yieldToEventLoop();
    while (!steps.next().done);
    return writer.parts.join('');
  })();
}
