/**
 * Recognises the map's own boundary reads, which the rate limit lets through: a first view of the
 * map alone sends three of them, and zooming in one per województwo, so behind a proxy (or with
 * many visitors at one office's address) they would use up a shared bucket at once.
 *
 * Recognised by more than the operation name, which any client can choose: the request must be a
 * GET without a token, send exactly the map's document, and ask for one of the few layers the map
 * draws (three levels coarse, gminy fine per województwo). That set is finite (19 answers per
 * dataset version), and every one of them is served from the read cache after its first request,
 * so letting them through cannot be used to make the server compute without limit. The document and
 * the shapes are copies of the map's (web/src/api/queries.ts, web/src/map/detail-level.ts);
 * test/unit/map-operations.test.ts fails when the two drift apart.
 */

/** The map's boundary query, as web/src/api/queries.ts sends it (whitespace aside). */
export const MAP_BOUNDARIES_QUERY = `query MapBoundaries($level: JstLevel!, $simplify: Float, $precision: Int, $voivodeship: String) {
    jstFeatures(level: $level, simplify: $simplify, precision: $precision, voivodeship: $voivodeship) }`;

/** The shapes the map asks for: [simplify, precision] of its coarse and fine detail levels. */
export const MAP_SHAPES: readonly (readonly [number, number])[] = [
  [0.01, 3],
  [0.001, 4],
];

const LEVELS = new Set(['MUNICIPALITY', 'COUNTY', 'VOIVODESHIP']);
const VOIVODESHIP = /^(0[2468]|1[02468]|2[02468]|3[02])$/;
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const DOCUMENT = squeeze(MAP_BOUNDARIES_QUERY);

/**
 * True for a GET /graphql request (its path and query string, e.g. `/graphql?query=…`) that is
 * one of the map's boundary reads and carries no Authorization header.
 */
export function isMapBoundaryRead(method: string, url: string, authorization: string | undefined): boolean {
  if (method !== 'GET' || authorization) return false;
  const parsed = new URL(url, 'http://localhost');
  if (parsed.pathname !== '/graphql') return false;
  const params = parsed.searchParams;
  const query = params.get('query');
  if (query === null || squeeze(query) !== DOCUMENT) return false;
  const name = params.get('operationName');
  if (name !== null && name !== 'MapBoundaries') return false;
  let variables: Record<string, unknown>;
  try {
    variables = JSON.parse(params.get('variables') ?? '{}') as Record<string, unknown>;
  } catch {
    return false;
  }
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return false;
  const { level, simplify, precision, voivodeship, ...rest } = variables;
  if (Object.keys(rest).length || typeof level !== 'string' || !LEVELS.has(level)) return false;
  if (!MAP_SHAPES.some(([s, p]) => s === simplify && p === precision)) return false;
  return voivodeship == null || (typeof voivodeship === 'string' && VOIVODESHIP.test(voivodeship));
}
