import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

/** Longest slug, in characters (URLs stay readable; the import's slugify cuts names to the same length). */
export const MAX_SLUG_LENGTH = 120;

/** A partnership slug: 1–120 lowercase ASCII letters and digits in words joined by single hyphens. */
export function parseSlug(field: string, value: unknown): string {
  const slug = parseString(field, value);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > MAX_SLUG_LENGTH) {
    throw new InputError(field, `must be 1–${MAX_SLUG_LENGTH} lowercase letters, digits and single hyphens`, 'MALFORMED');
  }
  return slug;
}
