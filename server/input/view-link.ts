import { InputError } from '../shared/errors.js';
import { checkOgcParameters, single, wholeNumber } from './ogc-query.js';
import { parseSlug } from './slug.js';

/** Longest title an embed shows, in characters; a longer one is cut (with "…"), not refused. */
export const MAX_VIEW_TITLE = 120;

/** The two pages of the map app: a view's URL names one of them. */
export const VIEW_PATHS = ['/', '/embed'] as const;

/** What a preview needs of a map view's URL (the query keys are the map's own, web/src/state/url-state.ts). */
export interface ViewLink {
  embed: boolean;
  /** `title=`: cleaned (control characters and runs of spaces become one space), at most MAX_VIEW_TITLE characters; null when absent or blank. */
  title: string | null;
  /** `p=`: the selected partnership's slug, when well-formed. */
  partnership: string | null;
  lang: 'pl' | 'en';
}

/**
 * The title of a view, from `title=`. Lenient on purpose: a page must open whatever a pasted link says,
 * so a hostile or overlong title is cleaned and cut rather than refused (it is escaped wherever shown).
 */
export function viewTitle(raw: string | null): string | null {
  // eslint-disable-next-line no-control-regex
  const clean = (raw ?? '').replace(/[\u0000-\u001F\u007F\s]+/g, ' ').trim();
  if (!clean) return null;
  const chars = [...clean];
  return chars.length <= MAX_VIEW_TITLE ? clean : `${chars.slice(0, MAX_VIEW_TITLE - 1).join('').trimEnd()}…`;
}

/** The parts of a view's query a preview uses; anything malformed is left out, as the map itself leaves it out. */
export function viewLink(pathname: string, search: URLSearchParams): ViewLink {
  let partnership: string | null;
  try {
    partnership = search.has('p') ? parseSlug('p', search.get('p')) : null;
  } catch {
    partnership = null;
  }
  return { embed: pathname === '/embed', title: viewTitle(search.get('title')), partnership, lang: search.get('lang') === 'en' ? 'en' : 'pl' };
}

/** An oEmbed request (oEmbed 1.0 §2.2) after parsing. */
export interface OembedQuery {
  /** The view's URL, absolute; whether it is one of ours is the route's question (it knows the origin). */
  url: URL;
  format: 'json' | 'xml';
  /** Largest frame the consumer can take, in CSS pixels. */
  maxWidth: number | null;
  maxHeight: number | null;
}

const OEMBED_PARAMETERS = ['url', 'format', 'maxwidth', 'maxheight'] as const;

function absoluteUrl(text: string | undefined): URL {
  if (text === undefined || text.trim() === '') throw new InputError('url', 'is required: the address of a map view of this atlas', 'EMPTY');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError('url', `must be an absolute http(s) URL, got "${text.slice(0, 200)}"`, 'MALFORMED');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError('url', 'must be an http(s) URL', 'MALFORMED');
  return url;
}

const optionalSize = (params: URLSearchParams, name: string) => {
  const text = single(params, name);
  if (text === undefined) return null;
  return Math.min(wholeNumber(name, text, 1), 10_000);
};

/** `GET /oembed?url=…&format=json&maxwidth=&maxheight=`: unknown parameters are refused; `format` is json (default) or xml. */
export function parseOembedQuery(params: URLSearchParams): OembedQuery {
  checkOgcParameters(params, OEMBED_PARAMETERS);
  const format = single(params, 'format') ?? 'json';
  if (format !== 'json' && format !== 'xml') throw new InputError('format', `must be "json" (or "xml", which is not provided), got "${format.slice(0, 40)}"`, 'NOT_ALLOWED');
  return { url: absoluteUrl(single(params, 'url')), format, maxWidth: optionalSize(params, 'maxwidth'), maxHeight: optionalSize(params, 'maxheight') };
}
