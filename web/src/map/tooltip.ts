/**
 * The hover tooltip: name, kind and partnerships of the gmina under the pointer, or, when the map
 * has keyboard focus, of the gmina at its centre (arrows move the map, the tooltip follows).
 */
import type { Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import { h, replace } from '../ui/dom.js';
import { LAYERS } from './style.js';
import { splitList } from './tile-paint.js';

export interface TooltipGmina { name: string; kind: string; partnerships: string[] }

export interface TooltipContent {
  title: string;
  kind: string;
  /** The gmina's partnerships the filters show, with their map colour. */
  shown: { name: string; colour: string }[];
  /** Text of the line under the list ("none", "3 more outside the filters"), or null. */
  note: string | null;
}

export class MapTooltip {
  readonly element: HTMLElement;
  /** What is rendered now, as JSON: redrawn only when the words change (another gmina, filters, language). */
  private current: string | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly describe: (gmina: TooltipGmina) => TooltipContent,
  ) {
    this.element = h('div', { class: 'map-tooltip', id: 'map-tooltip', role: 'tooltip', hidden: true });
    map.getContainer().append(this.element);
    map.on('mousemove', (e) => this.showAt(e.point, [e.point.x, e.point.y]));
    map.on('mouseout', () => this.hide());
    map.on('movestart', () => {
      if (!this.keyboard()) this.hide();
    });
    map.on('moveend', () => {
      if (this.keyboard()) this.showAtCentre();
    });
    const canvas = map.getCanvas();
    canvas.addEventListener('focus', () => {
      if (canvas.matches(':focus-visible')) this.showAtCentre();
    });
    canvas.addEventListener('blur', () => this.hide());
  }

  private keyboard(): boolean {
    return document.activeElement === this.map.getCanvas() && this.map.getCanvas().matches(':focus-visible');
  }

  private showAtCentre(): void {
    const c = this.map.project(this.map.getCenter());
    this.showAt(c, [c.x, c.y]);
  }

  private showAt(point: PointLike, [x, y]: [number, number]): void {
    const f = this.map.queryRenderedFeatures(point, { layers: [LAYERS.gminyFill] })[0] as MapGeoJSONFeature | undefined;
    const p = f?.properties as { teryt?: string; name?: string; kind?: string; partnerships?: string } | undefined;
    if (!p?.teryt) return this.hide();
    const content = this.describe({ name: p.name ?? '', kind: p.kind ?? '', partnerships: splitList(p.partnerships) });
    const key = JSON.stringify(content);
    if (this.current !== key) {
      this.current = key;
      this.render(content);
    }
    this.element.hidden = false;
    this.place(x, y);
  }

  /** Beside the point, flipped to stay inside the map. */
  private place(x: number, y: number): void {
    const { clientWidth: w, clientHeight: hgt } = this.map.getContainer();
    const box = this.element.getBoundingClientRect();
    const left = x + 14 + box.width > w ? Math.max(4, x - 14 - box.width) : x + 14;
    const top = y + 14 + box.height > hgt ? Math.max(4, y - 14 - box.height) : y + 14;
    this.element.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  private render(c: TooltipContent): void {
    replace(
      this.element,
      h('strong', {}, c.title),
      h('span', { class: 'tt-kind' }, c.kind),
      c.shown.length ? h('ul', {}, c.shown.map((p) => h('li', {}, h('span', { class: 'swatch', style: `background:${p.colour}`, 'aria-hidden': 'true' }), p.name))) : null,
      c.note ? h('span', { class: 'tt-note' }, c.note) : null,
    );
  }

  hide(): void {
    this.element.hidden = true;
    this.current = null;
  }
}
