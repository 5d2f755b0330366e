/** What the hover tooltip says about a gmina, from its tile properties, the partnerships' names and the colours shown. */
import type { Strings } from '../i18n/strings.js';
import type { TooltipContent, TooltipGmina } from './tooltip.js';

/**
 * `names`: slug → partnership name; `colours`: slug → colour of the partnerships the filters show.
 * Shown partnerships are listed by name (in Polish collation); the filtered-out ones are counted.
 */
export function tooltipContent(g: TooltipGmina, names: ReadonlyMap<string, string>, colours: ReadonlyMap<string, string>, t: Strings): TooltipContent {
  const all = [...new Set(g.partnerships)];
  const shown = all
    .filter((s) => colours.has(s))
    .map((s) => ({ name: names.get(s) ?? s, colour: colours.get(s)! }))
    .sort((a, b) => a.name.localeCompare(b.name, 'pl'));
  const hidden = all.length - shown.length;
  return {
    title: g.name,
    kind: t.jstKinds[g.kind] ?? g.kind,
    shown,
    note: shown.length === 0 && hidden === 0 ? t.tooltipNone : hidden > 0 ? t.tooltipHidden(hidden) : null,
  };
}
