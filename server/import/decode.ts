import { InputError } from '../shared/errors.js';

/** The encodings an import file is read in: what spreadsheets in Poland write. */
export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'windows-1250';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const cp1250 = new TextDecoder('windows-1250', { fatal: true });

/**
 * Windows-1250 text is plausible when it is letters, digits, punctuation and Polish letters:
 * C0 controls other than tab/CR/LF and the rarely used symbols of the 0x80–0xBF block (†, ‰, §, ¤ …)
 * mean the bytes are something else (binary, another code page).
 */
const PLAUSIBLE_1250 = /^[\t\r\n\x20-\x7E ąćęłńóśźżĄĆĘŁŃÓŚŹŻäöüÄÖÜßáéíúýčďěňřšťžůÁÉÍÚÝČĎĚŇŘŠŤŽŮ„”“‚‘’«»–—…•°·×÷€]*$/u;

/**
 * Decodes an uploaded CSV file: valid UTF-8 (with or without a BOM) is UTF-8; otherwise
 * Windows-1250 (what Excel in a Polish Windows saves as "CSV") when it decodes to plausible
 * Polish text. NUL bytes or anything else is refused with BAD_USER_INPUT on `file`.
 */
export function decodeCsv(input: Uint8Array | string): DecodedCsv {
  if (typeof input === 'string') return checkText(input.replace(/^\uFEFF/, ''), input.startsWith('\uFEFF') ? 'UTF-8 with BOM' : 'UTF-8');
  const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const bytes = bom ? input.subarray(3) : input;
  if (bytes.includes(0)) throw new InputError('file', 'holds NUL bytes: not a text file (save the spreadsheet as CSV, UTF-8 or Windows-1250)');
  const asUtf8 = tryDecode(utf8, bytes);
  if (asUtf8 !== null) return checkText(asUtf8, bom ? 'UTF-8 with BOM' : 'UTF-8');
  const text = tryDecode(cp1250, bytes) ?? '\0';
  if (!PLAUSIBLE_1250.test(text)) throw new InputError('file', 'is neither UTF-8 nor Windows-1250 text (save the spreadsheet as CSV, UTF-8 or Windows-1250)');
  return { text, encoding: 'windows-1250' };
}

/** The text, or null when the bytes are not valid in the decoder's encoding (a fatal decoder throws only for that). */
function tryDecode(decoder: { decode(bytes: Uint8Array): string }, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Text that arrived already decoded (GraphQL string) still must not carry NULs or other C0 controls. */
function checkText(text: string, encoding: CsvEncoding): DecodedCsv {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0B\x0C\x0E-\x1F]/.test(text)) throw new InputError('file', 'holds control characters (e.g. NUL): not a CSV text file');
  return { text, encoding };
}
