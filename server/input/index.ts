/**
 * The input layer: every value from outside (GraphQL arguments, URL parameters, CSV rows, seed
 * files, command lines) passes one of these parsers, which return typed values or throw
 * InputError(field, rule). One rule, one spelling.
 */
export { parseBbox, parseGeometry, parseLatitude, parseLongitude, parsePoint } from './geo.js';
export { parseGeometryOptions, type GeometryOptions } from './geometry-options.js';
export { parseJstFilter, type JstQuery } from './jst-filter.js';
export { enumValue, listOf, parseBoolean, parseObject } from './object.js';
export { decodeCursor, encodeCursor, idKey, MAX_PAGE_SIZE, parsePageRequest, type CursorKey, type Page, type PageRequest } from './paging.js';
export { parseOptionalPartialDate, parsePartialDate } from './partial-date.js';
export { parsePartnershipFilter, type PartnershipQuery } from './partnership-filter.js';
export { parseProgrammeCode } from './programme-code.js';
export { parseSearch } from './search.js';
export { parseSlug } from './slug.js';
export { MAX_SOURCES, parseSource, parseSourceRef, parseSources, type RawSource } from './source.js';
export { parseName, parseOptionalText, parseString, parseText, type TextRule } from './text.js';
export { parseCounty, parseTeryt, parseTerytCode, parseVoivodeship } from './teryt.js';
export { parseMembers, parsePartnershipPatch, type ParsedMember, type PartnershipFields, type RawPartnershipPatch } from './partnership-patch.js';
export { parseParticipationPatch, type ParticipationFields } from './participation-patch.js';
export { checkProgrammeDates, parseProgrammePatch, type ProgrammeFields } from './programme-patch.js';
export { parseWebsite } from './website.js';
