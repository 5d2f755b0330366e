import { registerEnumType } from 'type-graphql';

export enum LegalForm {
  JST_ASSOCIATION = 'JST_ASSOCIATION',
  INTERMUNICIPAL_UNION = 'INTERMUNICIPAL_UNION',
  COUNTY_MUNICIPAL_UNION = 'COUNTY_MUNICIPAL_UNION',
  METROPOLITAN_UNION = 'METROPOLITAN_UNION',
  AGREEMENT = 'AGREEMENT',
  LAG = 'LAG',
  COMPANY = 'COMPANY',
  INFORMAL = 'INFORMAL',
  UNKNOWN = 'UNKNOWN',
}

export enum AreaType {
  MOF = 'MOF',
  ZIT = 'ZIT',
  IIT = 'IIT',
  OSI_MEDIUM_CITY = 'OSI_MEDIUM_CITY',
  OSI_MARGINALISED = 'OSI_MARGINALISED',
  OTHER = 'OTHER',
}

export enum ParticipationStatus {
  APPLICANT = 'APPLICANT',
  GRANTEE = 'GRANTEE',
  PARTICIPANT = 'PARTICIPANT',
  LAUREATE = 'LAUREATE',
}

export enum MemberRole {
  LEADER = 'LEADER',
  MEMBER = 'MEMBER',
  FOUNDER = 'FOUNDER',
}

export enum PartnerKind {
  NGO = 'NGO',
  BUSINESS = 'BUSINESS',
  UNIVERSITY = 'UNIVERSITY',
  PUBLIC_BODY = 'PUBLIC_BODY',
  OTHER = 'OTHER',
}

registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: 'Legal form of a partnership',
  valuesConfig: {
    JST_ASSOCIATION: { description: 'stowarzyszenie JST' },
    INTERMUNICIPAL_UNION: { description: 'związek międzygminny' },
    COUNTY_MUNICIPAL_UNION: { description: 'związek powiatowo-gminny' },
    METROPOLITAN_UNION: { description: 'związek metropolitalny' },
    AGREEMENT: { description: 'porozumienie' },
    LAG: { description: 'lokalna grupa działania (LGD)' },
    COMPANY: { description: 'spółka' },
    INFORMAL: { description: 'współpraca nieformalna' },
    UNKNOWN: { description: 'not stated by the sources' },
  },
});
registerEnumType(AreaType, {
  name: 'AreaType',
  description: 'Type of functional area',
  valuesConfig: {
    MOF: { description: 'miejski obszar funkcjonalny' },
    ZIT: { description: 'zintegrowane inwestycje terytorialne' },
    IIT: { description: 'inne instrumenty terytorialne' },
    OSI_MEDIUM_CITY: { description: 'OSI: miasto średnie tracące funkcje społeczno-gospodarcze' },
    OSI_MARGINALISED: { description: 'OSI: obszar zagrożony trwałą marginalizacją' },
    OTHER: { description: 'inny' },
  },
});
registerEnumType(ParticipationStatus, { name: 'ParticipationStatus', description: 'How a partnership took part in a programme' });
registerEnumType(MemberRole, { name: 'MemberRole' });
registerEnumType(PartnerKind, { name: 'PartnerKind', description: 'Kind of a partner that is not a JST' });
