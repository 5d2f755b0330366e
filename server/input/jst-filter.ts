import { JstKind, JstLevel } from '../jst/jst-kind.js';
import { enumValue, listOf, parseBoolean, parseObject, type FieldParsers } from './object.js';
import { parseProgrammeCode } from './programme-code.js';
import { parseSearch } from './search.js';
import { parseSlug } from './slug.js';
import { parseCounty, parseVoivodeship } from './teryt.js';

/** A `jsts` filter after parsing: each condition well-formed; `search` is folded text (see `parseSearch`). */
export interface JstQuery {
  level: JstLevel;
  kinds: JstKind[];
  voivodeship: string;
  county: string;
  programme: string;
  memberOf: string;
  memberOfNone: boolean;
  search: string;
}

const PARSERS: FieldParsers<JstQuery> = {
  level: enumValue(JstLevel),
  kinds: listOf(enumValue(JstKind)),
  voivodeship: parseVoivodeship,
  county: parseCounty,
  programme: parseProgrammeCode,
  memberOf: parseSlug,
  memberOfNone: parseBoolean,
  search: parseSearch,
};

/** The filter of `jsts` and `/export/jsts.*`: the GraphQL input object or the JSON of `?filter=`, one parser for both. */
export function parseJstFilter(raw: unknown, field = 'filter'): Partial<JstQuery> {
  return parseObject(field, raw, PARSERS);
}
