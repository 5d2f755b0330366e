import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

/** A web address: http(s), no spaces, at most 500 characters after the scheme. */
export function parseWebsite(field: string, value: unknown): string {
  const url = parseString(field, value).trim();
  if (!/^https?:\/\/\S{3,500}$/.test(url)) throw new InputError(field, 'must be an http(s) URL', 'MALFORMED');
  return url;
}
