import { describe, expect, it } from '@jest/globals';
// MapLibre's own expression engine (a dependency of maplibre-gl): the expressions run as the map runs them.
import { createExpression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { paintGmina } from './colouring.js';
import { COUNT_SCALE, NONE_FILL } from './palette.js';
import {
  HATCH_IMAGES, areaColourExpression, areaFilter, countFill, countFillExpression, fillExpression, hatchPatternExpression, overlapFilter, shownCountExpression, splitList,
} from './tile-paint.js';

const colours = new Map([['b-slug', '#222222'], ['a-slug', '#111111'], ['ab', '#333333']]);
const feature = (partnerships: string, slug = '') => ({ type: 'Polygon' as const, properties: { partnerships, slug }, geometry: [] });

function evaluate(expression: unknown, properties: { partnerships?: string; slug?: string }): unknown {
  const parsed = createExpression(expression, 'paint.fill-color', { type: 'color' } as never);
  if (parsed.result === 'error') throw new Error(parsed.value.map((e) => e.message).join('; '));
  return parsed.value.evaluate({ zoom: 9 }, feature(properties.partnerships ?? '', properties.slug) as never);
}
const hex = (c: unknown) => (c as { toString(): string }).toString();
const rgba = (hexColour: string) => `rgba(${[1, 3, 5].map((i) => parseInt(hexColour.slice(i, i + 2), 16)).join(',')},1)`;

describe('tile paint expressions', () => {
  it('splits the tiles\' list properties', () => {
    expect(splitList('a,b')).toEqual(['a', 'b']);
    expect(splitList('')).toEqual([]);
    expect(splitList(undefined)).toEqual([]);
  });

  it.each([[''], ['a-slug'], ['b-slug,a-slug'], ['other'], ['other,b-slug'], ['a'], ['ab'], ['a-slug-x']])(
    'fills %p as paintGmina does', (list) => {
      expect(hex(evaluate(fillExpression(colours), { partnerships: list }))).toBe(rgba(paintGmina(splitList(list), colours).fill));
    });

  it('matches whole slugs only', () => {
    expect(hex(evaluate(fillExpression(colours), { partnerships: 'a,b' }))).toBe(rgba(NONE_FILL));
    expect(hex(evaluate(fillExpression(colours), { partnerships: 'x-a-slug' }))).toBe(rgba(NONE_FILL));
  });

  it('counts shown partnerships and hatches from two', () => {
    const count = (list: string) => {
      const parsed = createExpression(shownCountExpression(colours), 'paint.count', { type: 'number' } as never);
      if (parsed.result === 'error') throw new Error('bad count');
      return parsed.value.evaluate({ zoom: 9 }, feature(list) as never);
    };
    expect(count('a-slug,b-slug,other')).toBe(2);
    expect(count('other')).toBe(0);
    const hatched = featureFilter(overlapFilter(colours), 'filter');
    expect(hatched.filter({ zoom: 9 }, feature('a-slug,b-slug') as never)).toBe(true);
    expect(hatched.filter({ zoom: 9 }, feature('a-slug') as never)).toBe(false);
    expect(featureFilter(overlapFilter(new Map()), 'filter').filter({ zoom: 9 }, feature('a-slug,b-slug') as never)).toBe(false);
  });

  it('draws and colours the shown areas only', () => {
    const shown = featureFilter(areaFilter(['a-slug']), 'filter');
    expect(shown.filter({ zoom: 9 }, feature('', 'a-slug') as never)).toBe(true);
    expect(shown.filter({ zoom: 9 }, feature('', 'b-slug') as never)).toBe(false);
    expect(hex(evaluate(areaColourExpression(colours), { slug: 'b-slug' }))).toBe(rgba('#222222'));
  });

  it('count mode fills 0, 1, 2 and 3+ shown partnerships with their own colours', () => {
    const three = new Map([...colours, ['c-slug', '#444444']]);
    const fill = (list: string) => hex(evaluate(countFillExpression(three), { partnerships: list }));
    expect(fill('other')).toBe(rgba(NONE_FILL));
    expect(fill('a-slug,other')).toBe(rgba(COUNT_SCALE[0]));
    expect(fill('a-slug,b-slug')).toBe(rgba(COUNT_SCALE[1]));
    expect(fill('a-slug,b-slug,c-slug')).toBe(rgba(COUNT_SCALE[2]));
    expect(fill('a-slug,ab,b-slug,c-slug')).toBe(rgba(COUNT_SCALE[2]));
    expect([0, 1, 2, 3, 7].map(countFill)).toEqual([NONE_FILL, ...COUNT_SCALE, COUNT_SCALE[2]]);
  });

  it('hatches two shown partnerships with one pattern and three or more with another', () => {
    const three = new Map([...colours, ['c-slug', '#444444']]);
    const pattern = (list: string) => {
      const parsed = createExpression(hatchPatternExpression(three), 'paint.fill-pattern', { type: 'string' } as never);
      if (parsed.result === 'error') throw new Error('bad pattern');
      return parsed.value.evaluate({ zoom: 9 }, feature(list) as never);
    };
    expect(pattern('a-slug,b-slug')).toBe(HATCH_IMAGES.two);
    expect(pattern('a-slug,b-slug,c-slug')).toBe(HATCH_IMAGES.threeOrMore);
  });
});
