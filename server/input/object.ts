import { InputError } from '../shared/errors.js';

/** A parser for each key of an input object: it receives the field path and a value that is neither null nor undefined. */
export type FieldParsers<T> = { [K in keyof T]-?: (field: string, value: unknown) => NonNullable<T[K]> };

/**
 * Parses an input object (a GraphQL input, a JSON filter of a URL) key by key: unknown keys are
 * refused (a typo must not widen a filter to everything), null and undefined mean "not given".
 */
export function parseObject<T>(field: string, raw: unknown, parsers: FieldParsers<T>): Partial<T> {
  if (raw == null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(field, 'must be an object', 'WRONG_TYPE');
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(parsers, key)) {
      throw new InputError(`${field}.${key}`, `is not a field of ${field} (known: ${Object.keys(parsers).join(', ')})`, 'UNKNOWN_KEY');
    }
    if (value == null) continue;
    out[key as keyof T] = parsers[key as keyof T](`${field}.${key}`, value);
  }
  return out;
}

/** One of an enum's values. */
export const enumValue =
  <E extends string>(values: Record<string, E>) =>
  (field: string, value: unknown): E => {
    if (typeof value !== 'string' || !Object.values<string>(values).includes(value)) {
      throw new InputError(field, `must be one of ${Object.values(values).join(', ')}, got ${JSON.stringify(value)}`, 'NOT_ALLOWED');
    }
    return value as E;
  };

/** A list whose items each pass `item`; an empty list means "no condition". */
export const listOf =
  <T>(item: (field: string, value: unknown) => T, max = 100) =>
  (field: string, value: unknown): T[] => {
    if (!Array.isArray(value)) throw new InputError(field, 'must be a list', 'WRONG_TYPE');
    if (value.length > max) throw new InputError(field, `at most ${max} items`, 'TOO_LONG');
    return value.map((v, i) => item(`${field}[${i}]`, v));
  };

export function parseBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new InputError(field, 'must be true or false', 'WRONG_TYPE');
  return value;
}
