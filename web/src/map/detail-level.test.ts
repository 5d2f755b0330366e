import { describe, expect, it } from '@jest/globals';
import { COARSE, FINE, detailFor, voivodeshipsToRefine } from './detail-level.js';

describe('detail level', () => {
  it('is coarse for the country and fine when zoomed in', () => {
    expect(detailFor(5.5)).toBe(COARSE);
    expect(detailFor(8)).toBe(FINE);
    expect(FINE.simplify).toBeLessThan(COARSE.simplify);
  });
  it('refines only the województwa in view that are not loaded yet', () => {
    const boxes = new Map([
      ['10', [18, 51, 20.7, 52.4]],
      ['14', [19.2, 51, 23.2, 53.5]],
      ['12', [19, 49, 21.5, 50.6]],
    ]);
    expect(voivodeshipsToRefine([19.3, 51.6, 19.6, 51.9], boxes, new Set())).toEqual(['10', '14']);
    expect(voivodeshipsToRefine([19.3, 51.6, 19.6, 51.9], boxes, new Set(['14']))).toEqual(['10']);
  });
});
