import { InputError } from '../shared/errors.js';
import type { SourceData } from '../shared/source.js';
import { listOf } from './object.js';
import { parseOptionalPartialDate } from './partial-date.js';
import { parseSources, type RawSource } from './source.js';
import { parseName, parseOptionalText, parseText } from './text.js';

/** Fields of a programme a client may set, after parsing; null clears an optional one. */
export interface ProgrammeFields {
  name: string;
  nameEn: string | null;
  funder: string;
  operator: string | null;
  implementers: string[];
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  sources: SourceData[];
}

export type RawProgrammePatch = { [K in keyof ProgrammeFields]?: unknown };

const orNull = <T>(value: T | null | undefined) => value ?? null;

/** Parses the given fields of a programme patch; leaves out those not given (and required ones sent as null). */
export function parseProgrammePatch(patch: RawProgrammePatch): Partial<ProgrammeFields> {
  const out: Partial<ProgrammeFields> = {};
  if (patch.name != null) out.name = parseName('name', patch.name);
  if (patch.funder != null) out.funder = parseText('funder', patch.funder, { max: 300 });
  if (patch.nameEn !== undefined) out.nameEn = patch.nameEn === null ? null : parseName('nameEn', patch.nameEn);
  if (patch.operator !== undefined) out.operator = orNull(parseOptionalText('operator', patch.operator, { max: 300 }));
  if (patch.description !== undefined) out.description = orNull(parseOptionalText('description', patch.description, { max: 5000, multiline: true }));
  if (patch.implementers != null) out.implementers = listOf((field, v) => parseText(field, v, { max: 300 }), 50)('implementers', patch.implementers);
  if (patch.startDate !== undefined) out.startDate = orNull(parseOptionalPartialDate('startDate', patch.startDate));
  if (patch.endDate !== undefined) out.endDate = orNull(parseOptionalPartialDate('endDate', patch.endDate));
  if (patch.sources != null) out.sources = parseSources('sources', patch.sources as RawSource[]);
  return out;
}

/** A programme may not end before it starts (partial dates compare as text: "2020" < "2020-05"). */
export function checkProgrammeDates(startDate: string | null | undefined, endDate: string | null | undefined): void {
  if (startDate && endDate && endDate < startDate) throw new InputError('endDate', 'is before startDate', 'OUT_OF_ORDER');
}
