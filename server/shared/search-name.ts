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
