/**
 * The dataset version this page is pinned to (`version=<n>` in its address, docs/versions.md), read
 * once: a pinned page shows one version for as long as it is open ("See the latest" loads a new
 * page). Every request of the map carries it: GraphQL reads (client.ts) and the tiles (map/style.ts).
 */
import { VERSION } from '../state/url-state.js';

// Through globalThis: unit tests import this module under Node, which has no `location`.
const search = (globalThis as { location?: { search: string } }).location?.search ?? '';
const raw = new URLSearchParams(search).get('version');

/** The pinned version, or null for the newest data. */
export const PINNED_VERSION: number | null = raw && VERSION.test(raw) ? Number(raw) : null;

/** `url` with `version=<n>` added when the page is pinned (relative or absolute URLs alike). */
export function withPin(url: string, base = 'http://localhost'): string {
  if (PINNED_VERSION === null) return url;
  const absolute = /^[a-z]+:/i.test(url);
  const u = new URL(url, base);
  u.searchParams.set('version', String(PINNED_VERSION));
  return absolute ? u.href : `${u.pathname}${u.search}`;
}
