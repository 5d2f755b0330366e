import type { Membership } from './membership.entity.js';
import type { Participation } from './participation.entity.js';
import type { Partnership } from './partnership.entity.js';

/** Plain values of a record for the audit trail: what a reader of the history needs, no relations. */
export function partnershipSnapshot(p: Partnership): Record<string, unknown> {
  return {
    slug: p.slug, name: p.name, shortName: p.shortName ?? null, legalForm: p.legalForm, areaType: p.areaType, voivodeships: p.voivodeships,
    leader: p.leader?.teryt ?? null, website: p.website ?? null, description: p.description ?? null,
    membersComplete: p.membersComplete, completenessNote: p.completenessNote ?? null, statedMemberCount: p.statedMemberCount ?? null,
    sources: p.sources, version: p.version, archivedAt: p.archivedAt?.toISOString() ?? null,
    started: p.started ?? null, ended: p.ended ?? null, endReason: p.endReason ?? null, successor: p.successor?.id ?? null, periodSources: p.periodSources,
  };
}

export function membershipSnapshot(m: Membership): Record<string, unknown> {
  return { teryt: m.jst.teryt, role: m.role, joined: m.joined ?? null, left: m.left ?? null, basis: m.basis, inferenceRule: m.inferenceRule ?? null, sources: m.sources, version: m.version };
}

export function participationSnapshot(p: Participation): Record<string, unknown> {
  return {
    id: p.id, programme: p.programme.code ?? null, status: p.status, phase: p.phase ?? null, competition: p.competition ?? null,
    grantAmount: p.grantAmount ?? null, grantCurrency: p.grantCurrency ?? null, document: p.document ?? null, probable: p.probable,
    started: p.started ?? null, ended: p.ended ?? null, sources: p.sources, version: p.version,
  };
}
