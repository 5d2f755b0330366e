import { registerDescribedEnum } from '../shared/describe-enum.js';

/** Tier of local government. */
export enum JstLevel {
  VOIVODESHIP = 'VOIVODESHIP',
  COUNTY = 'COUNTY',
  MUNICIPALITY = 'MUNICIPALITY',
}

/** Legal kind of a JST; names repeat across kinds (Bochnia town vs rural gmina), so displays show it. */
export enum JstKind {
  WOJEWODZTWO = 'WOJEWODZTWO',
  POWIAT = 'POWIAT',
  MIASTO_NA_PRAWACH_POWIATU = 'MIASTO_NA_PRAWACH_POWIATU',
  GMINA_MIEJSKA = 'GMINA_MIEJSKA',
  GMINA_WIEJSKA = 'GMINA_WIEJSKA',
  GMINA_MIEJSKO_WIEJSKA = 'GMINA_MIEJSKO_WIEJSKA',
}

/** Polish labels, as the register names the kinds. */
export const jstKindLabelPl: Record<JstKind, string> = {
  WOJEWODZTWO: 'województwo',
  POWIAT: 'powiat',
  MIASTO_NA_PRAWACH_POWIATU: 'miasto na prawach powiatu',
  GMINA_MIEJSKA: 'gmina miejska',
  GMINA_WIEJSKA: 'gmina wiejska',
  GMINA_MIEJSKO_WIEJSKA: 'gmina miejsko-wiejska',
};

registerDescribedEnum(JstLevel, 'JstLevel', 'Tier of local government (województwo, powiat, gmina)', {
  VOIVODESHIP: 'województwo (region), 2-digit TERC code',
  COUNTY: 'powiat, or miasto na prawach powiatu (city with county rights), 4-digit TERC code',
  MUNICIPALITY: 'gmina (municipality), 7-digit TERC code',
});
registerDescribedEnum(JstKind, 'JstKind', 'Legal kind of a JST', {
  WOJEWODZTWO: 'województwo (region)',
  POWIAT: 'powiat (county)',
  MIASTO_NA_PRAWACH_POWIATU: 'miasto na prawach powiatu: a city that is also a powiat (powiat part of its code 61 or more)',
  GMINA_MIEJSKA: 'gmina miejska: urban gmina (type digit 1)',
  GMINA_WIEJSKA: 'gmina wiejska: rural gmina (type digit 2)',
  GMINA_MIEJSKO_WIEJSKA: 'gmina miejsko-wiejska: urban-rural gmina (type digit 3)',
});
