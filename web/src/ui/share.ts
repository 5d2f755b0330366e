/**
 * The header's take-away buttons: "Udostępnij / Share" copies the view's URL; "Osadź / Embed" shows an
 * iframe snippet (with an optional title); "Pobierz ten widok / Download this view" links the view's
 * data; "Zapisz obraz / Save image" saves a PNG of the map.
 */
import type { Strings } from '../i18n/strings.js';
import { cleanTitle, embedSnippet, type ViewState } from '../state/url-state.js';
import { h, replace } from './dom.js';
import { downloadLinks } from './download.js';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The view's URLs; with `title` (null: none), those of the same view under that embed title. */
export type ShareUrls = (title?: string | null) => { full: string; embed: string };

export interface TakeAway {
  view(): ViewState;
  saveImage(): Promise<void>;
}

function showEmbed(urls: ShareUrls, t: Strings, output: HTMLElement): void {
  const title = h('input', { type: 'text', id: 'embed-title-input', maxlength: 120, class: 'share-url' });
  const area = h('textarea', { readonly: true, rows: 4, class: 'embed-code', 'aria-label': t.embedHelp });
  const status = h('p', { role: 'status' });
  const snippet = () => {
    const own = cleanTitle(title.value);
    return embedSnippet(urls(own).embed, own ?? t.appTitle);
  };
  const update = () => void (area.value = snippet());
  title.addEventListener('input', update);
  update();
  replace(output,
    h('label', { for: 'embed-title-input' }, t.embedTitleLabel), title,
    h('p', {}, t.embedHelp), area,
    h('button', { type: 'button', onclick: async () => { area.select(); if (await copy(area.value)) replace(status, t.copied); } }, t.copySnippet),
    status);
  output.hidden = false;
  area.focus();
  area.select();
}

export function renderShare(el: HTMLElement, urls: ShareUrls, t: Strings, output: HTMLElement, takeAway: TakeAway): void {
  const showShare = async () => {
    const url = urls().full;
    const ok = await copy(url);
    replace(output, h('p', { role: 'status' }, ok ? t.copied : t.copyFailed), h('input', { type: 'text', readonly: true, value: url, 'aria-label': t.share, class: 'share-url' }));
    output.hidden = false;
    output.dataset.showing = 'share';
  };
  const showDownloads = (focus = true) => {
    replace(output, h('p', {}, t.downloadHelp, ' ', downloadLinks(takeAway.view(), t)));
    output.hidden = false;
    output.dataset.showing = 'downloads';
    if (focus) (output.querySelector('a') as HTMLElement | null)?.focus();
  };
  replace(el,
    h('button', { type: 'button', id: 'btn-share', onclick: () => void showShare() }, t.share),
    h('button', { type: 'button', id: 'btn-embed', onclick: () => { showEmbed(urls, t, output); output.dataset.showing = 'embed'; } }, t.embed),
    h('button', { type: 'button', id: 'btn-download', onclick: () => showDownloads() }, t.downloadView),
    h('button', { type: 'button', id: 'btn-save-image', onclick: () => void takeAway.saveImage() }, t.saveImage));
  // Open download links follow the filters: this runs again whenever they change.
  if (!output.hidden && output.dataset.showing === 'downloads') showDownloads(false);
}
