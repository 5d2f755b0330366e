import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A date as precise as the source is: YYYY, YYYY-MM or YYYY-MM-DD, each part a real one
 * (months 01–12, days that exist in that month: 2024-02-29 yes, 2023-02-29 and 2020-13-45 no).
 * Years 1000–2999: older or later facts are typing errors in this atlas.
 */
export function parsePartialDate(field: string, value: unknown): string {
  const text = parseString(field, value);
  const match = PARTIAL_DATE.exec(text);
  if (!match) throw new InputError(field, `"${text}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD`, 'MALFORMED');
  const [, year, month, day] = match as unknown as [string, string, string | undefined, string | undefined];
  if (Number(year) < 1000 || Number(year) > 2999) throw new InputError(field, `year ${year} is out of range 1000–2999`, 'OUT_OF_RANGE');
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) throw new InputError(field, `"${text}" is not a date as YYYY, YYYY-MM or YYYY-MM-DD: there is no month ${month}`, 'OUT_OF_RANGE');
  if (day !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > daysInMonth) throw new InputError(field, `${text} is not a day of the calendar (a date is YYYY, YYYY-MM or YYYY-MM-DD)`, 'OUT_OF_RANGE');
  }
  return text;
}

/** An optional partial date: undefined (not given) and null (none) pass through; '' is refused like any bad date. */
export function parseOptionalPartialDate(field: string, value: unknown): string | null | undefined {
  return value == null ? (value as null | undefined) : parsePartialDate(field, value);
}
