import { ParticipationStatus } from '../partnership/partnership-enums.js';
import { InputError } from '../shared/errors.js';
import type { SourceData } from '../shared/source.js';
import { enumValue, parseBoolean } from './object.js';
import { parseSources, type RawSource } from './source.js';
import { parseOptionalPartialDate } from './partial-date.js';
import { parseOptionalText } from './text.js';

/** Fields of a participation a client may set, after parsing; null clears an optional one. */
export interface ParticipationFields {
  status: ParticipationStatus;
  phase: string | null;
  competition: string | null;
  document: string | null;
  grantAmount: number | null;
  grantCurrency: 'PLN' | 'EUR' | null;
  probable: boolean;
  sources: SourceData[];
  started: string | null;
  ended: string | null;
}

export type RawParticipationPatch = { [K in keyof ParticipationFields]?: unknown };

function parseAmount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InputError(field, 'must be a non-negative number', 'OUT_OF_RANGE');
  return value;
}

/** Parses the given fields of a participation patch; leaves out those not given (and required ones sent as null). */
export function parseParticipationPatch(patch: RawParticipationPatch): Partial<ParticipationFields> {
  const out: Partial<ParticipationFields> = {};
  if (patch.status != null) out.status = enumValue(ParticipationStatus)('status', patch.status);
  for (const key of ['phase', 'competition', 'document'] as const) {
    if (patch[key] !== undefined) out[key] = parseOptionalText(key, patch[key], { max: 300 }) ?? null;
  }
  if (patch.grantAmount !== undefined) out.grantAmount = patch.grantAmount === null ? null : parseAmount('grantAmount', patch.grantAmount);
  if (patch.grantCurrency !== undefined) out.grantCurrency = patch.grantCurrency === null ? null : enumValue({ PLN: 'PLN', EUR: 'EUR' } as const)('grantCurrency', patch.grantCurrency);
  if (patch.probable != null) out.probable = parseBoolean('probable', patch.probable);
  if (patch.sources != null) out.sources = parseSources('sources', patch.sources as RawSource[]);
  if (patch.started !== undefined) out.started = parseOptionalPartialDate('started', patch.started) ?? null;
  if (patch.ended !== undefined) out.ended = parseOptionalPartialDate('ended', patch.ended) ?? null;
  return out;
}

/** A participation's own period after a write: ended not before started (as the database checks). */
export function checkParticipationPeriod(started: string | null | undefined, ended: string | null | undefined): void {
  if (started && ended && ended < started) throw new InputError('ended', `${ended} is before started ${started}`, 'OUT_OF_ORDER');
}
