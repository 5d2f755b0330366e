/**
 * An editing client for load runs: it keeps updating one partnership through the API (re-reading
 * the version on CONFLICT), then checks that no write was lost or corrupted: the last value is the
 * last write, the version grew by exactly the number of accepted writes, and the history holds one
 * entry per accepted write.
 */
export interface WriterReport {
  accepted: number;
  conflicts: number;
  errors: number;
  lostOrCorrupted: number;
  checks: string[];
}

async function gql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
}

const READ = `query($slug: String!) { partnership(slug: $slug) { version description history(last: 200) { action } } }`;
const WRITE = `mutation($slug: String!, $version: Int!, $d: String!) { updatePartnership(slug: $slug, version: $version, input: { description: $d }) { version description } }`;

export function startWriter(url: string, token: string, slug: string) {
  let running = true;
  const report: WriterReport = { accepted: 0, conflicts: 0, errors: 0, lostOrCorrupted: 0, checks: [] };
  const done = (async () => {
    const start = await gql(url, null, READ, { slug });
    const startVersion: number = start.data!.partnership.version;
    const startUpdates = start.data!.partnership.history.filter((h: { action: string }) => h.action === 'UPDATE').length;
    let version = startVersion;
    let last = start.data!.partnership.description as string | null;
    while (running) {
      const description = `load-test write ${report.accepted + 1} at ${new Date().toISOString()}`;
      const result = await gql(url, token, WRITE, { slug, version, d: description });
      if (result.data?.updatePartnership) {
        report.accepted++;
        version = result.data.updatePartnership.version;
        last = description;
        if (result.data.updatePartnership.description !== description) report.lostOrCorrupted++;
      } else if (result.errors?.[0]?.extensions?.code === 'CONFLICT') {
        report.conflicts++;
        version = (await gql(url, null, READ, { slug })).data!.partnership.version;
      } else {
        report.errors++;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const end = (await gql(url, null, READ, { slug })).data!.partnership;
    const updates = end.history.filter((h: { action: string }) => h.action === 'UPDATE').length - startUpdates;
    const check = (ok: boolean, what: string) => {
      report.checks.push(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
      if (!ok) report.lostOrCorrupted++;
    };
    check(end.description === last, `final description is the last accepted write`);
    check(end.version === startVersion + report.accepted, `version grew by the ${report.accepted} accepted writes (${startVersion} → ${end.version})`);
    check(report.accepted > 200 || updates === report.accepted, `history holds one UPDATE per accepted write (${updates}${report.accepted > 200 ? ', last 200 only' : ''})`);
    return report;
  })();
  return {
    async stop(): Promise<WriterReport> {
      running = false;
      return done;
    },
  };
}
