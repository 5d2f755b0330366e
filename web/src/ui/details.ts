/** The details of a selected gmina or partnership. */
import type { JstDetail, MembershipRef, ParticipationDetail, PartnershipDetail } from '../api/types.js';
import { formatNumber, kindName, type Strings } from '../i18n/strings.js';
import type { Lang } from '../state/url-state.js';
import { h, replace, safeHref } from './dom.js';
import { inferredCountLine, inferredMark, populationLine } from './people.js';

export interface DetailActions {
  selectPartnership(slug: string): void;
  /** Selects a gmina and flies to `bbox` ([west, south, east, north], lng,lat degrees) or, without it, to its extent from the API. */
  selectGmina(teryt: string, bbox?: number[] | null): void;
  close(): void;
}

function participation(p: ParticipationDetail, t: Strings, lang: Lang): HTMLElement {
  const name = lang === 'en' && p.programme.nameEn ? p.programme.nameEn : p.programme.name;
  const extra = [p.phase, p.competition].filter(Boolean).join(', ');
  return h('li', {}, h('strong', {}, p.programme.code), ` ${name} — ${t.statusNames[p.status] ?? p.status}`,
    extra ? ` (${extra})` : '', p.probable ? h('em', {}, ` — ${t.probable}`) : null);
}

/**
 * The sources' notes are written in English and are data, not interface: said so in Polish mode and
 * marked lang="en" so a screen reader reads them with English pronunciation.
 */
function sourceNote(note: string, t: Strings, lang: Lang): HTMLElement {
  return h('p', { class: 'note' }, lang === 'en' ? null : `${t.sourceNote}: `, h('span', { lang: 'en' }, note));
}

function header(title: string, subtitle: string, t: Strings, actions: DetailActions): HTMLElement {
  return h('div', { class: 'details-head' },
    h('h2', { id: 'details-title', tabindex: '-1' }, title),
    h('button', { type: 'button', class: 'close', 'aria-label': t.close, onclick: () => actions.close() }, '×'),
    h('p', { class: 'muted' }, subtitle));
}

export function renderGmina(el: HTMLElement, jst: JstDetail, t: Strings, lang: Lang, actions: DetailActions): void {
  const viaCounty: MembershipRef[] = jst.parent?.memberships ?? [];
  const all = [...jst.memberships.map((m) => ({ m, via: null as string | null })), ...viaCounty.map((m) => ({ m, via: jst.parent!.name }))];
  const programmes = new Map<string, ParticipationDetail>();
  for (const { m } of all) for (const p of m.partnership.participations) programmes.set(`${p.programme.code}|${p.status}|${m.partnership.slug}`, p);
  replace(
    el,
    header(jst.name, kindName(jst.kindLabel, t), t, actions),
    h('dl', {},
      h('dt', {}, t.kind), h('dd', {}, kindName(jst.kindLabel, t)),
      h('dt', {}, t.teryt), h('dd', {}, jst.teryt),
      h('dt', {}, t.county), h('dd', {}, jst.parent ? `${jst.parent.name} (${kindName(jst.parent.kindLabel, t)})` : '—'),
      h('dt', {}, t.voivodeship), h('dd', {}, jst.voivodeship?.name.toLocaleLowerCase('pl') ?? '—')),
    populationLine(jst.population, t, lang),
    h('h3', {}, t.partnerships),
    all.length === 0 ? h('p', {}, t.noPartnerships) : null,
    h('ul', { class: 'partnership-list' }, all.map(({ m, via }) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => actions.selectPartnership(m.partnership.slug) }, m.partnership.name),
      ` — ${t.role[m.role] ?? m.role}`, inferredMark(m, t), via ? h('span', { class: 'muted' }, ` (${t.viaCounty(via)})`) : null,
      m.partnership.participations.length
        ? h('ul', {}, m.partnership.participations.map((p) => participation(p, t, lang)))
        : null))),
  );
}

export function renderPartnership(el: HTMLElement, p: PartnershipDetail, t: Strings, lang: Lang, actions: DetailActions): void {
  replace(
    el,
    header(p.name, [p.shortName, t.legalForms[p.legalForm] ?? p.legalForm, t.areaTypes[p.areaType] ?? p.areaType].filter(Boolean).join(' · '), t, actions),
    h('p', {}, t.functionalArea(formatNumber(p.functionalArea.areaKm2, lang), p.functionalArea.memberCount)),
    populationLine(p.population, t, lang),
    h('p', {}, h('strong', {}, `${t.leader}: `), p.leader ? `${p.leader.name} (${kindName(p.leader.kindLabel, t)})` : '—'),
    h('h3', {}, t.programmes),
    p.participations.length ? h('ul', {}, p.participations.map((x) => participation(x, t, lang))) : h('p', {}, t.noProgrammes),
    h('h3', {}, `${t.members} (${p.members.length})`),
    h('p', { class: p.membersComplete ? 'complete' : 'incomplete' }, p.membersComplete ? t.complete : t.incomplete,
      p.statedMemberCount !== null ? ` ${t.statedCount(p.statedMemberCount)}` : ''),
    inferredCountLine(p.inferredMemberCount, t),
    p.completenessNote ? sourceNote(p.completenessNote, t, lang) : null,
    h('ul', { class: 'member-list' }, p.members.map((m) => h('li', {},
      m.jst.teryt.length === 7
        ? h('button', { type: 'button', class: 'link', onclick: () => actions.selectGmina(m.jst.teryt) }, m.jst.name)
        : h('span', {}, m.jst.name),
      h('span', { class: 'muted' }, ` ${kindName(m.jst.kindLabel, t)}${m.role !== 'MEMBER' ? `, ${t.role[m.role] ?? m.role}` : ''}`), inferredMark(m, t)))),
    p.unmatchedMembers.length
      ? [h('h3', {}, t.unmatched), h('ul', {}, p.unmatchedMembers.map((u) => h('li', {}, u.sourceName, ' — ', h('span', { class: 'muted', lang: 'en' }, u.reason))))]
      : null,
    h('h3', {}, t.sources),
    h('ul', { class: 'sources' }, p.sources.map((s) => {
      const href = safeHref(s.ref);
      return h('li', {}, href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, s.ref) : h('code', {}, s.ref),
        s.quote ? h('q', {}, s.quote) : null, s.note ? h('span', { class: 'muted' }, ` (${s.note})`) : null);
    })),
  );
}
