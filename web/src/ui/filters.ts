/** Programme, status, województwo, legal form and area type selectors. */
import type { Programme } from '../api/types.js';
import type { Strings } from '../i18n/strings.js';
import { STATUSES, type Lang, type Status, type ViewState } from '../state/url-state.js';
import { h, replace } from './dom.js';

export interface FilterData {
  programmes: Programme[];
  voivodeships: [string, string][];
  legalForms: string[];
  areaTypes: string[];
}

function select(id: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLElement {
  const sel = h('select', { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

export function renderFilters(el: HTMLElement, data: FilterData, state: ViewState, t: Strings, lang: Lang, update: (p: Partial<ViewState>) => void): void {
  const progName = (p: Programme) => (lang === 'en' && p.nameEn ? p.nameEn : p.name);
  replace(
    el,
    h('h2', {}, t.filters),
    select('f-programme', t.programme, [['', t.allProgrammes], ...data.programmes.map((p): [string, string] => [p.code, `${p.code} — ${progName(p)}`])],
      // A phase belongs to its programme: another programme starts from its whole period.
      state.programme ?? '', (v) => update({ programme: v || null, phase: null })),
    select('f-status', t.status, [['', t.anyStatus], ...STATUSES.map((s): [string, string] => [s, t.statusNames[s]])],
      state.status ?? '', (v) => update({ status: (v || null) as Status | null })),
    select('f-woj', t.voivodeship, [['', t.allVoivodeships], ...data.voivodeships], state.voivodeship ?? '',
      (v) => update({ voivodeship: v || null })),
    select('f-form', t.legalForm, [['', t.anyOption], ...data.legalForms.map((f): [string, string] => [f, t.legalForms[f] ?? f])],
      state.legalForms[0] ?? '', (v) => update({ legalForms: v ? [v] : [] })),
    select('f-area', t.areaType, [['', t.anyType], ...data.areaTypes.map((f): [string, string] => [f, t.areaTypes[f] ?? f])],
      state.areaTypes[0] ?? '', (v) => update({ areaTypes: v ? [v] : [] })),
  );
}
