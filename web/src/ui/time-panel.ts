/**
 * The time panel: the day the map shows ("Stan na dzień" / "As of"), the period switch of the selected
 * programme (its phases, and the programmes of the same family: ZIT 2014–2020 and 2021–2027, CWD and
 * CWD Plus), and the changes view (who joined and left between two days, with sources).
 */
import type { Changes, MembershipChange, PartnershipChange, Programme, Source } from '../api/types.js';
import { formatDate } from '../i18n/format.js';
import type { Strings } from '../i18n/strings.js';
import { parseDay, type Lang, type ViewState } from '../state/url-state.js';
import { h, replace, safeHref, type Child } from './dom.js';

/** What the changes view shows: nothing asked, loading, failed, or the answer. */
export type ChangesView = { state: 'none' } | { state: 'loading' } | { state: 'error'; retry: () => void } | { state: 'ready'; changes: Changes };

export interface TimeActions {
  asOf(day: string | null): void;
  period(programme: string, phase: string | null): void;
  changes(range: { from: string; to: string } | null): void;
}

/** The family of a programme code: the code without its period or edition (ZIT-2014-2020 → ZIT, CWD-PLUS → CWD). */
export const programmeFamily = (code: string) => code.replace(/-(\d{4}-\d{4}|PLUS)$/, '');

/** A period in words: "2014–2020", "od 2021" … ; "" when no date is known. */
function span(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  return ` (${from ?? '…'}–${to ?? '…'})`;
}

/** The periods the switch offers for `selected`: each programme of its family as a whole, and each of its phases when it has two or more. */
export function periodOptions(programmes: Programme[], selected: string, t: Strings): [string, string][] {
  const family = programmes.filter((p) => programmeFamily(p.code) === programmeFamily(selected)).sort((a, b) => a.code.localeCompare(b.code));
  return family.flatMap((p) => [
    [p.code, `${p.code}: ${t.periodWhole}${span(p.startDate, p.endDate)}`] as [string, string],
    ...(p.phases.length >= 2 ? p.phases.map((ph): [string, string] => [`${p.code}|${ph.code}`, `${p.code}: ${ph.name}${span(ph.startDate, ph.endDate)}`]) : []),
  ]);
}

function dateField(id: string, label: string, value: string, onChange: (day: string | null) => void): HTMLElement {
  const input = h('input', { id, type: 'date', value, min: '1000-01-01', max: '2999-12-31', onchange: (e: Event) => onChange(parseDay((e.target as HTMLInputElement).value)) });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input);
}

/** The sources of a change: links where they are web pages (numbered when several), else the reference as text. */
function sourceLinks(sources: Source[], t: Strings): Child[] {
  return sources.map((s, i) => {
    const href = safeHref(s.ref);
    const name = sources.length > 1 ? `${t.changesSource} ${i + 1}` : t.changesSource;
    return [' ', href ? h('a', { href, target: '_blank', rel: 'noopener' }, name) : h('span', { class: 'muted' }, `${name}: ${s.ref}`)];
  });
}

function membershipList(title: string, items: MembershipChange[], kind: 'joined' | 'left', t: Strings): Child {
  if (!items.length) return null;
  return [h('h4', {}, title), h('ul', { class: `changes-list ${kind}` }, items.map((c) =>
    h('li', {}, h('span', { class: 'change-date' }, c.date), ' ', h('strong', {}, c.jst.name), ` — ${c.partnership.name}`, ...sourceLinks(c.sources, t))))];
}

function partnershipList(title: string, items: PartnershipChange[], t: Strings): Child {
  if (!items.length) return null;
  return [h('h4', {}, title), h('ul', { class: 'changes-list' }, items.map((c) =>
    h('li', {}, h('span', { class: 'change-date' }, c.date), ' ', h('strong', {}, c.partnership.name), ...sourceLinks(c.sources, t))))];
}

function changesResult(view: ChangesView, t: Strings): Child {
  if (view.state === 'loading') return h('p', { class: 'muted' }, t.loading);
  if (view.state === 'error') return h('p', {}, t.loadError, ' ', h('button', { type: 'button', onclick: view.retry }, t.retry));
  if (view.state !== 'ready') return null;
  const c = view.changes;
  if (!c.joined.length && !c.left.length && !c.partnershipsStarted.length && !c.partnershipsEnded.length) return h('p', { class: 'muted' }, t.changesNone);
  return h('div', { class: 'changes-result' },
    h('p', {}, t.changesSummary(c.joined.length, c.left.length)),
    membershipList(t.changesJoined, c.joined, 'joined', t), membershipList(t.changesLeft, c.left, 'left', t),
    partnershipList(t.changesStarted, c.partnershipsStarted, t), partnershipList(t.changesEnded, c.partnershipsEnded, t));
}

/** The changes form: two days and a button; the answer below it. */
function changesForm(s: ViewState, today: string, view: ChangesView, t: Strings, on: TimeActions): HTMLElement {
  const year = Number(today.slice(0, 4));
  const range = { from: s.changes?.from ?? `${year - 1}-01-01`, to: s.changes?.to ?? today };
  const message = h('p', { class: 'form-error', role: 'alert' });
  const show = () => {
    if (range.from > range.to) return replace(message, t.changesBadRange);
    on.changes({ ...range });
  };
  return h('div', { class: 'changes' },
    h('h3', {}, t.changesTitle),
    dateField('f-changes-from', t.changesFrom, range.from, (d) => { if (d) range.from = d; }),
    dateField('f-changes-to', t.changesTo, range.to, (d) => { if (d) range.to = d; }),
    message,
    h('button', { type: 'button', id: 'btn-changes', onclick: show }, t.changesShow),
    s.changes ? h('button', { type: 'button', id: 'btn-changes-hide', onclick: () => on.changes(null) }, t.changesHide) : null,
    s.changes ? changesResult(view, t) : null);
}

export function renderTimePanel(el: HTMLElement, s: ViewState, programmes: Programme[], today: string, view: ChangesView, t: Strings, lang: Lang, on: TimeActions): void {
  const periods = s.programme ? periodOptions(programmes, s.programme, t) : [];
  const current = s.phase ? `${s.programme}|${s.phase}` : (s.programme ?? '');
  replace(el,
    h('h2', {}, t.timeTitle),
    dateField('f-asof', t.asOfLabel, s.asOf ?? today, (d) => { if (d) on.asOf(d === today ? null : d); }),
    s.asOf ? [h('p', { class: 'muted' }, t.asOfNote(formatDate(s.asOf, lang))), h('button', { type: 'button', id: 'btn-today', onclick: () => on.asOf(null) }, t.asOfToday)] : null,
    periods.length >= 2 ? h('div', { class: 'field' },
      h('label', { for: 'f-period' }, t.periodLabel),
      h('select', { id: 'f-period', onchange: (e: Event) => { const [code, phase] = (e.target as HTMLSelectElement).value.split('|'); on.period(code!, phase ?? null); } },
        periods.map(([value, text]) => h('option', { value, selected: value === current }, text))),
      h('p', { class: 'muted' }, t.periodNote)) : null,
    changesForm(s, today, view, t, on));
}
