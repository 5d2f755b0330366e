import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** A page request after parsing: `limit` rows after the key `afterKey` (null: from the start). */
export interface PageRequest {
  limit: number;
  afterKey: string | null;
}

/** One page a service found, before any transport shapes it. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  totalCount: number;
  hasPreviousPage: boolean;
}

/** Parses the sort key inside a cursor (a TERYT code, a slug, a numeric id); throws InputError when it is not one. */
export type CursorKey = (field: string, key: string) => string;

/** Cursors are opaque to clients; inside, `k:` and the sort key of the row. */
export const encodeCursor = (key: string) => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

/** A row id as a cursor key: a positive whole number within JavaScript's safe range (no bigint overflow in SQL). */
export const idKey: CursorKey = (field, key) => {
  if (!/^[1-9]\d{0,14}$/.test(key)) throw new InputError(field, 'not an id');
  return key;
};

const malformed = (field: string) => new InputError(field, 'cursor is malformed: pass endCursor of a previous page unchanged', 'MALFORMED_CURSOR');

/**
 * Decodes a cursor and parses the key inside with `parseKey`, so a forged cursor (bad base64,
 * `k:\0`, a 20-digit number) is bad input here and never reaches SQL.
 */
export function decodeCursor(field: string, cursor: unknown, parseKey: CursorKey): string {
  const text = parseString(field, cursor);
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:') || decoded.length < 3 || decoded.length > 200 || encodeCursor(decoded.slice(2)) !== text) throw malformed(field);
  try {
    return parseKey(field, parseString(field, decoded.slice(2)));
  } catch (error) {
    if (error instanceof InputError) throw malformed(field);
    throw error;
  }
}

/** Parses `first`/`after`; the page size is bounded so no client can ask for everything at once. */
export function parsePageRequest(first: unknown, after: unknown, parseKey: CursorKey): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InputError('first', `page size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(limit)}`, 'OUT_OF_RANGE');
  }
  return { limit, afterKey: after == null ? null : decodeCursor('after', after, parseKey) };
}
