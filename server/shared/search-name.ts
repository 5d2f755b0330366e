import { InputError } from './errors.js';

/**
 * Folds a name for search: lower case, Polish diacritics removed ("Łódź" → "lodz").
 * Stored beside names at write time and applied to queries, so both sides fold the same way
 * on every database backend (no `unaccent` extension needed).
 */
export function searchName(text: string): string {
  return text
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A `LIKE … escape '\'` pattern matching names that contain `text` (folded as above).
 * Throws InputError for text too short to mean anything or too long to be a name.
 */
export function containsPattern(field: string, text: string): string {
  const needle = searchName(text);
  if (needle.length < 2) throw new InputError(field, 'search text needs at least 2 letters');
  if (needle.length > 100) throw new InputError(field, 'search text is limited to 100 characters');
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
