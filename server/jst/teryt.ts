import { JstKind, JstLevel } from './jst-kind.js';

/** Valid województwo codes of TERC: even numbers 02–32. */
const VOIVODESHIPS = new Set(['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32']);

/** TERC type digits of gminy; 4, 5 (parts of urban-rural gminy), 8, 9 (districts) are not gminy. */
const GMINA_TYPE: Record<string, JstKind> = {
  '1': JstKind.GMINA_MIEJSKA,
  '2': JstKind.GMINA_WIEJSKA,
  '3': JstKind.GMINA_MIEJSKO_WIEJSKA,
};

export interface ParsedTeryt {
  code: string;
  level: JstLevel;
  kind: JstKind;
  /** Code of the parent unit, or null for a województwo. */
  parent: string | null;
  voivodeship: string;
}

/** Thrown for a code that is not a valid TERC code of a województwo, powiat or gmina. */
export class TerytFormatError extends Error {
  constructor(
    readonly code: string,
    readonly rule: string,
  ) {
    super(`"${code}" is not a valid TERYT code: ${rule}`);
  }
}

/**
 * Parses a TERC code: 2 digits (województwo), 4 (powiat; 61–99 is a miasto na prawach powiatu),
 * or 7 (gmina: 2 województwo + 2 powiat + 2 gmina + 1 type digit 1/2/3).
 */
export function parseTeryt(code: string): ParsedTeryt {
  if (!/^\d+$/.test(code)) throw new TerytFormatError(code, 'only digits are allowed');
  if (![2, 4, 7].includes(code.length)) {
    throw new TerytFormatError(code, 'must have 2 (województwo), 4 (powiat) or 7 (gmina) digits');
  }
  const voivodeship = code.slice(0, 2);
  if (!VOIVODESHIPS.has(voivodeship)) {
    throw new TerytFormatError(code, `województwo part "${voivodeship}" must be an even number from 02 to 32`);
  }
  if (code.length === 2) {
    return { code, level: JstLevel.VOIVODESHIP, kind: JstKind.WOJEWODZTWO, parent: null, voivodeship };
  }
  const powiatNo = Number(code.slice(2, 4));
  if (powiatNo < 1) throw new TerytFormatError(code, 'powiat part must be 01 or more');
  const cityCounty = powiatNo >= 61;
  if (code.length === 4) {
    const kind = cityCounty ? JstKind.MIASTO_NA_PRAWACH_POWIATU : JstKind.POWIAT;
    return { code, level: JstLevel.COUNTY, kind, parent: voivodeship, voivodeship };
  }
  if (Number(code.slice(4, 6)) < 1) throw new TerytFormatError(code, 'gmina part must be 01 or more');
  const typeKind = GMINA_TYPE[code[6]!];
  if (!typeKind) throw new TerytFormatError(code, `type digit "${code[6]}" must be 1, 2 or 3 for a gmina`);
  const kind = cityCounty ? JstKind.MIASTO_NA_PRAWACH_POWIATU : typeKind;
  return { code, level: JstLevel.MUNICIPALITY, kind, parent: code.slice(0, 4), voivodeship };
}

/** true when `code` has a valid TERC format (it may still not exist). */
export function isTerytFormat(code: string): boolean {
  try {
    parseTeryt(code);
    return true;
  } catch {
    return false;
  }
}
