/** One search box for JSTs and partnerships: the ARIA 1.2 combobox pattern with a listbox popup. */
import { searchAll } from '../api/queries.js';
import { kindName, type Strings } from '../i18n/strings.js';
import { h } from './dom.js';
import { loadFailure } from './retry.js';
import { rankHits, type SearchHit } from './search-rank.js';

export interface SearchBox {
  element: HTMLElement;
  setStrings(t: Strings): void;
}

function hitsFrom(answer: Awaited<ReturnType<typeof searchAll>>, t: Strings): SearchHit[] {
  const kind = (level: string): SearchHit['kind'] => (level === 'MUNICIPALITY' ? 'gmina' : level === 'COUNTY' ? 'powiat' : 'wojewodztwo');
  return [
    ...answer.jsts.map((j): SearchHit => ({ kind: kind(j.level), id: j.teryt, label: j.name, detail: [kindName(j.kindLabel, t), j.level === 'VOIVODESHIP' ? null : j.voivodeship?.name.toLocaleLowerCase('pl')].filter(Boolean).join(', '), bbox: j.bbox })),
    ...answer.partnerships.map((p): SearchHit => ({ kind: 'partnership', id: p.slug, label: p.name, detail: p.shortName ?? '', bbox: p.functionalArea.bbox })),
  ];
}

export function createSearch(initial: Strings, onChoose: (hit: SearchHit) => void): SearchBox {
  let t = initial;
  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const label = h('label', { for: 'search-input', class: 'visually-hidden' }, t.searchLabel);
  const input = h('input', {
    id: 'search-input', type: 'search', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-list', placeholder: t.searchPlaceholder,
  });
  const list = h('ul', { id: 'search-list', role: 'listbox', 'aria-label': t.searchLabel, hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `search-opt-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    onChoose(hit);
  };
  const show = () => {
    list.replaceChildren(...hits.map((hit, i) => h('li', {
      id: `search-opt-${i}`, role: 'option', 'aria-selected': 'false', 'data-kind': hit.kind, 'data-id': hit.id,
      onmousedown: (e: Event) => e.preventDefault(), onclick: () => choose(i),
    }, h('span', { class: 'opt-label' }, hit.label), h('span', { class: 'opt-detail' }, hit.kind === 'partnership' ? `${t.hitKinds.partnership}${hit.detail ? ` · ${hit.detail}` : ''}` : hit.detail))));
    if (hits.length === 0) list.append(h('li', { class: 'muted', role: 'presentation' }, t.searchNoResults));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = hits.length ? t.searchResults(hits.length) : t.searchNoResults;
    setActive(-1);
  };
  const run = async (text: string) => {
    const mine = ++seq;
    if (text.trim().length < 2) return close();
    try {
      const answer = await searchAll(text.trim());
      if (mine !== seq) return;
      hits = rankHits(hitsFrom(answer, t), text);
      show();
    } catch (err) {
      // Said, with a way to try again, rather than an empty list that looks like "no results".
      if (mine !== seq) return;
      hits = [];
      list.replaceChildren(h('li', { role: 'presentation', class: 'search-error', onmousedown: (e: Event) => e.preventDefault() }, loadFailure(t, err, () => void run(input.value), t.searchError)));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = t.searchError;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 180);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && hits.length > 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) void run(input.value);
      else setActive((active + 1) % hits.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (open) setActive(active <= 0 ? hits.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      if (open) {
        e.preventDefault();
        choose(active >= 0 ? active : 0);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) close();
      else input.value = '';
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return {
    element: h('div', { class: 'search' }, label, input, list, status),
    setStrings(next) {
      t = next;
      label.textContent = t.searchLabel;
      input.placeholder = t.searchPlaceholder;
      list.setAttribute('aria-label', t.searchLabel);
    },
  };
}
