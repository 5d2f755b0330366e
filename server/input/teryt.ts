import { parseTeryt as decodeTeryt, TerytFormatError, type ParsedTeryt } from '../jst/teryt.js';
import { codeWithoutBoundary, formerCode, type FormerCode } from '../jst/teryt-history.js';
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

/** A code from outside mapped to the atlas's key: `code` is current, `former` set when the caller gave a former code. */
export interface ResolvedTeryt {
  code: string;
  asked: string;
  former: FormerCode | null;
}

/**
 * A well-formed TERC code mapped to the JST's current code (server/jst/teryt-history.ts): the one
 * place where old and current codes meet, used by every entry point that names a JST (lookups,
 * filters, exports, OGC, imports, writes, the seed). A current code of a gmina the boundaries do
 * not have (created after PRG 2020) is refused with reason NO_BOUNDARY, never answered as nothing.
 */
export function resolveTeryt(field: string, value: unknown): ResolvedTeryt {
  const asked = parseTeryt(field, value);
  const former = formerCode(asked) ?? null;
  const missing = codeWithoutBoundary(asked);
  if (missing) {
    const since = missing.validFrom ? ` (since ${missing.validFrom})` : '';
    throw new InputError(field, `${asked} is the TERYT code of ${missing.name}${since}, a gmina the atlas's boundaries (PRG about 2020) do not have`, 'NO_BOUNDARY');
  }
  return { code: former?.current ?? asked, asked, former };
}

/** A well-formed TERC code as the JST's current code (former codes mapped, see `resolveTeryt`). */
export function parseCurrentTeryt(field: string, value: unknown): string {
  return resolveTeryt(field, value).code;
}
