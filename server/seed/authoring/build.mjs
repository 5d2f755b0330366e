import path from 'node:path';
import { SHARED } from './shared-dir.mjs';
// Builds ../data/programmes.json, ../data/partnerships.json and ../data/UNMATCHED.md from the reference CSVs,
// the geodata and the curated files. Usage: node build.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from './csv.mjs';
import { parseName, matchName, normKey, GLOBAL_ALIASES, gminy as GMINY, powiaty as POWIATY, nameOf } from './geo.mjs';
import { PROGRAMMES } from './curated-programmes.mjs';
import { REF_PARTNERSHIPS } from './curated-partnerships-ref.mjs';
import { SEED_PARTNERSHIPS } from './curated-partnerships-seed.mjs';
import { writeUnmatchedReport } from './report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'data');
const REF = process.env.REFERENCE_DIR || path.join(SHARED, 'reference');

const rows = [
  ...readCsv(`${REF}/memberships-cwd-eea.csv`).map((r) => ({ file: 'cwd-eea', partnership: r.partnership_name, context: r.programme, leader: r.leader, member: r.member_name, kind: r.member_kind_if_stated, url: r.source_url_or_repo_path, quote: r.quote })),
  ...readCsv(`${REF}/memberships-zit-mof.csv`).map((r) => ({ file: 'zit-mof', partnership: r.partnership_name, context: r.programme_or_context, leader: '', member: r.member_name, kind: r.member_kind_if_stated, url: r.source_url_or_repo_path, quote: r.quote })),
];
const firstRowByUrl = new Map();
for (const r of rows) if (!firstRowByUrl.has(r.url)) firstRowByUrl.set(r.url, r);

/** Resolve csv() sources to the URL + verbatim quote of the first CSV row with that URL. */
function resolve(src) {
  if (!src.fromCsv) return { ...src };
  const r = firstRowByUrl.get(src.ref);
  if (!r) throw new Error(`csv source not found in the reference CSVs: ${src.ref}`);
  return { ref: src.ref, quote: r.quote, ...(src.note ? { note: src.note } : {}) };
}
const resolveAll = (list) => list.map(resolve);
const rowSource = (r, note) => ({ ref: r.url, quote: r.quote, ...(note ? { note } : {}) });
const srcKey = (s) => `${s.ref}|${s.quote ?? ''}|${s.note ?? ''}`;
function pushSources(list, more) { for (const s of more) if (!list.some((x) => srcKey(x) === srcKey(s))) list.push(s); }

