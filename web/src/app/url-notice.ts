/** The dismissible notice of what a link asked for that the atlas left out (see state/url-problems.ts). */
import { h, replace } from '../ui/dom.js';
import { syntaxProblems, unknownValues, type UrlProblem } from '../state/url-problems.js';
import type { AppContext } from './context.js';

export interface UrlNotice {
  /** After the boot data: drops values that name nothing in the atlas (the URL follows the state). */
  checkKnownValues(): void;
  /** Redraws in the current language (nothing while there is nothing to say). */
  render(): void;
}

/** Call before the boot: reads the problems of the address the page was opened with. */
export function createUrlNotice(ctx: AppContext): UrlNotice {
  let problems: UrlProblem[] = syntaxProblems(location.search);
  const el = h('div', { id: 'url-notice', class: 'url-notice', role: 'status', hidden: true });
  ctx.ui.map.parentElement?.prepend(el);
  const render = () => {
    el.hidden = problems.length === 0;
    if (!problems.length) return el.replaceChildren();
    const t = ctx.t();
    replace(el,
      h('p', {}, t.urlNotice),
      h('ul', {}, problems.map((p) => h('li', {}, h('code', {}, `${p.key}=${p.value}`), ` — ${t.urlReasons[p.reason]}`))),
      h('p', {}, t.urlNoticeAfter),
      h('button', { type: 'button', class: 'dismiss', 'aria-label': t.dismiss, onclick: () => { problems = []; render(); } }, '×'));
  };
  return {
    checkKnownValues() {
      const t = ctx.t();
      const { problems: unknown, patch } = unknownValues(ctx.store.get(), {
        programmes: ctx.data.programmes.map((p) => p.code),
        voivodeships: ctx.data.voivodeshipNames.map(([code]) => code),
        legalForms: Object.keys(t.legalForms),
        areaTypes: Object.keys(t.areaTypes),
        phases: Object.fromEntries(ctx.data.programmes.map((p) => [p.code, p.phases.map((ph) => ph.code)])),
      });
      problems = [...problems, ...unknown];
      // Also rewrites the URL without what parseState dropped (it replaces, never pushes).
      ctx.store.update(patch);
      render();
    },
    render,
  };
}
