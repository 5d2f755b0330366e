import { parsePartialDate } from '../input/partial-date.js';
import { checkPeriod } from '../input/partnership-patch.js';
import { parseProgrammeCode } from '../input/programme-code.js';
import { parseSlug } from '../input/slug.js';
import { parseSource } from '../input/source.js';
import { parseName } from '../input/text.js';
import { parseTeryt, parseVoivodeship } from '../input/teryt.js';
import { InputError } from '../shared/errors.js';
import type { SeedData } from './read-seed.js';
import type { SeedPartnership, SeedSource } from './seed-types.js';

/** Runs an input-layer parser; its rule, if the value breaks one, is the problem found (null when sound). */
function broken(parse: () => unknown): string | null {
  try {
    parse();
    return null;
  } catch (error) {
    if (error instanceof InputError) return error.rule;
    throw error;
  }
}

/**
 * Checks the seed before anything is written: every fact sourced, codes well-formed and known,
 * slugs unique, leaders among members, programme references resolvable, dates in order.
 * Returns every problem found (empty when the seed is sound).
 */
export function validateSeed(seed: SeedData, knownTeryt: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const sourced = (where: string, sources: SeedSource[] | undefined) => {
    if (!sources?.length) problems.push(`${where}: no source`);
    for (const s of sources ?? []) {
      const problem = broken(() => parseSource('source', s));
      if (problem) problems.push(`${where}: source "${s.ref}" ${problem}`);
    }
  };
  const date = (where: string, value: string | undefined) => {
    const problem = value === undefined ? null : broken(() => parsePartialDate('date', value));
    if (problem) problems.push(`${where}: date ${problem}`);
  };
  const check = (where: string, parse: () => unknown) => {
    const problem = broken(parse);
    if (problem) problems.push(`${where}: ${problem}`);
  };
  /** Programme code → its phase codes. */
  const codes = new Map<string, Set<string>>();
  for (const p of seed.programmes) {
    const where = `programme ${p.code}`;
    check(where, () => parseProgrammeCode('code', p.code));
    check(where, () => parseName('name', p.name));
    if (codes.has(p.code)) problems.push(`${where}: code repeats`);
    codes.set(p.code, new Set(p.phases.map((ph) => ph.code)));
    sourced(where, p.sources);
    date(where, p.start);
    date(where, p.end);
    p.phases.forEach((ph) => sourced(`${where} phase ${ph.code}`, ph.sources));
    p.reportedFigures.forEach((f) => sourced(`${where} figure "${f.label}"`, f.sources));
  }
  const slugs = new Set<string>();
  for (const p of seed.partnerships) {
    const where = `partnership ${p.slug}`;
    check(where, () => parseSlug('slug', p.slug));
    check(where, () => parseName('name', p.name));
    if (slugs.has(p.slug)) problems.push(`${where}: slug repeats`);
    slugs.add(p.slug);
    sourced(where, p.sources);
    const members = new Set<string>();
    for (const m of p.members) {
      const mw = `${where} member ${m.teryt} (${m.sourceName})`;
      const malformed = broken(() => parseTeryt('teryt', m.teryt));
      if (malformed) problems.push(`${mw}: malformed TERYT code: ${malformed}`);
      else if (!knownTeryt.has(m.teryt)) problems.push(`${mw}: TERYT code not in the geodata`);
      if (members.has(m.teryt)) problems.push(`${mw}: listed twice`);
      members.add(m.teryt);
      sourced(mw, m.sources);
      date(mw, m.joined);
      date(mw, m.left);
      if (m.joined && m.left && m.left < m.joined) problems.push(`${mw}: left before joining`);
      if ((m.basis === 'INFERRED') !== Boolean(m.inferenceRule?.trim())) problems.push(`${mw}: an inference rule is required exactly when basis is INFERRED`);
    }
    problems.push(...periodProblems(where, p, seed.partnerships));
    problems.push(...voivodeshipProblems(where, p));
    if (p.membersComplete && p.unmatched.length) problems.push(`${where}: marked complete but ${p.unmatched.length} member name(s) are unmatched`);
    if (p.leader && !members.has(p.leader)) problems.push(`${where}: leader ${p.leader} is not among the members`);
    problems.push(...leaderProblems(where, p));
    for (const pa of p.participations) {
      const phases = codes.get(pa.programme);
      if (!phases) problems.push(`${where}: participation in unknown programme ${pa.programme}`);
      else if (pa.phase !== undefined && !phases.has(pa.phase)) problems.push(`${where}: participation in unknown phase ${pa.phase} of ${pa.programme}`);
      sourced(`${where} participation ${pa.programme}`, pa.sources);
    }
    p.partners.forEach((x) => sourced(`${where} partner ${x.name}`, x.sources));
    p.unmatched.forEach((u) => sourced(`${where} unmatched ${u.sourceName}`, u.sources));
  }
  return problems;
}

