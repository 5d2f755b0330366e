/**
 * Folds a name for search: lower case, Polish diacritics removed, every run of characters other
 * than a–z and 0–9 (hyphens, dashes, quotes, dots, white space) one space ("Bielsko-Biała" →
 * "bielsko biala", "Łódź" → "lodz"). Stored beside names at write time and applied to queries, so
 * both sides fold the same way on every database backend (no `unaccent` extension needed), and the
 * map folds its hits with this same function.
 */
export function searchName(text: string): string {
  return text
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Separates the names of one record (a partnership's name and short name) in its stored search key. */
export const NAME_SEPARATOR = ' | ';

/**
 * The stored search key of a record known by several names: each name folded, blanks and repeats
 * dropped, joined by " | " (a character folding never produces), so "exact" and "prefix" can be
 * judged per name: "lom" is the exact short name of "Łódzki Obszar Metropolitalny" ("ŁOM").
 */
export function searchKey(names: readonly (string | null | undefined)[]): string {
  const folded = names.map((n) => searchName(n ?? '')).filter((n) => n.length > 0);
  return [...new Set(folded)].join(NAME_SEPARATOR);
}
