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
  it('gives overlapping partnerships different colours', () => {
    const ps = PARTNERSHIP_PALETTE.map((_, i) => p(`p${i}`, { bbox: [i * 0.1, 0, 1 + i * 0.1, 1] }));
    const colours = assignColours(ps, PARTNERSHIP_PALETTE);
    expect(new Set(colours.values()).size).toBe(PARTNERSHIP_PALETTE.length);
  });
  it('reuses colours only when the palette runs out, spreading them evenly', () => {
    const ps = Array.from({ length: 14 }, (_, i) => p(`p${String(i).padStart(2, '0')}`, { bbox: [0, 0, 1, 1] }));
    const counts = new Map<string, number>();
    for (const c of assignColours(ps, PARTNERSHIP_PALETTE).values()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.values()]).toEqual(Array(7).fill(2));
  });
  it('is stable whatever the input order', () => {
    const ps = [p('x', { bbox: [0, 0, 2, 2] }), p('y', { bbox: [1, 1, 3, 3] }), p('z', { bbox: [5, 5, 6, 6] })];
    expect([...assignColours(ps, PARTNERSHIP_PALETTE)].sort()).toEqual([...assignColours([...ps].reverse(), PARTNERSHIP_PALETTE)].sort());
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
