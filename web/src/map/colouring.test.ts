import { describe, expect, it } from '@jest/globals';
import { DEFAULT_STATE } from '../state/url-state.js';
import { assignColours, paintGmina, visiblePartnerships, type PartnershipFacts } from './colouring.js';
import { NONE_FILL, PARTNERSHIP_PALETTE } from './palette.js';

const p = (slug: string, over: Partial<PartnershipFacts> = {}): PartnershipFacts => ({
  slug,
  legalForm: 'AGREEMENT',
  areaType: 'MOF',
  participations: [],
  bbox: null,
  voivodeships: ['10'],
  ...over,
});

const all = [
  p('a', { participations: [{ programme: 'CWD', status: 'GRANTEE' }] }),
  p('b', { participations: [{ programme: 'CWD', status: 'APPLICANT' }, { programme: 'ZIT', status: 'PARTICIPANT' }], legalForm: 'JST_ASSOCIATION' }),
  p('c', { areaType: 'ZIT', voivodeships: ['14', '10'] }),
];

describe('visiblePartnerships', () => {
  it('shows everything without filters', () => {
    expect(visiblePartnerships(all, DEFAULT_STATE).map((x) => x.slug)).toEqual(['a', 'b', 'c']);
  });
  it('keeps the programme’s partnerships, optionally of one status', () => {
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, programme: 'CWD' }).map((x) => x.slug)).toEqual(['a', 'b']);
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, programme: 'CWD', status: 'GRANTEE' }).map((x) => x.slug)).toEqual(['a']);
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, programme: 'ZIT', status: 'APPLICANT' })).toEqual([]);
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, status: 'PARTICIPANT' }).map((x) => x.slug)).toEqual(['b']);
  });
  it('filters by województwo, legal form and area type', () => {
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, voivodeship: '14' }).map((x) => x.slug)).toEqual(['c']);
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, legalForms: ['JST_ASSOCIATION'] }).map((x) => x.slug)).toEqual(['b']);
    expect(visiblePartnerships(all, { ...DEFAULT_STATE, areaTypes: ['ZIT', 'OTHER'] }).map((x) => x.slug)).toEqual(['c']);
  });
});

describe('assignColours', () => {
  const slots = new Map([['a', 0], ['b', 3], ['c', 1]]);
  it('takes each partnership’s colour from its slot', () => {
    expect(assignColours(all, slots, PARTNERSHIP_PALETTE)).toEqual(new Map([['a', PARTNERSHIP_PALETTE[0]], ['b', PARTNERSHIP_PALETTE[3]], ['c', PARTNERSHIP_PALETTE[1]]]));
  });
  it('keeps a partnership’s colour whatever subset the filters show', () => {
    const full = assignColours(visiblePartnerships(all, DEFAULT_STATE), slots, PARTNERSHIP_PALETTE);
    for (const view of [{ programme: 'CWD' }, { programme: 'CWD', status: 'GRANTEE' as const }, { voivodeship: '14' }, { legalForms: ['JST_ASSOCIATION'] }]) {
      const subset = assignColours(visiblePartnerships(all, { ...DEFAULT_STATE, ...view }), slots, PARTNERSHIP_PALETTE);
      expect(subset.size).toBeGreaterThan(0);
      for (const [slug, colour] of subset) expect(colour).toBe(full.get(slug));
    }
  });
  it('gives a partnership the colouring does not know the first colour', () => {
    expect(assignColours([p('zzz')], slots, PARTNERSHIP_PALETTE).get('zzz')).toBe(PARTNERSHIP_PALETTE[0]);
  });
});

describe('paintGmina', () => {
  const colours = new Map([
    ['a', '#111111'],
    ['b', '#222222'],
  ]);
  it('is "none" grey outside every shown partnership', () => {
    expect(paintGmina([], colours)).toEqual({ fill: NONE_FILL, count: 0, shown: [] });
    expect(paintGmina(['hidden'], colours)).toEqual({ fill: NONE_FILL, count: 0, shown: [] });
  });
  it('takes its partnership’s colour', () => {
    expect(paintGmina(['b', 'hidden'], colours)).toEqual({ fill: '#222222', count: 1, shown: ['b'] });
  });
  it('counts every shown partnership once (direct and through the powiat)', () => {
    expect(paintGmina(['b', 'a', 'a'], colours)).toEqual({ fill: '#111111', count: 2, shown: ['a', 'b'] });
  });
});
