/** The mixed read workload of `npm run bench:load`: one function per operation type, each a single POST. */

export interface Operation {
  name: string;
  /** Sends one request; resolves true when the answer was 200 without GraphQL errors. */
  run(url: string, rnd: () => number): Promise<boolean>;
}

async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<boolean> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { errors?: unknown[] };
  return response.status === 200 && !body.errors;
}

const SEARCHES = ['kra', 'lodz', 'gdan', 'pozn', 'wroc', 'lub', 'bia', 'nowy', 'stare', 'gora', 'rzesz', 'opol'];

/** `teryts` are real codes (read once at the start), so `jst(teryt)` hits rows. */
export function readOperations(teryts: string[]): Operation[] {
  return [
    {
      name: 'partnershipsAt(point)',
      run: (url, rnd) =>
        post(url, `query($lon: Float!, $lat: Float!) { partnershipsAt(lon: $lon, lat: $lat) { slug name functionalArea { memberCount } } }`, {
          lon: 14.1 + rnd() * 10.1,
          lat: 49.0 + rnd() * 5.9,
        }),
    },
    {
      name: 'partnerships(first: 50) + members',
      run: (url) => post(url, `{ partnerships(first: 50) { edges { node { slug leader { name } members { role jst { teryt name } } participations { status programme { code } } } } } }`),
    },
    {
      name: 'coverage',
      run: (url, rnd) => post(url, `query($p: String) { coverage(programme: $p) { gminyShare areaShare byVoivodeship { voivodeship { name } gminyShare } } }`, { p: rnd() < 0.5 ? null : 'CWD-PLUS' }),
    },
    {
      name: 'jst(teryt)',
      run: (url, rnd) =>
        post(url, `query($t: String!) { jst(teryt: $t) { teryt name kindLabel parent { name } memberships { role partnership { slug } } } }`, {
          t: teryts[Math.floor(rnd() * teryts.length)],
        }),
    },
    {
      name: 'jsts(search)',
      run: (url, rnd) =>
        post(url, `query($s: String!) { jsts(filter: { search: $s }, first: 20) { totalCount edges { node { teryt name kindLabel } } } }`, {
          s: SEARCHES[Math.floor(rnd() * SEARCHES.length)],
        }),
    },
  ];
}

/** A small seeded generator, so two runs send the same mix. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
