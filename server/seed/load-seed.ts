import { analyze, PARTNERSHIP_TABLES } from '../db/analyze.js';
import type { Em } from '../db/orm.js';
import { query } from '../db/sql.js';
import { Jst } from '../jst/jst.entity.js';
import { currentCodeOf } from '../jst/teryt-history.js';
import { Membership, Partner, UnmatchedMember } from '../partnership/membership.entity.js';
import { Participation } from '../partnership/participation.entity.js';
import type { AreaType, LegalForm, MemberRole, MembershipBasis, ParticipationStatus, PartnerKind, PartnershipEndReason } from '../partnership/partnership-enums.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { Programme, ProgrammePhase, ReportedFigure } from '../programme/programme.entity.js';
import { searchKey } from '../shared/search-name.js';
import type { SeedData } from './read-seed.js';
import { validateSeed } from './validate-seed.js';

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`seed data rejected (${problems.length} problems):\n  - ${problems.slice(0, 30).join('\n  - ')}`);
  }
}

export interface SeedReport {
  programmes: number;
  partnerships: number;
  memberships: number;
  participations: number;
  unmatched: number;
}

/**
 * Loads programmes and partnerships into an empty atlas, in one transaction. The geodata must be
 * imported first (members are referenced by TERYT). Functional areas follow through the
 * membership trigger.
 */
export async function loadSeed(em: Em, seed: SeedData): Promise<SeedReport> {
  const report = await em.transactional((tx) => write(tx as Em, seed));
  await analyze(em, [...PARTNERSHIP_TABLES, 'programme_phase', 'reported_figure']);
  return report;
}

/** The seed's one transaction: checks, then writes every programme and partnership. */
async function write(tx: Em, given: SeedData): Promise<SeedReport> {
  const seed = withCurrentCodes(given);
  const known = await query<{ teryt: string }>(tx as Em, `select teryt from jst`);
  const problems = validateSeed(seed, new Set(known.map((r) => r.teryt)));
  if (problems.length) throw new SeedError(problems);
  const existing = await query<{ n: number }>(tx as Em, `select count(*)::int as n from partnership`);
  if (existing[0]!.n > 0) throw new SeedError(['the atlas already holds partnerships; the seed loads into an empty one']);

  const programmes = new Map<string, Programme>();
  for (const p of seed.programmes) {
    const programme = tx.create(Programme, {
      code: p.code, name: p.name, nameEn: p.nameEn ?? null, funder: p.funder, operator: p.operator ?? null,
      implementers: p.implementers, startDate: p.start ?? null, endDate: p.end ?? null, description: p.description ?? null, sources: p.sources,
    });
    p.phases.forEach((ph, position) =>
      tx.create(ProgrammePhase, { programme, position, code: ph.code, name: ph.name, startDate: ph.start ?? null, endDate: ph.end ?? null, sources: ph.sources }),
    );
    p.reportedFigures.forEach((f, position) =>
      tx.create(ReportedFigure, { programme, position, label: f.label, labelPl: f.labelPl, value: f.value, unit: f.unit, phase: f.phase ?? null, sources: f.sources }),
    );
    programmes.set(p.code, programme);
  }
  await tx.flush();

  const report: SeedReport = { programmes: programmes.size, partnerships: 0, memberships: 0, participations: 0, unmatched: 0 };
  const bySlug = new Map<string, Partnership>();
  for (const p of seed.partnerships) {
    const partnership = tx.create(Partnership, {
      started: p.started ?? null, ended: p.ended ?? null, endReason: (p.endReason ?? null) as PartnershipEndReason | null, periodSources: p.periodSources ?? [],
      slug: p.slug, name: p.name, searchName: searchKey([p.name, p.shortName]), shortName: p.shortName ?? null,
      legalForm: p.legalForm as LegalForm, areaType: p.areaType as AreaType, voivodeships: [...p.voivodeships].sort(),
      leader: p.leader ? tx.getReference(Jst, p.leader) : null, website: p.website ?? null, description: p.description ?? null,
      membersComplete: p.membersComplete, completenessNote: p.completenessNote ?? null, statedMemberCount: p.statedMemberCount ?? null, sources: p.sources,
    });
    for (const m of p.members) {
      tx.create(Membership, {
        partnership, jst: tx.getReference(Jst, m.teryt), role: m.role as MemberRole, joined: m.joined ?? null, left: m.left ?? null,
        sourceName: m.sourceName, sources: m.sources, basis: (m.basis ?? 'STATED') as MembershipBasis, inferenceRule: m.inferenceRule ?? null,
      });
    }
    for (const x of p.partners) tx.create(Partner, { partnership, name: x.name, kind: x.kind as PartnerKind, sources: x.sources });
    for (const pa of p.participations) {
      tx.create(Participation, {
        partnership, programme: programmes.get(pa.programme)!, status: pa.status as ParticipationStatus, phase: pa.phase ?? null,
        competition: pa.competition ?? null, grantAmount: pa.grantAmount ?? null, grantCurrency: pa.grantCurrency ?? null,
        document: pa.document ?? null, probable: pa.probable ?? false, sources: pa.sources,
      });
    }
    for (const u of p.unmatched) tx.create(UnmatchedMember, { partnership, sourceName: u.sourceName, reason: u.reason, sources: u.sources });
    bySlug.set(p.slug, partnership);
    report.partnerships++;
    report.memberships += p.members.length;
    report.participations += p.participations.length;
    report.unmatched += p.unmatched.length;
  }
  // Successors once every partnership exists (validateSeed has checked each names another one of the seed).
  for (const p of seed.partnerships) if (p.successor) bySlug.get(p.slug)!.successor = bySlug.get(p.successor)!;
  await tx.flush();
  return report;
}

/**
 * The seed with every member and leader under its current code: the seed names JSTs as the sources
 * and the boundaries of about 2020 do (Piekoszów 2604142), the atlas keys them by today's (2604143).
 */
function withCurrentCodes(seed: SeedData): SeedData {
  return {
    ...seed,
    partnerships: seed.partnerships.map((p) => ({
      ...p,
      leader: p.leader ? currentCodeOf(p.leader) : p.leader,
      members: p.members.map((m) => ({ ...m, teryt: currentCodeOf(m.teryt) })),
    })),
  };
}
