/** "Download this view": the partnerships of the view's filters from the server's /export/* routes (docs/http.md). */
import type { Strings } from '../i18n/strings.js';
import type { ViewState } from '../state/url-state.js';
import { withPin } from '../api/pin.js';
import { h } from './dom.js';

type ViewFilters = Pick<ViewState, 'programme' | 'status' | 'voivodeship' | 'legalForms' | 'areaTypes'>;

/**
 * The `filter` of /export/partnerships.* for the view's filters: the same object as the GraphQL
 * `partnerships(filter:)` argument, which the map's own colouring mirrors (programme and status on one
 * participation, web/src/map/colouring.ts). Empty conditions are left out.
 */
export function exportFilter(view: ViewFilters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (view.programme) filter.programme = view.programme;
  if (view.status) filter.statuses = [view.status];
  if (view.voivodeship) filter.voivodeship = view.voivodeship;
  if (view.legalForms.length) filter.legalForms = [...view.legalForms];
  if (view.areaTypes.length) filter.areaTypes = [...view.areaTypes];
  return filter;
}

/** The three downloads of a view, as URLs relative to the atlas's origin. */
export function exportUrls(view: ViewFilters): { csv: string; csvExcel: string; geojson: string } {
  const filter = exportFilter(view);
  const query = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ ...(Object.keys(filter).length ? { filter: JSON.stringify(filter) } : {}), ...extra }).toString();
    return q ? `?${q}` : '';
  };
  return { csv: `/export/partnerships.csv${query()}`, csvExcel: `/export/partnerships.csv${query({ excel: 'pl' })}`, geojson: `/export/partnerships.geojson${query()}` };
}

/** The links; each saves under the name the route gives it (partnerships.csv, partnerships.geojson). */
export function downloadLinks(view: ViewFilters, t: Strings): HTMLElement {
  const urls = exportUrls(view);
  // A pinned page downloads its own version (docs/versions.md).
  const link = (href: string, label: string, kind: string) => h('a', { href: withPin(href), download: true, class: 'download-link', 'data-download': kind }, label);
  return h('span', { class: 'download-links' },
    link(urls.csv, t.downloadCsv, 'csv'), ' · ',
    link(urls.csvExcel, t.downloadCsvExcel, 'csv-excel'), ' · ',
    link(urls.geojson, t.downloadGeoJson, 'geojson'));
}
