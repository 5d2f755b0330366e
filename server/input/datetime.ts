import { InputError } from '../shared/errors.js';
import type { Day } from '../time/as-of.js';
import type { TimeScope } from '../time/scope.js';
import { parseAsOf } from './as-of.js';

/** RFC 3339 date-time: a day, `T`, a time with optional fraction, and `Z` or an offset. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** One end of `datetime`: a day (YYYY-MM-DD) or an RFC 3339 date-time, of which the atlas keeps the date as written (its dates are days). */
function instant(field: string, text: string): Day {
  if (text.length > 10) {
    const match = DATE_TIME.exec(text);
    if (!match) throw new InputError(field, `"${text}" is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time (2015-06-01T12:00:00Z)`, 'MALFORMED');
    return parseAsOf(field, match[1])!;
  }
  return parseAsOf(field, text)!;
}

/**
 * OGC API Features `datetime` (Part 1, §7.15.4): an instant (`2015-06-01`, `2015-06-01T10:00:00Z`)
 * or an interval `start/end` whose ends may be open (`..` or empty): `2014-01-01/2020-12-31`,
 * `2019-01-01/..`. An instant is the state on that day; an interval, whatever existed at some time
 * in it (ends inclusive). An end before the start, or both ends open in a malformed way, is refused.
 */
export function parseDatetime(field: string, value: string): TimeScope {
  const parts = value.split('/');
  if (parts.length === 1) {
    if (value === '..' || value === '') throw new InputError(field, 'an instant cannot be open: give a date, or an interval such as 2019-01-01/..', 'MALFORMED');
    return { day: instant(field, value) };
  }
  if (parts.length !== 2) throw new InputError(field, `"${value}" is not an instant or an interval start/end`, 'MALFORMED');
  const [from, to] = parts.map((p) => (p === '..' || p === '' ? null : instant(field, p))) as [Day | null, Day | null];
  if (from !== null && to !== null && from > to) throw new InputError(field, `the interval ends (${to}) before it starts (${from})`, 'OUT_OF_RANGE');
  return { from, to };
}
