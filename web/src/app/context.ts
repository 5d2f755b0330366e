/**
 * The one shared holder of the map app: the state store, the page skeleton, the map and what the API answered.
 * Controllers (details, coverage, legend, chrome...) read and write it instead of sharing closure variables.
 */
import type { Coverage, PartnershipSummary, Programme } from '../api/types.js';
import { strings, type Strings } from '../i18n/strings.js';
import type { PartnershipFacts } from '../map/colouring.js';
import type { MapView } from '../map/map-view.js';
import type { Store } from '../state/store.js';
import type { Layout } from '../ui/layout.js';

/** What the API answered at boot; empty until `ready`. */
export interface AppData {
  programmes: Programme[];
  summaries: PartnershipSummary[];
  facts: PartnershipFacts[];
  /** [TERYT, lower-case Polish name] of each województwo. */
  voivodeshipNames: [string, string][];
  /** Palette slot of each partnership drawn on the map (GraphQL `mapColours`), by slug. */
  slots: Map<string, number>;
}

/** What the map paints now: the partnerships the filters keep and their colours (CSS colour by slug). */
export interface PaintState {
  shown: PartnershipSummary[];
  colours: Map<string, string>;
}

export interface AppContext {
  /** True on /embed: map, legend and attribution only. */
  embed: boolean;
  store: Store;
  ui: Layout;
  view: MapView;
  data: AppData;
  paint: PaintState;
  /** The coverage figures for the filters on screen; null while loading or after an error. */
  coverage: Coverage | null;
  /** Set once the boot data is loaded and the first paint is done; before that, state changes only move the URL. */
  ready: boolean;
  /** The strings of the current language. */
  t(): Strings;
}

/** An empty context around a store and layout; `makeView` builds the map, which may read the context later. */
export function createContext(embed: boolean, store: Store, ui: Layout, makeView: (ctx: AppContext) => MapView): AppContext {
  const ctx: AppContext = {
    embed, store, ui,
    view: undefined as unknown as MapView,
    data: { programmes: [], summaries: [], facts: [], voivodeshipNames: [], slots: new Map() },
    paint: { shown: [], colours: new Map() },
    coverage: null,
    ready: false,
    t: () => strings(store.get().lang),
  };
  ctx.view = makeView(ctx);
  return ctx;
}
