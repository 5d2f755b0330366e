/** "Udostępnij / Share" copies the view's URL; "Osadź / Embed" shows an iframe snippet. */
import type { Strings } from '../i18n/strings.js';
import { embedSnippet } from '../state/url-state.js';
import { h, replace } from './dom.js';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function renderShare(el: HTMLElement, urls: () => { full: string; embed: string }, t: Strings, output: HTMLElement): void {
  const showShare = async () => {
    const url = urls().full;
    const ok = await copy(url);
    replace(output, h('p', { role: 'status' }, ok ? t.copied : t.copyFailed), h('input', { type: 'text', readonly: true, value: url, 'aria-label': t.share, class: 'share-url' }));
    output.hidden = false;
  };
  const showEmbed = () => {
    const snippet = embedSnippet(urls().embed, t.appTitle);
    const area = h('textarea', { readonly: true, rows: 4, class: 'embed-code', 'aria-label': t.embedHelp }, snippet);
    replace(output, h('p', {}, t.embedHelp), area,
      h('button', { type: 'button', onclick: async () => { area.select(); if (await copy(snippet)) replace(status, t.copied); } }, t.copySnippet));
    const status = h('p', { role: 'status' });
    output.append(status);
    output.hidden = false;
    area.focus();
    area.select();
  };
  replace(el,
    h('button', { type: 'button', id: 'btn-share', onclick: () => void showShare() }, t.share),
    h('button', { type: 'button', id: 'btn-embed', onclick: showEmbed }, t.embed));
}
