import { registerEnumType } from 'type-graphql';

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

registerEnumType(JstLevel, { name: 'JstLevel', description: 'Tier of local government (województwo, powiat, gmina)' });
registerEnumType(JstKind, { name: 'JstKind', description: 'Legal kind of a JST' });
