import path from 'node:path';
import { SHARED } from './shared-dir.mjs';
// Validates ../data/programmes.json and ../data/partnerships.json. Usage: node validate.mjs (exit 1 on error).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCodes } from './geo.mjs';
import { readCsv } from './csv.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = process.env.DATA_DIR || join(HERE, '..', 'data');
const SEEDS = process.env.SEEDS_DIR || path.join(SHARED, 'seeds');
const REF = process.env.REFERENCE_DIR || path.join(SHARED, 'reference');
const programmes = JSON.parse(readFileSync(join(DATA, 'programmes.json'), 'utf8'));
const partnerships = JSON.parse(readFileSync(join(DATA, 'partnerships.json'), 'utf8'));

const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);
const ws = (s) => s.replace(/\s+/g, ' ').trim();
const seedText = new Map();
const csvQuotes = new Map(); // url → set of quotes
for (const f of ['memberships-cwd-eea.csv', 'memberships-zit-mof.csv']) for (const r of readCsv(`${REF}/${f}`)) {
  if (!csvQuotes.has(r.source_url_or_repo_path)) csvQuotes.set(r.source_url_or_repo_path, new Set());
  csvQuotes.get(r.source_url_or_repo_path).add(r.quote);
}

const ENUMS = {
  legalForm: ['JST_ASSOCIATION', 'INTERMUNICIPAL_UNION', 'COUNTY_MUNICIPAL_UNION', 'METROPOLITAN_UNION', 'AGREEMENT', 'LAG', 'COMPANY', 'INFORMAL', 'UNKNOWN'],
  areaType: ['MOF', 'ZIT', 'IIT', 'OSI_MEDIUM_CITY', 'OSI_MARGINALISED', 'OTHER'],
  status: ['APPLICANT', 'GRANTEE', 'PARTICIPANT', 'LAUREATE'],
  role: ['LEADER', 'MEMBER', 'FOUNDER'],
  partnerKind: ['NGO', 'BUSINESS', 'UNIVERSITY', 'PUBLIC_BODY', 'OTHER'],
};

function checkSources(where, sources) {
  if (!Array.isArray(sources) || sources.length === 0) return err(where, 'no source');
  for (const s of sources) {
    const extra = Object.keys(s).filter((k) => !['ref', 'quote', 'note'].includes(k));
    if (extra.length) err(where, `unexpected source fields ${extra}`);
    if (typeof s.ref !== 'string') { err(where, 'source without ref'); continue; }
    const m = s.ref.match(/^seeds\/([^/]+\.txt)$/);
    if (m) {
      const p = join(SEEDS, m[1]);
      if (!existsSync(p)) { err(where, `seed file missing: ${s.ref}`); continue; }
      if (!seedText.has(p)) seedText.set(p, ws(readFileSync(p, 'utf8')));
      if (s.quote && !seedText.get(p).includes(ws(s.quote))) err(where, `quote not verbatim in ${s.ref}: "${s.quote.slice(0, 80)}"`);
    } else if (/^https?:\/\/\S+$/.test(s.ref)) {
      if (!s.quote && !s.note) err(where, `URL source without quote or note: ${s.ref}`);
      if (s.quote && csvQuotes.has(s.ref) && !csvQuotes.get(s.ref).has(s.quote)) err(where, `quote differs from the reference CSV for ${s.ref}`);
    } else err(where, `bad ref: ${s.ref}`);
  }
}

const VOIVODESHIPS = new Set(Array.from({ length: 16 }, (_, i) => String(2 * (i + 1)).padStart(2, '0')));
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
function checkDates(where, start, end) {
  for (const d of [start, end]) if (d !== undefined && (!DATE.test(d) || Number.isNaN(Date.parse(d)))) err(where, `bad date ${d}`);
  if (start && end && start.slice(0, Math.min(start.length, end.length)) > end.slice(0, Math.min(start.length, end.length))) err(where, `start ${start} after end ${end}`);
}

const progByCode = new Map();
for (const p of programmes) {
  const w = `programme ${p.code}`;
  if (progByCode.has(p.code)) err(w, 'duplicate code');
  progByCode.set(p.code, p);
  for (const k of ['code', 'name', 'funder']) if (!p[k]) err(w, `missing ${k}`);
  if (!Array.isArray(p.implementers)) err(w, 'implementers must be an array');
  checkDates(w, p.start, p.end);
  checkSources(w, p.sources);
  const phases = new Set();
  for (const ph of p.phases) {
    if (phases.has(ph.code)) err(w, `duplicate phase ${ph.code}`);
    phases.add(ph.code);
    checkDates(`${w} phase ${ph.code}`, ph.start, ph.end);
    checkSources(`${w} phase ${ph.code}`, ph.sources);
  }
  for (const f of p.reportedFigures) {
    const fw = `${w} figure "${f.label}"`;
    if (typeof f.value !== 'number' || !f.unit || !f.labelPl) err(fw, 'bad figure');
    if (f.phase && !phases.has(f.phase)) err(fw, `unknown phase ${f.phase}`);
    checkSources(fw, f.sources);
  }
}

