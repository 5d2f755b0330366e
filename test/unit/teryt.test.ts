import { describe, expect, it } from '@jest/globals';
import { JstKind, JstLevel } from '../../server/jst/jst-kind.js';
import { parseTeryt, TerytFormatError } from '../../server/jst/teryt.js';

describe('parseTeryt', () => {
  it('reads a województwo code', () => {
    expect(parseTeryt('12')).toEqual({ code: '12', level: JstLevel.VOIVODESHIP, kind: JstKind.WOJEWODZTWO, parent: null, voivodeship: '12' });
  });

  it('tells a powiat from a miasto na prawach powiatu by its number (61 and above)', () => {
    expect(parseTeryt('1201').kind).toBe(JstKind.POWIAT);
    expect(parseTeryt('1261').kind).toBe(JstKind.MIASTO_NA_PRAWACH_POWIATU);
  });

  it('takes the kind of a gmina from its type digit', () => {
    expect(parseTeryt('1201011')).toMatchObject({ kind: JstKind.GMINA_MIEJSKA, parent: '1201', level: JstLevel.MUNICIPALITY });
    expect(parseTeryt('1201022').kind).toBe(JstKind.GMINA_WIEJSKA);
    expect(parseTeryt('1201033').kind).toBe(JstKind.GMINA_MIEJSKO_WIEJSKA);
    expect(parseTeryt('1261011').kind).toBe(JstKind.MIASTO_NA_PRAWACH_POWIATU);
  });

  it.each([
    ['12a', 'only digits'],
    ['123', '2 (województwo), 4 (powiat) or 7 (gmina) digits'],
    ['01', 'even number from 02 to 32'],
    ['34', 'even number from 02 to 32'],
    ['1200', 'powiat part must be 01 or more'],
    ['1201004', 'gmina part must be 01 or more'],
    ['1201014', 'type digit "4" must be 1, 2 or 3'],
  ])('rejects %s, naming the rule (%s)', (code, rule) => {
    expect(() => parseTeryt(code)).toThrow(TerytFormatError);
    expect(() => parseTeryt(code)).toThrow(rule);
  });
});
