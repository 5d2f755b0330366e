import { beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '../../server/auth/role.js';
import { TokenService } from '../../server/auth/token.service.js';
import { query } from '../../server/db/sql.js';
import { databaseChecksum } from '../support/checksum.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const READ = `query($slug: String!) { partnership(slug: $slug) { version functionalArea { memberCount }
  members { role joined jst { teryt } sources { ref } } } }`;
/** A seeded partnership in Małopolska (powiat krakowski), so 1201022 (powiat bocheński) is a plausible new member. */
const EXISTING = 'metropolia-krakowska';

const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) { importPartnerships(csv: $csv, dryRun: $dryRun) {
  dryRun applied rows changes { kind entity key lines before after } errors { line field message } } }`;

// Lines 2–4: a new partnership in powiat bocheński, with a programme, by name, in the Polish-locale
// format. Each test imports one of its own name, so any test passes when run alone.
const good = (name: string) =>
  [
    'Partnerstwo;TERYT;Rola;Od;Program;Status;Źródło',
    `${name};1201022;lider;2024-03-01;;;https://example.org/uchwała-1`,
    `${name};1201032;członek;2024;;;https://example.org/uchwała-1`,
    `${name};1201052;;;CWD-PLUS;uczestnik;https://example.org/uchwała-1`,
  ].join('\r\n');

const BAD = [
  'partnership,teryt,role,joined,left,programme,status,source',
  'gzm,2469011,member,,,,,https://example.org/ok',
  'gzm,24690x1,member,,,,,https://example.org/a',
  'gzm,2469011,boss,,,,,https://example.org/b',
  'gzm,1201091,member,2020-02-30,,,,https://example.org/c',
  'gzm,2466011,member,2021,2020,NOPE,winner,',
].join('\n');

