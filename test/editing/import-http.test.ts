import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApp, type RunningApp } from '../../server/app.js';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { openSeededDatabase, testBackends, testConfig, type TestDatabase } from '../support/database.js';
import { encodeWindows1250 } from '../support/windows-1250.js';

const SLUG = 'lodzki-obszar-metropolitalny';

describe.each(testBackends())('POST /import/partnerships on $name', ({ database }) => {
  let db: TestDatabase;
  let app: RunningApp;
  let token: string;
  /** The partnership's current member list, by its Polish name, as a file that changes nothing. */
  let unchangedCsv: string;
  beforeAll(async () => {
    db = await openSeededDatabase(database);
    app = await startApp(testConfig(db.database), { orm: db.orm, log: () => {} });
    token = (await new TokenService(db.em()).create('sheets', Role.EDITOR, null)).secret;
    const members = await query<{ teryt: string; role: string; joined: string | null; left: string | null; refs: string }>(
      db.em(),
      `select m.jst_teryt as teryt, m.role, m.joined, m."left", (select string_agg(s->>'ref', ' | ') from jsonb_array_elements(m.sources) s) as refs
         from membership m join partnership p on p.id = m.partnership_id where p.slug = ? order by m.id`,
      [SLUG],
    );
    const name = (await query<{ name: string }>(db.em(), `select name from partnership where slug = ?`, [SLUG]))[0]!.name;
    expect(name).toBe('Łódzki Obszar Metropolitalny');
    unchangedCsv = ['Partnerstwo;TERYT;Rola;Od;Do;Źródło', ...members.map((m) => [name, m.teryt, m.role, m.joined ?? '', m.left ?? '', m.refs].join(';'))].join('\r\n');
  });
  afterAll(async () => {
    await app?.close();
    await db?.dispose();
  });

  const post = (body: Uint8Array | string, opts: { dryRun?: string; auth?: string | null; type?: string } = {}) =>
    fetch(`${app.url}/import/partnerships?dryRun=${opts.dryRun ?? 'true'}`, {
      method: 'POST',
      headers: { 'content-type': opts.type ?? 'text/csv', ...(opts.auth === null ? {} : { authorization: `Bearer ${opts.auth ?? token}` }) },
      body,
    });
  const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0]!;

  it('reads a Windows-1250 file (Excel\'s Polish "CSV"), finds the partnership by its Polish name and proposes no change', async () => {
    const bytes = encodeWindows1250(unchangedCsv);
    expect(bytes.includes(0xa3)).toBe(true); // "Ł" in Windows-1250, which is not valid UTF-8
    const response = await post(bytes);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ dryRun: true, applied: false, encoding: 'windows-1250', errors: [], changes: [] });
  });

  it('reads UTF-8 with a BOM (Excel\'s "CSV UTF-8") and says so', async () => {
    const response = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(unchangedCsv)]));
    expect(await response.json()).toMatchObject({ encoding: 'UTF-8 with BOM', errors: [], changes: [] });
    expect(await (await post(unchangedCsv)).json()).toMatchObject({ encoding: 'UTF-8', errors: [], changes: [] });
  });

  it('refuses a binary file with BAD_USER_INPUT on "file", writing nothing', async () => {
    const before = await databaseChecksum(db.em());
    const response = await post(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00]), { dryRun: 'false' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await databaseChecksum(db.em())).toEqual(before);
  });

  it('refuses duplicate headers, naming them, instead of letting one silently win', async () => {
    const response = await post('partnership,teryt,source,teryt\ngzm,2469011,https://example.org/a,1201022', { dryRun: 'false' });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'header' });
    expect(error.message).toContain('"teryt"');
    const aliases = await errorOf(await post('partnership,teryt,terc,source\ngzm,2469011,2469011,https://example.org/a'));
    expect(aliases.message).toContain('"teryt" and "terc"');
  });

  it('takes the documented 5 MB, 20,000-row file in one request, and refuses more with 413', async () => {
    const teryts = (await query<{ teryt: string }>(db.em(), `select teryt from jst where level = 'MUNICIPALITY' order by teryt limit 2000`)).map((r) => r.teryt);
    const source = `https://example.org/${'uchwala-'.repeat(22)}`;
    const lines = ['partnership,teryt,role,joined,source'];
    for (let i = 0; i < 20_000; i++) lines.push(`Duże Partnerstwo ${Math.floor(i / 2000)},${teryts[i % 2000]},member,2024-01-01,${source}${i}`);
    const csv = lines.join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(4_500_000);
    expect(Buffer.byteLength(csv)).toBeLessThanOrEqual(5_000_000);
    const response = await post(csv);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { rows: number; errors: unknown[]; changes: unknown[] };
    expect(result).toMatchObject({ rows: 20_000, errors: [] });
    expect(result.changes).toHaveLength(20_010);

    const tooLarge = await post(`${csv}\n${'x'.repeat(600_000)}`);
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  }, 120_000);

  it('needs an editor token and an explicit dryRun', async () => {
    const anonymous = await post(unchangedCsv, { auth: null });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const noDryRun = await fetch(`${app.url}/import/partnerships`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: unchangedCsv });
    expect(noDryRun.status).toBe(400);
    expect((await errorOf(noDryRun)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dryRun' });
  });
});
