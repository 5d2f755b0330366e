/**
 * The embed's own chrome around the map: its title (`title=`), a legend that folds away, the
 * take-away links, and a footer with the source, the data's date and the "full view" link. The
 * embed is a column (title, map stage, footer), so nothing overlaps at 300×250.
 */
import type { Strings } from '../i18n/strings.js';
import { h, replace } from './dom.js';
import type { Layout } from './layout.js';

export interface EmbedChrome {
  /** The map's box: the legend, the status line and the details panel lie over the map inside it. */
  stage: HTMLElement;
  render(parts: EmbedChromeParts): void;
}

export interface EmbedChromeParts {
  t: Strings;
  title: string | null;
  /** The data's date, already formatted for the language; null while unknown. */
  dataDate: string | null;
  /** The full view of the same state. */
  fullHref: string;
  /** On a pinned embed, the line naming its version with a link to the newest data (app/version.ts); it replaces the date. */
  versionLine?: HTMLElement | null;
  /** The download links of the view's filters. */
  downloads: HTMLElement;
  saveImage(): void;
}

/** Below this frame size the legend starts folded (CSS pixels): at 300×250 it would cover the map. */
export const FOLD_BELOW = { width: 480, height: 360 } as const;

/**
 * Rebuilds the embed skeleton of `buildLayout` into title, stage and footer. Call it before the map
 * is created: it moves the map's container.
 */
export function enhanceEmbedLayout(ui: Layout, frame = { width: window.innerWidth, height: window.innerHeight }): EmbedChrome {
  const wrap = ui.map.parentElement!;
  const legendBox = ui.legend.parentElement!;
  const title = h('h1', { class: 'embed-title', hidden: true });
  const toggle = h('button', { type: 'button', class: 'legend-toggle', 'aria-controls': 'embed-legend-body' });
  const takeAway = h('div', { class: 'embed-takeaway' });
  const body = h('div', { id: 'embed-legend-body' }, ui.legend, takeAway);
  legendBox.replaceChildren(toggle, body);
  const stage = h('div', { class: 'embed-stage' }, ui.map, legendBox, ui.status);
  wrap.replaceChildren(title, stage, ui.embedFooter!);
  let folded = frame.width < FOLD_BELOW.width || frame.height < FOLD_BELOW.height;
  let strings: Strings | null = null;
  const fold = () => {
    body.hidden = folded;
    legendBox.classList.toggle('folded', folded);
    toggle.setAttribute('aria-expanded', String(!folded));
    if (strings) replace(toggle, folded ? strings.legendShow : strings.legendHide);
  };
  toggle.onclick = () => {
    folded = !folded;
    fold();
  };
  return {
    stage,
    render: (parts) => {
      const { t } = parts;
      strings = t;
      fold();
      title.hidden = !parts.title;
      replace(title, parts.title ?? '');
      replace(takeAway,
        h('span', { class: 'muted' }, `${t.takeAway}: `), parts.downloads, ' · ',
        h('button', { type: 'button', class: 'link', id: 'btn-save-image', onclick: () => parts.saveImage() }, t.saveImage));
      replace(ui.embedFooter!,
        h('span', {}, t.attribution), parts.versionLine ? ' · ' : '', parts.versionLine ?? (parts.dataDate ? ` · ${t.dataDate(parts.dataDate)}` : ''), ' · ',
        h('a', { href: parts.fullHref, target: '_blank', rel: 'noopener' }, t.fullView));
    },
  };
}
