/**
 * Details in an embed: a compact panel over the map that never touches the view state, so the
 * journalist's embedded selection (and the URL, and the "full view" link) stay as they were; closing
 * it (×, Escape, "Back to the map") returns to that view, focus to where the click came from.
 */
import { fetchJst, fetchPartnership } from '../api/queries.js';
import type { Strings } from '../i18n/strings.js';
import type { Lang } from '../state/url-state.js';
import { renderGmina, renderPartnership, type DetailActions } from './details.js';
import { h, replace } from './dom.js';

export interface EmbedDetails {
  showGmina(teryt: string): void;
  showPartnership(slug: string): void;
  close(): void;
  readonly element: HTMLElement;
}

/**
 * `parent` gets the panel (hidden until something is shown); `context` reads the language and the
 * day the embed shows (`asOf`, null: today) at each use, so a past-day embed details that day.
 */
export function createEmbedDetails(parent: HTMLElement, context: () => { t: Strings; lang: Lang; asOf: string | null }): EmbedDetails {
  const body = h('div', { class: 'embed-details-body' });
  const back = h('button', { type: 'button', class: 'embed-back' });
  const panel = h('section', { class: 'embed-details details', role: 'dialog', hidden: true }, body, back);
  parent.append(panel);
  let opener: Element | null = null;
  // Each show takes a number; an answer that comes back after a newer show (or a close) is dropped.
  let seq = 0;

  const close = () => {
    seq += 1;
    if (panel.hidden) return;
    panel.hidden = true;
    replace(body);
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };
  const actions: DetailActions = {
    selectPartnership: (slug) => void show(() => fetchPartnership(slug, context().asOf), renderPartnership),
    selectGmina: (teryt) => void show(() => fetchJst(teryt, context().asOf), renderGmina),
    close,
  };
  async function show<T>(load: () => Promise<T | null>, render: (el: HTMLElement, item: T, t: Strings, lang: Lang, a: DetailActions) => void) {
    const { t, lang } = context();
    const mine = ++seq;
    if (panel.hidden) opener = document.activeElement;
    panel.setAttribute('aria-label', t.embedDetails);
    replace(back, t.backToMap);
    back.onclick = close;
    replace(body, h('p', { class: 'muted' }, t.loading));
    panel.hidden = false;
    try {
      const item = await load();
      if (mine !== seq) return;
      if (item) render(body, item, t, lang, actions);
      else replace(body, h('p', { class: 'muted' }, t.notFound));
    } catch (err) {
      if (mine !== seq) return;
      replace(body, h('p', { role: 'alert' }, `${t.loadError}: ${(err as Error).message}`));
    }
    (body.querySelector('#details-title') as HTMLElement | null ?? back).focus();
  }
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  return { showGmina: actions.selectGmina, showPartnership: actions.selectPartnership, close, element: panel };
}