export const slugify = (s) => s.toLowerCase().replace(/ł/g, 'l').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function cwdParticipations(context, r) {
  const src = rowSource(r);
  if (/^CWD Plus/.test(context)) return [{ programme: 'CWD-PLUS', status: 'PARTICIPANT', phase: 'plus', sources: [src] }];
  if (/^CWD pilotaż/.test(context)) {
    const out = [{ programme: 'CWD', status: 'PARTICIPANT', phase: 'pilot', sources: [src] }];
    if (/kontynuacja w CWD Plus/.test(context)) out.push({ programme: 'CWD-PLUS', status: 'PARTICIPANT', phase: 'plus', sources: [src] });
    return out;
  }
  if (/^CWD \(/.test(context)) return [{ programme: 'CWD-PLUS', status: 'PARTICIPANT', phase: 'plus', probable: true, sources: [rowSource(r, `edition not separated in the source (reference context: ${context}); CWD Plus assumed because all pilot partnerships continued in CWD Plus and the item comes from the CWD Plus period`)] }];
  if (/^EEA/.test(context)) return [{ programme: 'EEA-PP', status: 'PARTICIPANT', probable: true, sources: [rowSource(r, 'probable, not confirmed: the dobrepraktyki.pl page carries the EEA project banner but its text does not state participation')] }];
  throw new Error(`unknown CWD/EEA context: ${context}`);
}

/**
 * The województwa (2-digit TERC) a partnership belongs to: those of its loaded members, plus the curated
 * `voivodeships.codes` where no member places it (each with the `basis` saying how it was known).
 */
function voivodeshipsOf(spec, memberList) {
  const curated = spec.voivodeships;
  if (curated && !(curated.codes?.length && curated.basis)) throw new Error(`${spec.slug}: curated voivodeships need codes and a basis`);
  const codes = new Set([...memberList.map((m) => m.teryt.slice(0, 2)), ...(curated?.codes ?? [])]);
  if (!codes.size) throw new Error(`${spec.slug}: no loaded member and no curated voivodeships`);
  return [...codes].sort();
}

const RANK = { MEMBER: 0, FOUNDER: 1, LEADER: 2 };
/** The quoted sentence itself calls someone leader ("lider", "Liderem", "leader"): the reference's own columns are not enough. */
const QUOTE_NAMES_LEADER = /lider|leader/i;
function roleOf(spec, r) {
  if (spec.roles[r.member]) return spec.roles[r.member];
  if ((/lider|leader/i.test(r.kind) || (r.leader && r.leader === r.member)) && QUOTE_NAMES_LEADER.test(r.quote)) return 'LEADER';
  if (/founding/i.test(r.kind)) return 'FOUNDER';
  return 'MEMBER';
}
const explicitKey = (p, aliases) => normKey(aliases?.[p.base] ?? GLOBAL_ALIASES[normKey(p.base)] ?? p.base);

function buildPartnership(spec, specRows) {
  const members = new Map();
  const unmatched = [];
  const participations = [];
  const sources = [];
  const ctxBase = { region: spec.region, aliases: spec.aliases };

  function addMember(teryt, sourceName, role, srcs, dates) {
    const m = members.get(teryt) ?? { teryt, sourceName, role, sources: [] };
    if (RANK[role] > RANK[m.role]) m.role = role;
    if (dates?.joined) m.joined = dates.joined;
    if (dates?.left) m.left = dates.left;
    pushSources(m.sources, srcs);
    if (dates?.source) pushSources(m.sources, [resolve(dates.source)]);
    members.set(teryt, m);
  }
  function addUnmatched(sourceName, reason, srcs) {
    const u = unmatched.find((x) => x.sourceName === sourceName && x.reason === reason);
    if (u) pushSources(u.sources, srcs); else unmatched.push({ sourceName, reason, sources: [...srcs] });
  }
  function addParticipation(p) {
    const key = `${p.programme}|${p.phase ?? ''}|${p.status}`;
    const ex = participations.find((x) => `${x.programme}|${x.phase ?? ''}|${x.status}` === key);
    if (!ex) { participations.push({ ...p, sources: [...p.sources] }); return; }
    pushSources(ex.sources, p.sources);
    if (!p.probable) delete ex.probable;
  }

  // Reference CSV rows, group by group (one source list) so that the contrast rule stays within one list.
  const groups = new Map();
  for (const r of specRows) { const k = `${r.partnership}|${r.context}`; if (!groups.has(k)) groups.set(k, []); groups.get(k).push(r); }
  for (const group of groups.values()) {
    const contrast = new Map();
    for (const r of group) if (r.member) { const p = parseName(r.member, r.kind); if (p.type === '1' || p.type === '2') contrast.set(explicitKey(p, spec.aliases), p.type); }
    for (const r of group) {
      pushSources(sources, [rowSource(r)].filter((s) => !sources.some((x) => x.ref === s.ref)));
      if (r.file === 'cwd-eea') cwdParticipations(r.context, r).forEach(addParticipation);
      if (!r.member) continue;
      const p = parseName(r.member, r.kind);
      if (p.level === 'partner') continue; // loaded as curated partner
      const res = matchName(p, { ...ctxBase, contrast });
      if (res.teryt) addMember(res.teryt, r.member, roleOf(spec, r), [rowSource(r, res.note)], spec.dates[r.member]);
      else addUnmatched(r.member, res.reason, [rowSource(r)]);
    }
  }
  // Members named in the seed documents (leaders from the dobrepraktyki.pl list, …).
  for (const sm of spec.seedMembers) {
    const res = matchName({ base: sm.base, type: sm.type, level: sm.level ?? 'gmina' }, ctxBase);
    const srcs = sm.sources.map((s) => ({ ...s, ...(res.note ? { note: [s.note, res.note].filter(Boolean).join('; ') } : {}) }));
    if (res.teryt) addMember(res.teryt, sm.sourceName, sm.role, srcs, spec.dates[sm.sourceName]);
    else addUnmatched(sm.sourceName, res.reason, sm.sources);
  }
  for (const u of spec.extraUnmatched) addUnmatched(u.sourceName, u.reason, resolveAll(u.sources));
  if (spec.inferred) for (const m of inferredMembers(spec)) members.set(m.teryt, m);
  for (const p of spec.participations) addParticipation({ ...p, sources: resolveAll(p.sources) });
  pushSources(sources, resolveAll(spec.sources));

  const memberList = [...members.values()].map((m) => ({ teryt: m.teryt, sourceName: m.sourceName, role: m.role, ...(m.joined ? { joined: m.joined } : {}), ...(m.left ? { left: m.left } : {}),
    ...(m.basis ? { basis: m.basis, inferenceRule: m.inferenceRule } : {}), sources: m.sources }));
  const leader = memberList.find((m) => m.role === 'LEADER')?.teryt;
  const out = {
    slug: slugify(spec.slug), name: spec.name, ...(spec.shortName ? { shortName: spec.shortName } : {}),
    legalForm: spec.legalForm, areaType: spec.areaType, voivodeships: voivodeshipsOf(spec, memberList), ...(leader ? { leader } : {}), ...(spec.website ? { website: spec.website } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    // Complete means the loaded list is whole: a source listing everyone is not enough if a name stayed unmatched.
    membersComplete: spec.membersComplete && unmatched.length === 0,
  };
  let note = spec.completenessNote;
  if (spec.membersComplete && unmatched.length) {
    note = [note, `The source lists every member, but ${unmatched.length} name(s) could not be matched to one TERYT code (see unmatchedMembers), so the loaded list is incomplete.`].filter(Boolean).join(' ');
  }
  if (!spec.membersComplete && !note) throw new Error(`${spec.slug}: incomplete without completenessNote`);
  if (!leader && memberList.length && !/leader/i.test(note ?? '')) note = [note, 'No leader is stated by the sources.'].filter(Boolean).join(' ');
  if (note) out.completenessNote = note;
  if (spec.statedMemberCount !== undefined) out.statedMemberCount = spec.statedMemberCount;
  if (spec.period) {
    const { sources: periodSources, ...dates } = spec.period;
    Object.assign(out, dates, { periodSources: resolveAll(periodSources) });
  }
  return { ...out, members: memberList, partners: spec.partners.map((p) => ({ ...p, sources: resolveAll(p.sources) })), participations, unmatched, sources };
}

/**
 * Members a source implies without naming them (`spec.inferred`): every gmina of the powiaty it names, loaded with
 * basis INFERRED and the rule written down. The build stops when the boundaries give another number of gminy than
 * the source states, so a rule that no longer fits the source cannot load silently.
 */
function inferredMembers(spec) {
  const { powiaty: names, expect, rule, sourceName, source } = spec.inferred;
  // Powiaty by the name the source gives, inside the partnership's region (names repeat across województwa).
  const powiaty = names.map((name) => {
    const hits = POWIATY.filter((p) => p.name === name && spec.region.some((r) => p.terc.startsWith(r)));
    if (hits.length !== 1) throw new Error(`${spec.slug}: powiat ${name} matches ${hits.length} powiaty in region ${spec.region}`);
    return hits[0].terc;
  });
  const found = GMINY.filter((g) => powiaty.includes(g.terc.slice(0, 4))).sort((a, b) => a.terc.localeCompare(b.terc));
  if (found.length !== expect) throw new Error(`${spec.slug}: the source says ${expect} gminy, the boundaries have ${found.length} in powiaty ${powiaty.join(', ')}`);
  const note = (g) => `inferred: gmina ${g.name} lies in powiat ${nameOf.get(g.terc.slice(0, 4))} (${g.terc.slice(0, 4)}), one of the powiaty the source names`;
  return found.map((g) => ({ teryt: g.terc, sourceName, role: 'MEMBER', basis: 'INFERRED', inferenceRule: rule, sources: [{ ...resolve(source), note: note(g) }] }));
}

const specs = [...REF_PARTNERSHIPS, ...SEED_PARTNERSHIPS];
const byCsvName = new Map();
for (const s of specs) for (const n of s.csv) { if (byCsvName.has(n)) throw new Error(`CSV name mapped twice: ${n}`); byCsvName.set(n, s); }
const unmapped = [...new Set(rows.map((r) => r.partnership))].filter((n) => !byCsvName.has(n));
if (unmapped.length) throw new Error(`CSV partnerships not mapped to a curated spec: ${unmapped.join(' | ')}`);

const partnerships = specs.map((s) => buildPartnership(s, rows.filter((r) => s.csv.includes(r.partnership))));
const programmes = PROGRAMMES.map((p) => ({
  ...p, phases: p.phases.map((ph) => ({ ...ph, sources: resolveAll(ph.sources) })),
  reportedFigures: p.reportedFigures.map((f) => ({ ...f, sources: resolveAll(f.sources) })), sources: resolveAll(p.sources),
}));

writeFileSync(join(OUT, 'programmes.json'), JSON.stringify(programmes, null, 2) + '\n');
writeFileSync(join(OUT, 'partnerships.json'), JSON.stringify(partnerships, null, 2) + '\n');
writeUnmatchedReport(join(OUT, 'UNMATCHED.md'), partnerships);
const nMembers = partnerships.reduce((a, p) => a + p.members.length, 0);
const nUnmatched = partnerships.reduce((a, p) => a + p.unmatched.length, 0);
console.log(`programmes: ${programmes.length}, partnerships: ${partnerships.length}, members: ${nMembers}, unmatched: ${nUnmatched}`);
