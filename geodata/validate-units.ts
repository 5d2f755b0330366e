import { JstLevel } from '../server/jst/jst-kind.js';
import { parseTeryt, TerytFormatError, type ParsedTeryt } from '../server/jst/teryt.js';
import { GeodataInputError, type RawUnit } from './read-features.js';

export interface ValidUnit extends RawUnit, ParsedTeryt {}

/**
 * Checks every code's format and the hierarchy (gmina → powiat → województwo), against the file
 * and the codes already in the database. Country outlines (TERC "00") are skipped, not loaded.
 */
export function validateUnits(raw: RawUnit[], existingCodes: ReadonlySet<string>): ValidUnit[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const units: ValidUnit[] = [];
  for (const unit of raw) {
    if (unit.teryt === '00') continue;
    try {
      const parsed = parseTeryt(unit.teryt);
      const earlier = seen.get(unit.teryt);
      if (earlier) problems.push(`${unit.origin}: code ${unit.teryt} repeats ${earlier}`);
      seen.set(unit.teryt, unit.origin);
      units.push({ ...unit, ...parsed });
    } catch (error) {
      if (!(error instanceof TerytFormatError)) throw error;
      problems.push(`${unit.origin}: ${error.message}`);
    }
  }
  for (const unit of units) {
    if (unit.parent && !seen.has(unit.parent) && !existingCodes.has(unit.parent)) {
      const parentLevel = unit.level === JstLevel.MUNICIPALITY ? 'powiat' : 'województwo';
      problems.push(`${unit.origin}: ${unit.teryt} (${unit.name}) has no ${parentLevel} ${unit.parent} in the input or the database`);
    }
  }
  if (problems.length) throw new GeodataInputError(problems);
  return units;
}
