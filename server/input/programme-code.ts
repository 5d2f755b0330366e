import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

/** A programme code: 1–40 capital letters and digits in words joined by single hyphens (EEA-PP, CWD-PLUS, SLZ-2015). */
export function parseProgrammeCode(field: string, value: unknown): string {
  const code = parseString(field, value);
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(code) || code.length > 40) {
    throw new InputError(field, 'programme code must be 1–40 capital letters, digits and single hyphens (e.g. EEA-PP)', 'MALFORMED');
  }
  return code;
}
