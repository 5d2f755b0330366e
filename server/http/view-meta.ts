import type { Em } from '../db/orm.js';
import type { ViewLink } from '../input/view-link.js';
import { PartnershipService } from '../partnership/partnership.service.js';

/** The name of the partnership with this slug, or null when the atlas has none. */
export type PartnershipName = (slug: string) => Promise<string | null>;

/** Partnership names read from the database; a preview never fails for want of one (with the database away it names the atlas only). */
export const partnershipNames =
  (em: () => Em): PartnershipName =>
  (slug) =>
    new PartnershipService(em()).find(slug).then((found) => found?.partnership.name ?? null, () => null);

/** How a view presents itself to a link preview (Open Graph, oEmbed): all plain text, escaped where it is written. */
export interface ViewMeta {
  title: string;
  description: string;
  lang: 'pl' | 'en';
}

export const SITE_NAME = 'Atlas Partnerstw';

const DESCRIPTION = {
  pl: 'Otwarta mapa partnerstw międzysamorządowych w Polsce: gminy, powiaty i ich wspólne obszary funkcjonalne.',
  en: 'An open map of inter-municipal partnerships in Poland: gminy, powiaty and their shared functional areas.',
};

const PARTNERSHIP_DESCRIPTION = {
  pl: (name: string) => `${name}: członkowie i obszar partnerstwa na mapie Atlasu Partnerstw.`,
  en: (name: string) => `${name}: members and area of the partnership on the Atlas Partnerstw map.`,
};

/** The view's own title (`title=`) first, then the selected partnership's name, then the atlas's name. */
export async function viewMeta(link: ViewLink, partnershipName: PartnershipName | undefined): Promise<ViewMeta> {
  const name = link.partnership && partnershipName ? await partnershipName(link.partnership) : null;
  const title = link.title ?? (name ? `${name} — ${SITE_NAME}` : SITE_NAME);
  const description = name ? PARTNERSHIP_DESCRIPTION[link.lang](name) : DESCRIPTION[link.lang];
  return { title, description, lang: link.lang };
}

/** Text for an HTML attribute value or element content (both quotes, so either quoting is safe). */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The oEmbed discovery address of a view URL (oEmbed 1.0 §4). */
export const oembedUrl = (origin: string, viewUrl: string) => `${origin}/oembed?url=${encodeURIComponent(viewUrl)}&format=json`;

/**
 * index.html with the view's title, description, Open Graph and Twitter card tags and the oEmbed
 * discovery link: every value escaped, so a hostile `title=` stays text.
 */
export function pageWithMeta(template: string, meta: ViewMeta, viewUrl: string, origin: string): string {
  const e = escapeHtml;
  const tags = [
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:title" content="${e(meta.title)}" />`,
    `<meta property="og:description" content="${e(meta.description)}" />`,
    `<meta property="og:url" content="${e(viewUrl)}" />`,
    `<meta property="og:locale" content="${meta.lang === 'en' ? 'en_GB' : 'pl_PL'}" />`,
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${e(meta.title)}" />`,
    `<meta name="twitter:description" content="${e(meta.description)}" />`,
    `<link rel="alternate" type="application/json+oembed" href="${e(oembedUrl(origin, viewUrl))}" title="${e(meta.title)}" />`,
  ];
  // The tags follow the title, which every build of the page has (a page without one gets none).
  return template
    .replace(/<meta name="description"[^>]*>/, `<meta name="description" content="${e(meta.description)}" />`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${e(meta.title)}</title>\n    ${tags.join('\n    ')}`);
}
