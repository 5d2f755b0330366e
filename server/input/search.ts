import { InputError } from '../shared/errors.js';
import { searchName } from '../shared/search-name.js';
import { parseText } from './text.js';

/**
 * Search text as a `LIKE … escape '\'` pattern matching names that contain it (case and Polish
 * diacritics folded as stored). At least 2 letters after folding, at most 100 characters.
 */
export function parseSearch(field: string, value: unknown): string {
  const needle = searchName(parseText(field, value, { max: 100 }));
  if (needle.length < 2) throw new InputError(field, 'search text needs at least 2 letters', 'TOO_SHORT');
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
