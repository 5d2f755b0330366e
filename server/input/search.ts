import { InputError } from '../shared/errors.js';
import { searchName } from '../shared/search-name.js';
import { parseText } from './text.js';

/**
 * Search text folded like the stored names (`searchName`: case, Polish diacritics, hyphens and
 * other punctuation as spaces), so it holds only a–z, 0–9 and single spaces. At least 2 letters
 * after folding, at most 100 characters before.
 */
export function parseSearch(field: string, value: unknown): string {
  const text = searchName(parseText(field, value, { max: 100 }));
  if (text.replace(/ /g, '').length < 2) throw new InputError(field, 'search text needs at least 2 letters', 'TOO_SHORT');
  return text;
}
