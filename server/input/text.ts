import { InputError } from '../shared/errors.js';

// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
/** C0 control characters and DEL except tab, line feed and carriage return (NUL among them): never valid in text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** All C0 control characters and DEL: single-line values (names, codes, search text, paths) take none. */
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F]/;
/* eslint-enable no-control-regex */

/** true when `text` holds a control character; `multiline` lets tab, LF and CR through. */
export const hasControlCharacters = (text: string, multiline = false) => (multiline ? CONTROL : CONTROL_OR_BREAK).test(text);
/** A spreadsheet treats a cell starting with one of these as a formula (CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface TextRule {
  /** Most characters after trimming. */
  max: number;
  /** Allows line breaks and tabs (descriptions, notes, quotes). */
  multiline?: boolean;
}

/** Refuses a value that is not a string or that holds control characters; returns it unchanged. */
export function parseString(field: string, value: unknown, multiline = false): string {
  if (typeof value !== 'string') throw new InputError(field, `must be a string, got ${value === null ? 'null' : typeof value}`, 'WRONG_TYPE');
  if (hasControlCharacters(value, multiline)) {
    throw new InputError(field, `must not contain control characters${multiline ? ' (line breaks and tabs are allowed)' : ' or line breaks'}`, 'CONTROL_CHARACTER');
  }
  return value;
}

/** Required text: a string without control characters, not empty or blank after trimming, at most `rule.max` characters. */
export function parseText(field: string, value: unknown, rule: TextRule): string {
  const text = parseString(field, value, rule.multiline).trim();
  if (!text) throw new InputError(field, 'must not be empty', 'EMPTY');
  if (text.length > rule.max) throw new InputError(field, `is limited to ${rule.max} characters`, 'TOO_LONG');
  return text;
}

/**
 * Text of an optional field: undefined stays undefined (not given), null stays null (clear it);
 * anything else must be valid text. An empty string is refused like everywhere else: send null to clear.
 */
export function parseOptionalText(field: string, value: unknown, rule: TextRule): string | null | undefined {
  return value == null ? (value as null | undefined) : parseText(field, value, rule);
}

/**
 * A name people will open in a spreadsheet (partnerships, programmes): text that cannot start with
 * `=`, `+`, `-`, `@`, tab or CR, which spreadsheets run as formulas.
 */
export function parseName(field: string, value: unknown, max = 300): string {
  // Before the control-character check, so a leading tab or CR is reported as the formula it would start.
  if (typeof value === 'string' && (FORMULA_START.test(value) || FORMULA_START.test(value.trim()))) {
    throw new InputError(field, 'must not start with =, +, -, @, tab or carriage return (a spreadsheet would run it as a formula)', 'FORMULA_PREFIX');
  }
  return parseText(field, value, { max });
}
