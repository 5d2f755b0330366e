import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../../geodata/locate-source.js';
import { readSeed, type SeedData } from '../../server/seed/read-seed.js';
import { validateSeed } from '../../server/seed/validate-seed.js';
import { GEODATA_DIR } from '../support/fixtures.js';

const SHARED_SEEDS = path.join(SHARED_DIR, 'seeds');

describe('the seed data', () => {
  let seed: SeedData;
  let known: Set<string>;
  beforeAll(async () => {
    seed = await readSeed();
    known = new Set(
      ['poland.voivodeships.json', 'poland.counties.json', 'poland.municipalities.json'].flatMap((f) =>
        (JSON.parse(readFileSync(path.join(GEODATA_DIR, f), 'utf8')) as { features: { properties: { terc: string } }[] }).features.map((x) => x.properties.terc),
      ),
    );
  });

  it('passes every rule: sources, codes, slugs, leaders, dates, programme references', () => {
    expect(validateSeed(seed, known)).toEqual([]);
  });

  it('cites only seed documents that exist in ../shared/seeds', () => {
    const refs = JSON.stringify(seed).match(/"seeds\/[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) expect(readFileSync(path.join(SHARED_SEEDS, JSON.parse(ref).slice('seeds/'.length)), 'utf8').length).toBeGreaterThan(0);
  });

  it('holds the programmes of the sources and the figures they report', () => {
    const codes = seed.programmes.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['EEA-PP', 'POPT-MOF', 'SLZ', 'CWD', 'CWD-PLUS']));
    const cwdPlus = seed.programmes.find((p) => p.code === 'CWD-PLUS')!;
    expect(cwdPlus.reportedFigures.map((f) => f.value)).toEqual(expect.arrayContaining([77, 700]));
  });

  it('marks a member list complete only when every named member was matched', () => {
    for (const p of seed.partnerships) if (p.membersComplete) expect(p.unmatched).toEqual([]);
  });

  it('judges dates, slugs, names and sources with the same parsers as the API', () => {
    const broken: SeedData = structuredClone(seed);
    broken.partnerships[0]!.members[0]!.joined = '2020-13-45';
    broken.partnerships[1]!.slug = 'a'.repeat(121);
    broken.partnerships[2]!.name = '=HYPERLINK("http://x")';
    broken.partnerships[3]!.sources = [{ ref: `https://${'a'.repeat(2000)}` }];
    broken.programmes[0]!.start = '2021-02-29';
    const problems = validateSeed(broken, known);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/member .*: date "2020-13-45" is not a date .*no month 13/),
        expect.stringMatching(/: must be 1–120 lowercase letters/),
        expect.stringMatching(/: must not start with =/),
        expect.stringMatching(/source "https:\/\/a+" must be an http\(s\) URL \(up to 2,000 characters\)/),
        expect.stringMatching(/programme \S+: date 2021-02-29 is not a day of the calendar/),
      ]),
    );
  });

  it('flags a leader who is not a member, a malformed code and a missing source', () => {
    const broken: SeedData = structuredClone(seed);
    broken.partnerships[0]!.leader = '1261011';
    broken.partnerships[1]!.members.push({ teryt: '12x', sourceName: 'X', role: 'MEMBER', sources: [{ ref: 'seeds/000_c281c2e4ca9648f1.txt' }] });
    broken.partnerships[2]!.sources = [];
    const problems = validateSeed(broken, known);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('leader 1261011 is not among the members'),
        expect.stringContaining('malformed TERYT code'),
        expect.stringMatching(/partnership \S+: no source/),
      ]),
    );
  });
});

describe('the województwa of each partnership', () => {
  let seed: SeedData;
  beforeAll(async () => {
    seed = await readSeed();
  });

  it('names at least one valid województwo per partnership, including every member\'s', () => {
    for (const p of seed.partnerships) {
      expect(p.voivodeships.length).toBeGreaterThan(0);
      for (const v of p.voivodeships) expect(v).toMatch(/^(0[2468]|[12][02468]|3[02])$/);
      for (const m of p.members) expect(p.voivodeships).toContain(m.teryt.slice(0, 2));
    }
  });

  it('places partnerships without a loaded member where their sources say they are', () => {
    const of = (slug: string) => seed.partnerships.find((p) => p.slug === slug)!.voivodeships;
    // 18: Augustowsko-Biebrzański has its 24 inferred members now, and still only podlaskie.
    expect(seed.partnerships.filter((p) => !p.members.length)).toHaveLength(18);
    expect(of('augustowsko-biebrzanski-park-turystyczny')).toEqual(['20']);
    expect(of('ponidzie-swietokrzyskie')).toEqual(['26']);
    expect(of('ego-kraina-bociana')).toEqual(['28']);
    expect(of('partnerstwo-powiatu-kamienskiego')).toEqual(['32']);
  });

  it('rejects a missing, malformed or too narrow list', () => {
    const broken: SeedData = structuredClone(seed);
    const withMembers = broken.partnerships.filter((p) => p.members.length);
    withMembers[0]!.voivodeships = [];
    withMembers[1]!.voivodeships = ['13'];
    withMembers[2]!.voivodeships = withMembers[2]!.voivodeships.map((v) => (v === '02' ? '04' : '02'));
    const problems = validateSeed(broken, new Set(broken.partnerships.flatMap((p) => p.members.map((m) => m.teryt))));
    expect(problems).toEqual(
      expect.arrayContaining([
        `partnership ${withMembers[0]!.slug}: voivodeships missing or empty`,
        `partnership ${withMembers[1]!.slug}: voivodeship "13" is not a valid TERYT code: województwo part "13" must be an even number from 02 to 32`,
        expect.stringMatching(new RegExp(`^partnership ${withMembers[2]!.slug}: member \\d+ lies outside voivodeships`)),
      ]),
    );
  });
});
