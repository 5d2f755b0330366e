import { registerDescribedEnum } from '../shared/describe-enum.js';

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

/** How a partnership came to an end (Partnership.ended). */
export enum PartnershipEndReason {
  DISSOLVED = 'DISSOLVED',
  MERGED = 'MERGED',
  REPLACED = 'REPLACED',
  EXPIRED = 'EXPIRED',
}

/** Whether a source names a membership or it is derived from the source's words by a written rule. */
export enum MembershipBasis {
  STATED = 'STATED',
  INFERRED = 'INFERRED',
}

export enum PartnerKind {
  NGO = 'NGO',
  BUSINESS = 'BUSINESS',
  UNIVERSITY = 'UNIVERSITY',
  PUBLIC_BODY = 'PUBLIC_BODY',
  OTHER = 'OTHER',
}

registerDescribedEnum(LegalForm, 'LegalForm', 'Legal form of a partnership', {
  JST_ASSOCIATION: 'stowarzyszenie JST',
  INTERMUNICIPAL_UNION: 'związek międzygminny',
  COUNTY_MUNICIPAL_UNION: 'związek powiatowo-gminny',
  METROPOLITAN_UNION: 'związek metropolitalny',
  AGREEMENT: 'porozumienie',
  LAG: 'lokalna grupa działania (LGD)',
  COMPANY: 'spółka',
  INFORMAL: 'współpraca nieformalna',
  UNKNOWN: 'not stated by the sources',
});
registerDescribedEnum(AreaType, 'AreaType', 'Type of functional area', {
  MOF: 'miejski obszar funkcjonalny',
  ZIT: 'zintegrowane inwestycje terytorialne',
  IIT: 'inne instrumenty terytorialne',
  OSI_MEDIUM_CITY: 'OSI: miasto średnie tracące funkcje społeczno-gospodarcze',
  OSI_MARGINALISED: 'OSI: obszar zagrożony trwałą marginalizacją',
  OTHER: 'inny',
});
registerDescribedEnum(ParticipationStatus, 'ParticipationStatus', 'How a partnership took part in a programme', {
  APPLICANT: 'wnioskodawca: applied to the programme; the sources state no award',
  GRANTEE: 'beneficjent, grantobiorca: received a grant or funding from the programme',
  PARTICIPANT: 'uczestnik: took part in the programme, as the sources state, without a stated grant or award',
  LAUREATE: 'laureat: won a contest of the programme (e.g. Samorządowy Lider Zarządzania)',
});
registerDescribedEnum(MemberRole, 'MemberRole', 'Role of a member JST in a partnership', {
  LEADER: 'lider: the JST leading the partnership (see also Partnership.leader)',
  MEMBER: 'członek: a member',
  FOUNDER: 'założyciel: a founding member, as a source states',
});
registerDescribedEnum(PartnerKind, 'PartnerKind', 'Kind of a partner that is not a JST', {
  NGO: 'non-governmental organisation (association, foundation)',
  BUSINESS: 'company or business organisation',
  UNIVERSITY: 'university or research institute',
  PUBLIC_BODY: 'public body that is not a JST (e.g. a government agency)',
  OTHER: 'none of the above',
});
registerDescribedEnum(PartnershipEndReason, 'PartnershipEndReason', 'How a partnership ended', {
  DISSOLVED: 'rozwiązane: dissolved, with no successor',
  MERGED: 'połączone: merged into another partnership (Partnership.successor)',
  REPLACED: 'zastąpione: its tasks passed to another body (Partnership.successor, e.g. KZK GOP to ZTM/GZM)',
  EXPIRED: 'wygasło: an agreement that ran for a set term and was not renewed',
});
registerDescribedEnum(MembershipBasis, 'MembershipBasis', 'How a membership is known', {
  STATED: 'wskazane: a source names this JST as a member',
  INFERRED: 'wywnioskowane: derived from a source\'s words by a written rule (Membership.inferenceRule), not named there',
});
