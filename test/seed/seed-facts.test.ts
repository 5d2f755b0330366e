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
