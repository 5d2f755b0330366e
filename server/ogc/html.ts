import { ATTRIBUTION_LINE, DATA_LICENCE } from '../shared/data-licence.js';
import type { OgcLink } from './documents.js';

/** Text for HTML: every character with a meaning in markup or attributes escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A table cell: text, or a link. */
export type Cell = string | number | boolean | null | { href: string; text: string };

/** What one HTML page shows: Polish first, then English. */
export interface HtmlPage {
  titlePl: string;
  titleEn: string;
  /** Paragraphs, plain text. */
  intro?: string[];
  links?: OgcLink[];
  table?: { head: string[]; rows: Cell[][] };
}

const cell = (c: Cell) => (c !== null && typeof c === 'object' ? `<a href="${escapeHtml(c.href)}">${escapeHtml(c.text)}</a>` : escapeHtml(c));

function tableHtml(table: NonNullable<HtmlPage['table']>): string {
  const head = table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = table.rows.map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/**
 * A small server-rendered page for people browsing the API: no script, no style from elsewhere;
 * every value escaped. The JSON it describes is one link away (`alternate`).
 */
export function renderHtml(page: HtmlPage): string {
  const links = page.links?.length
    ? `<ul>\n${page.links.map((l) => `<li><a href="${escapeHtml(l.href)}" rel="${escapeHtml(l.rel)}">${escapeHtml(l.title ?? l.rel)}</a> <small>(${escapeHtml(l.rel)}${l.type ? `, ${escapeHtml(l.type)}` : ''})</small></li>`).join('\n')}\n</ul>`
    : '';
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.titlePl)} / ${escapeHtml(page.titleEn)} · Atlas Partnerstw</title>
</head>
<body>
<nav><a href="/ogc?f=html">Atlas Partnerstw: OGC API Features</a> · <a href="/ogc/collections?f=html">Kolekcje / Collections</a> · <a href="/">Mapa / Map</a></nav>
<h1>${escapeHtml(page.titlePl)} <small lang="en">/ ${escapeHtml(page.titleEn)}</small></h1>
${(page.intro ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${links}
${page.table ? tableHtml(page.table) : ''}
<footer><p>Dane / Data: <a href="${escapeHtml(DATA_LICENCE.url)}" rel="license">${escapeHtml(DATA_LICENCE.name)}</a>. ${escapeHtml(ATTRIBUTION_LINE)}</p></footer>
</body>
</html>
`;
}
