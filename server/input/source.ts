import { InputError } from '../shared/errors.js';
import type { SourceData } from '../shared/source.js';
import { parseOptionalText, parseString } from './text.js';

/** Where a fact comes from: an http(s) URL of 10–2,000 characters, or seeds/<file> for a document shipped with the project. */
const SOURCE_REF = /^(https?:\/\/\S{3,1992}|seeds\/[\w.-]{1,200})$/;

/** Most sources one fact may cite. */
export const MAX_SOURCES = 20;

export function parseSourceRef(field: string, value: unknown): string {
  const ref = parseString(field, value).trim();
  if (!SOURCE_REF.test(ref)) throw new InputError(field, 'must be an http(s) URL (up to 2,000 characters) or seeds/<file>', 'MALFORMED');
  return ref;
}

/** One source as a client sends it (GraphQL SourceInput, seed file entry). */
export interface RawSource {
  ref: unknown;
  quote?: unknown;
  note?: unknown;
}

export function parseSource(field: string, source: RawSource): SourceData {
  const ref = parseSourceRef(`${field}.ref`, source.ref);
  const quote = parseOptionalText(`${field}.quote`, source.quote, { max: 5000, multiline: true });
  const note = parseOptionalText(`${field}.note`, source.note, { max: 2000, multiline: true });
  return { ref, ...(quote ? { quote } : {}), ...(note ? { note } : {}) };
}

/** Every written fact names where it comes from: 1–20 sources, each a URL or a seed document. */
export function parseSources(field: string, sources: readonly RawSource[] | null | undefined): SourceData[] {
  if (!sources?.length) throw new InputError(field, 'at least one source is required (a public URL or seeds/<file>)', 'EMPTY');
  if (sources.length > MAX_SOURCES) throw new InputError(field, `at most ${MAX_SOURCES} sources`, 'TOO_LONG');
  return sources.map((s, i) => parseSource(`${field}[${i}]`, s));
}
