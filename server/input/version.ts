import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

const DECIMAL = /^[1-9][0-9]{0,14}$/;

/**
 * A dataset version number to pin a read to (`version=<n>` in a URL, `extensions.version` in a
 * GraphQL body, `version(n)`): a whole number from 1, in decimal digits (a number or a string of
 * digits). Undefined and null mean "not pinned" and pass through. Whether the version exists is the
 * service's question (VERSION_NOT_AVAILABLE).
 */
export function parseVersionNumber(field: string, value: unknown): number | undefined {
  if (value == null) return undefined;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 1) return value;
    throw new InputError(field, `${value} is not a version: a whole number from 1`, 'MALFORMED');
  }
  const text = parseString(field, value);
  if (!DECIMAL.test(text)) throw new InputError(field, `"${text}" is not a version: a whole number from 1, in decimal digits`, 'MALFORMED');
  return Number(text);
}

/** Paging of `/versions`: `first` (1–200, default 50) versions older than `before` (a version number; absent: from the newest). */
export interface VersionsQuery {
  first: number;
  before: number | undefined;
}

/** The query string of `/versions`: `first`, `before`, `f` (json or html); any other parameter is refused. */
export function parseVersionsQuery(params: URLSearchParams): VersionsQuery & { format: 'json' | 'html' | undefined } {
  for (const name of params.keys()) {
    if (!['first', 'before', 'f'].includes(name)) throw new InputError(name, 'is not a parameter of /versions (known: first, before, f)', 'UNKNOWN_KEY');
  }
  const rawFirst = params.get('first');
  const first = rawFirst === null ? 50 : parseVersionNumber('first', rawFirst)!;
  if (first > 200) throw new InputError('first', `page size must be an integer from 1 to 200, got ${first}`, 'OUT_OF_RANGE');
  const f = params.get('f');
  if (f !== null && f !== 'json' && f !== 'html') throw new InputError('f', 'must be "json" or "html"', 'NOT_ALLOWED');
  return { first, before: parseVersionNumber('before', params.get('before') ?? undefined), format: f ?? undefined };
}