const slugs = new Set();
for (const p of partnerships) {
  const w = `partnership ${p.slug}`;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.slug)) err(w, 'slug not lowercase ASCII with hyphens');
  if (slugs.has(p.slug)) err(w, 'duplicate slug');
  slugs.add(p.slug);
  if (!p.name) err(w, 'no name');
  if (!ENUMS.legalForm.includes(p.legalForm)) err(w, `bad legalForm ${p.legalForm}`);
  if (!ENUMS.areaType.includes(p.areaType)) err(w, `bad areaType ${p.areaType}`);
  if (typeof p.membersComplete !== 'boolean') err(w, 'membersComplete not boolean');
  if (!p.membersComplete && !p.completenessNote) err(w, 'incomplete without completenessNote');
  checkSources(w, p.sources);
  if (p.started !== undefined || p.ended !== undefined) {
    checkDates(`${w} period`, p.started, p.ended);
    checkSources(`${w} period`, p.periodSources);
  }
  if (p.endReason !== undefined && (!p.ended || !['DISSOLVED', 'MERGED', 'REPLACED', 'EXPIRED'].includes(p.endReason))) err(w, `endReason ${p.endReason} needs ended and one of DISSOLVED, MERGED, REPLACED, EXPIRED`);
  if (p.successor !== undefined && (p.successor === p.slug || !partnerships.some((o) => o.slug === p.successor))) err(w, `successor ${p.successor} is not another partnership`);
  const seen = new Set();
  for (const m of p.members) {
    const mw = `${w} member ${m.teryt} (${m.sourceName})`;
    if (!allCodes.has(m.teryt)) err(mw, 'TERYT code not in geodata');
    if (seen.has(m.teryt)) err(mw, 'duplicate member');
    seen.add(m.teryt);
    if (!ENUMS.role.includes(m.role)) err(mw, `bad role ${m.role}`);
    if (!m.sourceName) err(mw, 'no sourceName');
    checkDates(mw, m.joined, m.left);
    checkSources(mw, m.sources);
    if (m.basis !== undefined && !['STATED', 'INFERRED'].includes(m.basis)) err(mw, `bad basis ${m.basis}`);
    if ((m.basis === 'INFERRED') !== Boolean(m.inferenceRule)) err(mw, 'an inferenceRule is required exactly when basis is INFERRED');
  }
  const woj = Array.isArray(p.voivodeships) ? p.voivodeships : [];
  if (!woj.length) err(w, 'voivodeships missing or empty');
  for (const v of woj) if (!VOIVODESHIPS.has(v)) err(w, `voivodeship ${v} is not a 2-digit TERC code 02..32`);
  for (const m of p.members) if (!woj.includes(m.teryt.slice(0, 2))) err(w, `member ${m.teryt} lies outside voivodeships ${woj}`);
  for (const m of p.members) if (m.role === 'LEADER' && !m.sources.some((s) => s.quote && /lider|leader/i.test(s.quote))) err(w, `leader ${m.teryt} has no source quote naming it leader`);
  if (p.leader !== undefined && !p.members.some((m) => m.teryt === p.leader && m.role === 'LEADER')) err(w, `leader ${p.leader} is not a member with role LEADER`);
  if (p.leader === undefined && p.members.some((m) => m.role === 'LEADER')) err(w, 'a member has role LEADER but leader is not set');
  for (const x of p.participations) {
    const xw = `${w} participation ${x.programme}`;
    const prog = progByCode.get(x.programme);
    if (!prog) err(xw, 'unknown programme');
    else if (x.phase && !prog.phases.some((ph) => ph.code === x.phase)) err(xw, `unknown phase ${x.phase}`);
    if (!ENUMS.status.includes(x.status)) err(xw, `bad status ${x.status}`);
    if (x.grantCurrency && !['PLN', 'EUR'].includes(x.grantCurrency)) err(xw, 'bad currency');
    checkSources(xw, x.sources);
  }
  for (const u of p.unmatched) { if (!u.sourceName || !u.reason) err(`${w} unmatched`, 'missing name/reason'); checkSources(`${w} unmatched ${u.sourceName}`, u.sources); }
  for (const pa of p.partners) { if (!ENUMS.partnerKind.includes(pa.kind)) err(`${w} partner ${pa.name}`, 'bad kind'); checkSources(`${w} partner ${pa.name}`, pa.sources); }
}

if (errors.length) { console.error(errors.join('\n')); console.error(`\n${errors.length} error(s)`); process.exit(1); }
console.log(`OK: ${programmes.length} programmes, ${partnerships.length} partnerships, ${partnerships.reduce((a, p) => a + p.members.length, 0)} members, ${partnerships.reduce((a, p) => a + p.unmatched.length, 0)} unmatched names`);
