import path from 'node:path';
import { SHARED } from './shared-dir.mjs';
// TERYT look-up and name matching against ../shared/geodata (see README.md).
import { readFileSync } from 'node:fs';

const GEO = process.env.GEODATA_DIR || path.join(SHARED, 'geodata');
const load = (f) => JSON.parse(readFileSync(`${GEO}/${f}`, 'utf8')).features.map((x) => x.properties);

export const gminy = load('poland.municipalities.json');
export const powiaty = load('poland.counties.json');
export const wojewodztwa = load('poland.voivodeships.json');
export const allCodes = new Set([...gminy, ...powiaty, ...wojewodztwa].map((x) => x.terc));
export const nameOf = new Map([...gminy, ...powiaty, ...wojewodztwa].map((x) => [x.terc, x.name]));

const TYPE = { 1: 'gmina miejska', 2: 'gmina wiejska', 3: 'gmina miejsko-wiejska' };
export const describe = (code) => {
  if (code.length === 7) return `${code} (${nameOf.get(code)}, ${TYPE[code[6]]}, powiat ${nameOf.get(code.slice(0, 4))})`;
  if (code.length === 4) return `${code} (powiat ${nameOf.get(code)})`;
  return `${code} (województwo ${nameOf.get(code)})`;
};

/** Spelling fixes and Polish genitive forms seen in the sources → geodata names. */
export const GLOBAL_ALIASES = {
  'dobra szczecińska': 'Dobra (Szczecińska)',
  'wisza mała': 'Wisznia Mała', // typo in the secondary WrOF source
  'sobódka': 'Sobótka',
  'dygowa': 'Dygowo',
  'połczyn zdrój': 'Połczyn-Zdrój',
  'kobylin borzymy': 'Kobylin-Borzymy',
  'murowana goslina': 'Murowana Goślina',
  'stargard szczeciński': 'Stargard', // renamed 2016
  'siemianowice': 'Siemianowice Śląskie',
  'gorzowa': 'Gorzów Wielkopolski', 'bogdańca': 'Bogdaniec', 'deszczna': 'Deszczno',
  'kłodawy': 'Kłodawa', 'lubiszyna': 'Lubiszyn', 'santoka': 'Santok',
};

const norm = (s) => s.toLowerCase().replace(/[–—]/g, '-').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim();

/**
 * Split a source name into a base name, level and TERYT type hint.
 * type: '1' gmina miejska (incl. city of a miasto na prawach powiatu), '2' wiejska, '3' miejsko-wiejska.
 */
export function parseName(raw, kind = '') {
  let s = raw.replace(/\s+/g, ' ').trim();
  const k = kind.toLowerCase();
  let type = null, level = 'gmina', gminaPrefix = false;
  if (/^województw/i.test(s) || k.startsWith('województwo')) return { base: s.replace(/^województwo /i, ''), level: 'woj', type };
  if (/^powiat/i.test(s) || k.startsWith('powiat')) return { base: s.replace(/^powiat(u|em)? /i, ''), level: 'powiat', type };
  if (k.startsWith('jednostka')) return { base: s, level: 'partner', type };
  const rules = [
    [/^(miasto i gmin[aęy]|gmin[aęy] i miasto) /i, '3'],
    [/^gmin[aęy] miejsk[aą] /i, '1'],
    [/^gmin[aęy] miasto /i, '1'],
    [/^(miasto|the city of|m\.st\.) /i, '1'],
    [/^gmin[aęy] wiejsk[aą] /i, '2'],
  ];
  for (const [re, t] of rules) if (re.test(s)) { s = s.replace(re, ''); type = t; break; }
  if (!type && /^gmin[aęy] /i.test(s)) { s = s.replace(/^gmin[aęy] /i, ''); gminaPrefix = true; }
  if (/ – miasto$| gm\. m\.$/.test(s)) { s = s.replace(/ – miasto$| gm\. m\.$/, ''); type = '1'; }
  if (/ gm\. w\.$/.test(s)) { s = s.replace(/ gm\. w\.$/, ''); type = '2'; }
  if (!type) {
    if (k.startsWith('gmina miejsko-wiejska')) type = '3';
    else if (k.startsWith('gmina wiejska')) type = '2';
    else if (k.startsWith('gmina miejska') || k.startsWith('miasto')) type = '1';
  }
  return { base: s, level, type, gminaPrefix };
}

const inRegion = (code, region) => !region?.length || region.some((p) => code.startsWith(p));

/**
 * Match one parsed name. ctx: { region: [prefixes], aliases: {lowercase source: geodata name}, contrast: Map(base → explicit type) }.
 * Returns { teryt, note } or { reason }.
 */
export function matchName(p, ctx = {}) {
  const key = norm(p.base);
  const alias = ctx.aliases?.[p.base] ?? GLOBAL_ALIASES[key];
  const target = norm(alias ?? p.base);
  const aliasNote = alias ? `source spelling "${p.base}" read as "${alias}"` : undefined;
  if (p.level === 'woj') {
    const w = wojewodztwa.find((x) => norm(x.name) === target);
    return w ? { teryt: w.terc, note: aliasNote } : { reason: 'not found: no województwo of that name' };
  }
  if (p.level === 'powiat') {
    const c = powiaty.filter((x) => norm(x.name) === target.replace(/^powiat /, ''));
    const r = c.filter((x) => inRegion(x.terc, ctx.region));
    if (r.length === 1) return { teryt: r[0].terc, note: aliasNote };
    if (r.length > 1) return { reason: `ambiguous: ${r.map((x) => describe(x.terc)).join(' or ')}` };
    return { reason: c.length ? `not found in the partnership's region; only elsewhere: ${c.map((x) => describe(x.terc)).join(', ')}` : 'not found: no powiat of that name' };
  }
  if (p.level === 'partner') return { reason: 'not a JST (partner institution)' };
  const all = gminy.filter((x) => norm(x.name) === target);
  const cand = all.filter((x) => inRegion(x.terc, ctx.region));
  if (!cand.length) {
    return { reason: all.length ? `not found in the partnership's region (${ctx.region.join(', ')}); same name elsewhere: ${all.map((x) => describe(x.terc)).join(', ')} — not taken` : 'not found: no gmina of that name in the geodata' };
  }
  const list = cand.map((x) => describe(x.terc)).join(' or ');
  if (p.type) {
    const t = cand.filter((x) => x.terc[6] === p.type);
    if (t.length === 1) return { teryt: t[0].terc, note: aliasNote };
    if (t.length > 1) return { reason: `ambiguous: ${list}` };
    if (cand.length === 1) return { teryt: cand[0].terc, note: [aliasNote, `source implies type ${p.type} but the only gmina of that name in the region is ${describe(cand[0].terc)}`].filter(Boolean).join('; ') };
    return { reason: `ambiguous: source implies a type that does not exist here; candidates ${list}` };
  }
  if (cand.length === 1) return { teryt: cand[0].terc, note: aliasNote };
  // Contrast rule: the same list names "Miasto X" (type 1) explicitly, so a plain "(Gmina) X" is the other JST.
  const explicit = ctx.contrast?.get(target);
  if (explicit) {
    const other = cand.filter((x) => x.terc[6] !== explicit);
    if (other.length === 1) return { teryt: other[0].terc, note: [aliasNote, `the same source list names the ${explicit === '1' ? 'town (gmina miejska)' : 'rural gmina'} separately, so "${p.base}" is ${describe(other[0].terc)}`].filter(Boolean).join('; ') };
  }
  return { reason: `ambiguous: ${list}; the source does not say which` };
}

export const normKey = norm;
