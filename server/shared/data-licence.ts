/**
 * The licence of the atlas's data and the attributions its sources ask for, in one place: the API
 * (`dataset`), the downloads (GeoJSON members, the `Link` header) and docs/data-licence.md say the
 * same. Why CC BY 4.0 is allowed, source by source: docs/data-licence.md.
 */

export interface Licence {
  /** Short name, e.g. "CC BY 4.0". */
  name: string;
  /** SPDX identifier. */
  spdx: string;
  url: string;
}

export interface Attribution {
  /** What of the atlas comes from this source. */
  covers: string;
  /** The line to show where that data is shown (Polish, as the sources are). */
  text: string;
  /** The source's own page. */
  url: string;
}

export const DATA_LICENCE: Licence = { name: 'CC BY 4.0', spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

export const CODE_LICENCE: Licence = { name: 'MIT', spdx: 'MIT', url: 'https://opensource.org/license/mit' };

export const ATTRIBUTIONS: readonly Attribution[] = [
  {
    covers: 'boundaries of gminy, powiaty and województwa (simplified, about 2020), their names and areas',
    text: 'Granice: Państwowy Rejestr Granic (PRG), Główny Urząd Geodezji i Kartografii',
    url: 'https://www.geoportal.gov.pl/pl/dane/panstwowy-rejestr-granic-prg/',
  },
  {
    covers: 'TERC codes of the territorial units (TERYT register)',
    text: 'Kody TERC: rejestr TERYT, Główny Urząd Statystyczny',
    url: 'https://eteryt.stat.gov.pl/',
  },
];

/** The one line to show beside the data: the atlas, its licence, then each source. */
export const ATTRIBUTION_LINE = ['Atlas Partnerstw (CC BY 4.0)', ...ATTRIBUTIONS.map((a) => a.text)].join('; ');
