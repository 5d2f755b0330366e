import { beforeAll, describe, expect, it } from '@jest/globals';
import { readSeed, type SeedData } from '../../server/seed/read-seed.js';
import type { SeedPartnership } from '../../server/seed/seed-types.js';
import { validateSeed } from '../../server/seed/validate-seed.js';

// Facts of the seed that reviews found wrong once: the SLZ edition of its laureates, the end of KZK GOP.
let seed: SeedData;
const partnership = (slug: string): SeedPartnership => seed.partnerships.find((p) => p.slug === slug)!;
beforeAll(async () => {
  seed = await readSeed();
});

describe('the SLZ contest', () => {
  it('puts the five laureates named by seed 003 under the first edition, announced in June 2014', () => {
    const slz = seed.programmes.find((p) => p.code === 'SLZ')!;
    const first = slz.phases.find((ph) => ph.code === 'I')!;
    expect(first.end).toBe('2014-06');
    expect(first.sources.map((s) => s.quote).join(' ')).toMatch(/organizacja I edycji.*Ogłoszenie wyników konkursu nastąpiło podczas.*W czerwcu 2014/);
    const laureates = seed.partnerships.flatMap((p) => p.participations.filter((x) => x.programme === 'SLZ').map((x) => ({ slug: p.slug, ...x })));
    expect(laureates.map((x) => x.slug).sort()).toEqual(['aglomeracja-walbrzyska', 'lgd-dolina-raby', 'lgd-wokol-lysej-gory', 'metropolia-poznan', 'miasto-bielsko-biala-slz-2014']);
    for (const x of laureates) {
      expect(x).toMatchObject({ status: 'LAUREATE', phase: 'I' });
      expect(x.sources.map((s) => s.quote)).toEqual(expect.arrayContaining([expect.stringContaining('Laureatami zostali'), expect.stringContaining('I edycji')]));
    }
  });

  it('rejects a participation in a phase its programme does not have', () => {
    const broken: SeedData = structuredClone(seed);
    const laureate = broken.partnerships.find((p) => p.slug === 'lgd-dolina-raby')!;
    laureate.participations[0]!.phase = '2013';
    expect(validateSeed(broken, new Set(broken.partnerships.flatMap((p) => p.members.map((m) => m.teryt))))).toEqual([
      'partnership lgd-dolina-raby: participation in unknown phase 2013 of SLZ',
    ]);
  });
});

describe('KZK GOP', () => {
  it('has no current member: all left on 1.01.2019, when ZTM (GZM) replaced it, each with a source saying so', () => {
    const kzk = partnership('kzk-gop');
    expect(kzk.members).toHaveLength(11);
    for (const m of kzk.members) {
      expect(m.left).toBe('2019-01-01');
      expect(m.sources.map((s) => s.note ?? '').join(' ')).toContain('replaced by ZTM/GZM 1.01.2019');
    }
    expect(kzk.description).toContain('replaced by ZTM (GZM) on 1.01.2019');
  });
});

describe('leaders', () => {
  it('are loaded only where a source quote calls the JST leader', () => {
    const leaders = seed.partnerships.filter((p) => p.leader);
    expect(leaders.map((p) => p.slug).sort()).toEqual([
      'koscierskie-partnerstwo', 'miedzy-kutnem-a-leczyca', 'partnerstwo-nysa-2020', 'studium-spojnosci-funkcjonalnej-wrof', 'wspieramy-rozwoj-naszych-malych-ojczyzn',
    ]);
    for (const p of seed.partnerships) {
      for (const m of p.members.filter((x) => x.role === 'LEADER')) {
        expect(m.sources.some((s) => /lider|leader/i.test(s.quote ?? ''))).toBe(true);
      }
    }
  });

  it('are not stated for Olsztyn, Bieliny and the offices of the dobrepraktyki.pl list, which stay members', () => {
    for (const [slug, teryt] of [['zit-mof-olsztyna', '2862011'], ['lgd-wokol-lysej-gory', '2604012'], ['aglomeracja-walbrzyska', '0265011'], ['podwarszawskie-trojmiasto-ogrodow', '1421033']] as const) {
      const p = partnership(slug);
      expect(p.leader).toBeUndefined();
      expect(p.members.find((m) => m.teryt === teryt)?.role).toBe('MEMBER');
      expect(p.completenessNote).toMatch(/leader/i);
    }
  });

  it('rejects a leader no quote names, and a leader field on a plain member', () => {
    const broken: SeedData = structuredClone(seed);
    const lgd = broken.partnerships.find((p) => p.slug === 'lgd-wokol-lysej-gory')!;
    lgd.members.find((m) => m.teryt === '2604012')!.role = 'LEADER';
    const olsztyn = broken.partnerships.find((p) => p.slug === 'zit-mof-olsztyna')!;
    olsztyn.leader = '2862011';
    expect(validateSeed(broken, new Set(broken.partnerships.flatMap((p) => p.members.map((m) => m.teryt)))).sort()).toEqual([
      'partnership lgd-wokol-lysej-gory: leader 2604012 (Bieliny) has no source quote naming it leader',
      'partnership zit-mof-olsztyna: leader 2862011 is a member with role MEMBER, not LEADER',
    ]);
  });
});
