import { parseTeryt as decodeTeryt, TerytFormatError, type ParsedTeryt } from '../jst/teryt.js';
import { InputError } from '../shared/errors.js';
import { parseString } from './text.js';

/** A TERC code of a województwo (2 digits), powiat (4) or gmina (7), decoded; InputError naming `field` otherwise. */
export function parseTerytCode(field: string, value: unknown): ParsedTeryt {
  const code = parseString(field, value);
  try {
    return decodeTeryt(code);
  } catch (error) {
    if (error instanceof TerytFormatError) throw new InputError(field, error.message, 'MALFORMED');
    throw error;
  }
}

/** A well-formed TERC code of any level (it may still not exist). */
export function parseTeryt(field: string, value: unknown): string {
  return parseTerytCode(field, value).code;
}

/** The TERC code of a województwo: 2 digits, an even number from 02 to 32. */
export function parseVoivodeship(field: string, value: unknown): string {
  const code = parseString(field, value);
  if (!/^\d{2}$/.test(code)) throw new InputError(field, `"${code}" must be a 2-digit TERC code of a województwo`, 'MALFORMED');
  return parseTeryt(field, code);
}

/** A non-empty list of województwo codes, returned without repeats and sorted. */
export function parseVoivodeships(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError(field, 'at least one województwo (2-digit TERC code, e.g. "12") is required', 'EMPTY');
  return [...new Set(value.map((code, i) => parseVoivodeship(`${field}[${i}]`, code)))].sort();
}

/** The TERC code of a powiat (or miasto na prawach powiatu): 4 digits. */
export function parseCounty(field: string, value: unknown): string {
  const code = parseString(field, value);
  if (!/^\d{4}$/.test(code)) throw new InputError(field, `"${code}" must be a 4-digit TERC code of a powiat`, 'MALFORMED');
  return parseTeryt(field, code);
}