/** The partnership's life span: dates real and ordered, sourced, an end reason only with an end, a successor that is another partnership of the seed. */
function periodProblems(where: string, p: SeedPartnership, all: readonly SeedPartnership[]): string[] {
  const problems: string[] = [];
  for (const value of [p.started, p.ended]) {
    const problem = value === undefined ? null : broken(() => parsePartialDate('date', value));
    if (problem) problems.push(`${where}: period date ${problem}`);
  }
  const problem = broken(() => checkPeriod({ started: p.started ?? null, ended: p.ended ?? null, endReason: p.endReason ?? null, periodSources: p.periodSources ?? [] }));
  if (problem) problems.push(`${where}: period ${problem}`);
  for (const s of p.periodSources ?? []) {
    const bad = broken(() => parseSource('source', s));
    if (bad) problems.push(`${where} period: source "${s.ref}" ${bad}`);
  }
  if (p.successor !== undefined && (p.successor === p.slug || !all.some((o) => o.slug === p.successor))) problems.push(`${where}: successor ${p.successor} is not another partnership of the seed`);
  return problems;
}

/**
 * The partnership's województwa: present, each a valid 2-digit TERC code (02..32, even), and covering the
 * województwo of every member (the first two digits of its TERYT code).
 */
function voivodeshipProblems(where: string, p: SeedPartnership): string[] {
  const problems: string[] = [];
  const listed = Array.isArray(p.voivodeships) ? p.voivodeships : [];
  if (!listed.length) problems.push(`${where}: voivodeships missing or empty`);
  for (const v of listed) {
    const problem = broken(() => parseVoivodeship('voivodeship', v));
    if (problem) problems.push(`${where}: voivodeship ${problem}`);
  }
  for (const m of p.members) {
    if (!listed.includes(m.teryt.slice(0, 2))) problems.push(`${where}: member ${m.teryt} lies outside voivodeships ${listed.join(', ')}`);
  }
  return problems;
}

/** A quoted sentence that calls someone leader: "lider", "Liderem", "lidera", "leader". */
const NAMES_LEADER = /lider|leader/i;

/**
 * Leaders only where a source says so: every member with role LEADER carries a source whose verbatim quote calls it
 * leader, and the partnership's `leader` is such a member. ("Implementing unit or leader" lists do not count.)
 */
function leaderProblems(where: string, p: SeedPartnership): string[] {
  const problems: string[] = [];
  for (const m of p.members.filter((x) => x.role === 'LEADER')) {
    if (!m.sources.some((s) => s.quote && NAMES_LEADER.test(s.quote))) problems.push(`${where}: leader ${m.teryt} (${m.sourceName}) has no source quote naming it leader`);
  }
  const leader = p.leader && p.members.find((m) => m.teryt === p.leader);
  if (leader && leader.role !== 'LEADER') problems.push(`${where}: leader ${p.leader} is a member with role ${leader.role}, not LEADER`);
  return problems;
}
