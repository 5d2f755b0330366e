import { InputError } from '../shared/errors.js';
import { SearchRank } from '../shared/search-match.js';
import { parseString } from './text.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * A page request after parsing: `limit` rows after the key `afterKey` (null: from the start). In a
 * list ordered by search rank, `afterRank` is the rank of the row the cursor names (0–MAX_RANK).
 */
export interface PageRequest {
  limit: number;
  afterKey: string | null;
  afterRank?: number;
}

/** One page a service found, before any transport shapes it. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  /** A number, or (when counting costs a statement of its own) a function that counts on first call: the count runs only when asked for. */
  totalCount: number | (() => Promise<number>);
  hasPreviousPage: boolean;
  /** Search rank of each node (same order), when the list is ordered by rank: the cursors carry it. */
  ranks?: number[];
}

/** Parses the sort key inside a cursor (a TERYT code, a slug, a numeric id); throws InputError when it is not one. */
export type CursorKey = (field: string, key: string) => string;

/** Highest search rank a cursor may carry. */
const MAX_RANK = SearchRank.ONE_EDIT;

/**
 * Cursors are opaque to clients; inside, `k:` and the sort key of the row, or in a list ordered by
 * search rank `r:<rank>:` and the key (rank and key are the whole sort order of such a list).
 */
export const encodeCursor = (key: string, rank?: number) => Buffer.from(rank === undefined ? `k:${key}` : `r:${rank}:${key}`, 'utf8').toString('base64url');

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
  return decodeAnyCursor(field, cursor, parseKey, false).key;
}

/**
 * Decodes a cursor of a list ordered by search rank (`ranked`) or by key alone: a cursor of the
 * other kind, a rank out of range or a key `parseKey` refuses is MALFORMED_CURSOR.
 */
function decodeAnyCursor(field: string, cursor: unknown, parseKey: CursorKey, ranked: boolean): { key: string; rank?: number } {
  const text = parseString(field, cursor);
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const match = ranked ? /^r:(\d):([\s\S]+)$/.exec(decoded) : /^k:([\s\S]+)$/.exec(decoded);
  if (!match || decoded.length > 200) throw malformed(field);
  const rank = ranked ? Number(match[1]) : undefined;
  const rawKey = match[ranked ? 2 : 1]!;
  if ((rank !== undefined && rank > MAX_RANK) || encodeCursor(rawKey, rank) !== text) throw malformed(field);
  try {
    return { key: parseKey(field, parseString(field, rawKey)), rank };
  } catch (error) {
    if (error instanceof InputError) throw malformed(field);
    throw error;
  }
}

/**
 * Parses `first`/`after`; the page size is bounded so no client can ask for everything at once.
 * `ranked`: the list is ordered by search rank (its filter has `search`), so its cursors carry a rank.
 */
export function parsePageRequest(first: unknown, after: unknown, parseKey: CursorKey, ranked = false): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InputError('first', `page size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(limit)}`, 'OUT_OF_RANGE');
  }
  if (after == null) return { limit, afterKey: null };
  const { key, rank } = decodeAnyCursor('after', after, parseKey, ranked);
  return rank === undefined ? { limit, afterKey: key } : { limit, afterKey: key, afterRank: rank };
}
