/**
 * How a search text matches a stored search key (see `searchKey`), as SQL LIKE patterns over the
 * padded key "| name | other name |". The API runs these patterns in SQL; the map runs the very
 * same patterns in JavaScript (`matchRank`), so both rank a hit alike. No database extension
 * decides a match: an index (pg_trgm, where the database has it) only makes the LIKEs faster.
 */

/** Rank of a hit, best first. A list sorted by search is ordered by rank, then by its key. */
export const SearchRank = {
  /** The whole of one of the names ("lodz" → Łódź). */
  EXACT: 0,
  /** The start of one of the names ("lodz" → Łódź Widzew). */
  PREFIX: 1,
  /** The start of a later word ("lodz" → Nowe Łódzkie). */
  WORD_PREFIX: 2,
  /** Anywhere ("lodz" → Kłodzko). */
  CONTAINS: 3,
  /** One edit away from whole words of a name ("krakuw" → Kraków); see `oneEditPatterns`. */
  ONE_EDIT: 4,
} as const;
export type SearchRank = (typeof SearchRank)[keyof typeof SearchRank];

/** Shortest and longest folded search text for which one typo is tolerated (characters, spaces included). */
export const TYPO_MIN_LENGTH = 5;
export const TYPO_MAX_LENGTH = 40;

/** The key as the patterns see it: every name framed by "| " and " |", every word preceded by a space. */
export const padKey = (key: string) => `| ${key} |`;

/**
 * LIKE patterns (`_` one character, `%` any run) of every text one edit (a letter substituted,
 * inserted or deleted; Levenshtein distance 1) from `text`. None for texts shorter than
 * TYPO_MIN_LENGTH, where one edit turns most words into others ("lodz" → "lody"), or longer than
 * TYPO_MAX_LENGTH (a 100-character text would give 300 patterns to every row).
 */
export function oneEditPatterns(text: string): string[] {
  if (text.length < TYPO_MIN_LENGTH || text.length > TYPO_MAX_LENGTH) return [];
  const variants = new Set<string>();
  for (let i = 0; i <= text.length; i++) {
    const head = text.slice(0, i);
    variants.add(`${head}_${text.slice(i)}`);
    if (i < text.length) {
      variants.add(`${head}_${text.slice(i + 1)}`);
      variants.add(`${head}${text.slice(i + 1)}`);
    }
  }
  return [...variants].map((v) => `% ${v} %`);
}

/** The patterns of each rank for a folded search text (a–z, 0–9 and single spaces: no LIKE escapes needed). */
export interface SearchPatterns {
  exact: string;
  prefix: string;
  wordPrefix: string;
  contains: string;
  oneEdit: string[];
}

export function searchPatterns(text: string): SearchPatterns {
  return { exact: `%| ${text} |%`, prefix: `%| ${text}%`, wordPrefix: `% ${text}%`, contains: `%${text}%`, oneEdit: oneEditPatterns(text) };
}

/** SQL LIKE in JavaScript, for the patterns above (no escape character). */
function like(value: string, pattern: string): boolean {
  const source = [...pattern].map((c) => (c === '%' ? '[\\s\\S]*' : c === '_' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`).test(value);
}

/** The rank of a stored search key for a folded search text, or null when it does not match at all. */
export function matchRank(key: string, text: string): SearchRank | null {
  const padded = padKey(key);
  const p = searchPatterns(text);
  if (like(padded, p.exact)) return SearchRank.EXACT;
  if (like(padded, p.prefix)) return SearchRank.PREFIX;
  if (like(padded, p.wordPrefix)) return SearchRank.WORD_PREFIX;
  if (like(padded, p.contains)) return SearchRank.CONTAINS;
  if (p.oneEdit.some((pattern) => like(padded, pattern))) return SearchRank.ONE_EDIT;
  return null;
}
