import type { Day } from '../time/as-of.js';
import { InputError } from '../shared/errors.js';
import { parsePartialDate } from './partial-date.js';

/**
 * An `asOf` day: YYYY-MM-DD, a real calendar day (years 1000–2999). A year or month alone is refused
 * (the state on "2015" is not one state); undefined and null mean "today" and pass through.
 */
export function parseAsOf(field: string, value: unknown): Day | undefined {
  if (value == null) return undefined;
  const text = parsePartialDate(field, value);
  if (text.length !== 10) throw new InputError(field, `"${text}" is not a day: give YYYY-MM-DD`, 'MALFORMED');
  return text;
}