describe.each(testBackends())('spreadsheet import on $name', ({ database }) => {
  const seeded = useSeededApi(database);
  let token: string;
  beforeAll(async () => {
    token = (await new TokenService(seeded.db.em()).create('import', Role.EDITOR, null)).secret;
  });

  it('reports every bad row with its line and reason, and writes nothing', async () => {
    const before = await databaseChecksum(seeded.db.em());
    const { importPartnerships: r } = await seeded.api.data(IMPORT, { csv: BAD, dryRun: false }, token);
    expect(r.applied).toBe(false);
    expect(r.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual(
      expect.arrayContaining(['3:teryt', '4:role', '5:joined', '6:left', '6:status', '6:source']),
    );
    expect(r.errors.find((e: { line: number }) => e.line === 2)).toBeUndefined();
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);
  });

  it('reports unknown codes and programmes found in the database check', async () => {
    const csv = 'partnership,teryt,programme,source\ngzm,1201091,,https://example.org\ngzm,2469011,NOPE,https://example.org';
    const { importPartnerships: r } = await seeded.api.data(IMPORT, { csv, dryRun: true }, token);
    expect(r.errors).toEqual([
      { line: 2, field: 'teryt', message: 'no JST with TERYT code 1201091' },
      { line: 3, field: 'programme', message: 'no programme with code "NOPE"' },
    ]);
  });

  it('gives the same diff in a dry run as in the real run, and writes only in the real one', async () => {
    const before = await databaseChecksum(seeded.db.em());
    const GOOD = good('Związek Gmin Nadwiślańskich');
    const { importPartnerships: dry } = await seeded.api.data(IMPORT, { csv: GOOD, dryRun: true }, token);
    expect(dry).toMatchObject({ dryRun: true, applied: false, rows: 3, errors: [] });
    expect(await databaseChecksum(seeded.db.em())).toEqual(before);

    const { importPartnerships: real } = await seeded.api.data(IMPORT, { csv: GOOD, dryRun: false }, token);
    expect(real).toMatchObject({ dryRun: false, applied: true, errors: [] });
    expect(real.changes).toEqual(dry.changes);
    expect(dry.changes.map((c: { kind: string; entity: string; key: string }) => `${c.kind} ${c.entity} ${c.key}`)).toEqual([
      'created partnership zwiazek-gmin-nadwislanskich',
      'created membership zwiazek-gmin-nadwislanskich/1201022',
      'created membership zwiazek-gmin-nadwislanskich/1201032',
      'created membership zwiazek-gmin-nadwislanskich/1201052',
      'created participation zwiazek-gmin-nadwislanskich/CWD-PLUS',
    ]);
  });

  it('keeps Polish names and writes members, roles, dates and the functional area', async () => {
    await seeded.api.data(IMPORT, { csv: good('Związek Gmin Nadwiślańskich Dwa'), dryRun: false }, token);
    const { partnership } = await seeded.api.data(`{ partnership(slug: "zwiazek-gmin-nadwislanskich-dwa") { name members { role joined jst { teryt } sources { ref } } participations { status programme { code } } functionalArea { memberCount } } }`);
    expect(partnership.name).toBe('Związek Gmin Nadwiślańskich Dwa');
    expect(partnership.members[0]).toEqual({ role: 'LEADER', joined: '2024-03-01', jst: { teryt: '1201022' }, sources: [{ ref: 'https://example.org/uchwała-1' }] });
    expect(partnership.participations).toEqual([{ status: 'PARTICIPANT', programme: { code: 'CWD-PLUS' } }]);
    expect(partnership.functionalArea.memberCount).toBe(3);
  });

  it('changes nothing when the same file is imported again', async () => {
    const csv = good('Związek Gmin Nadwiślańskich Trzy');
    await seeded.api.data(IMPORT, { csv, dryRun: false }, token);
    const { importPartnerships: again } = await seeded.api.data(IMPORT, { csv, dryRun: true }, token);
    expect(again.changes).toEqual([]);
  });

  it('treats the file as the whole member list: members it leaves out are removed', async () => {
    const { partnership } = await seeded.api.data(`{ partnership(slug: "blisko-krakowa") { members { jst { teryt } } } }`);
    const keep = partnership.members.slice(0, 2).map((m: { jst: { teryt: string } }) => m.jst.teryt);
    const csv = ['partnership,teryt,source', ...keep.map((t: string) => `Blisko Krakowa,${t},https://example.org/nowa-lista`)].join('\n');
    const { importPartnerships: r } = await seeded.api.data(IMPORT, { csv, dryRun: true }, token);
    expect(r.changes.filter((c: { kind: string }) => c.kind === 'removed')).toHaveLength(partnership.members.length - 2);
  });

  it('adds, changes and removes members of an existing partnership, bumps its version and records each change in the audit trail', async () => {
    const { partnership: before } = await seeded.api.data(READ, { slug: EXISTING });
    const [kept, changed, ...removed] = before.members as { role: string; joined: string | null; jst: { teryt: string }; sources: { ref: string }[] }[];
    const csv = [
      'partnership,teryt,role,joined,source,version',
      `${EXISTING},${kept!.jst.teryt},${kept!.role},${kept!.joined ?? ''},${kept!.sources.map((s) => s.ref).join(' | ')},${before.version}`,
      `${EXISTING},${changed!.jst.teryt},founder,2019-05,https://example.org/a | https://example.org/b,${before.version}`,
      `${EXISTING},1201022,member,2025,https://example.org/nowy-czlonek,${before.version}`,
    ].join('\n');
    const { importPartnerships: r } = await seeded.api.data(IMPORT, { csv, dryRun: false }, token);
    expect(r.changes.map((c: { kind: string; key: string }) => `${c.kind} ${c.key}`).sort()).toEqual(
      [`changed ${EXISTING}/${changed!.jst.teryt}`, `created ${EXISTING}/1201022`, ...removed.map((m) => `removed ${EXISTING}/${m.jst.teryt}`)].sort(),
    );
    const { partnership: after } = await seeded.api.data(READ, { slug: EXISTING });
    expect(after.version).toBe(before.version + 1);
    expect(after.members.map((m: { jst: { teryt: string } }) => m.jst.teryt).sort()).toEqual([kept!.jst.teryt, changed!.jst.teryt, '1201022'].sort());
    expect(after.members.find((m: { jst: { teryt: string } }) => m.jst.teryt === changed!.jst.teryt)).toMatchObject({
      role: 'FOUNDER', joined: '2019-05', sources: [{ ref: 'https://example.org/a' }, { ref: 'https://example.org/b' }],
    });
    expect(after.functionalArea.memberCount).toBe(3);
    const audit = await query<{ action: string; entity_key: string }>(
      seeded.db.em(),
      `select action, entity_key from audit_entry where actor = 'import' and partnership_id = (select id from partnership where slug = ?) order by id`,
      [EXISTING],
    );
    expect(audit.map((a) => `${a.action} ${a.entity_key}`).sort()).toEqual(
      [
        `IMPORT ${EXISTING}`, `UPDATE_MEMBER ${EXISTING}/${changed!.jst.teryt}`, `ADD_MEMBER ${EXISTING}/1201022`,
        ...removed.map((m) => `REMOVE_MEMBER ${EXISTING}/${m.jst.teryt}`),
      ].sort(),
    );
  });

  it('refuses an import without a token', async () => {
    const result = await seeded.api.run(IMPORT, { csv: good('Bez Tokenu'), dryRun: true });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
