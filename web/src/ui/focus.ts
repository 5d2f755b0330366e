/**
 * Focus that returns where it came from: what opened the details gets focus back when they close
 * (Close, Escape), and Escape closes the details or the share box from anywhere but the search box,
 * which uses Escape itself.
 */

interface Opener { el: HTMLElement; container: string | null; tag: string; text: string | null }

export class FocusReturn {
  private opener: Opener | null = null;
  private enterNext = false;

  /** `panel`: the details panel; `fallback`: what gets focus when the opener is gone for good (the map). */
  constructor(private readonly panel: HTMLElement, private readonly fallback: () => HTMLElement) {
    // The details draw asynchronously (after their query): the heading takes focus once it is there.
    new MutationObserver(() => this.entered()).observe(panel, { childList: true });
  }

  /** Called when the user changes the selection: remembers the element focused outside the panel. */
  remember(): void {
    const a = document.activeElement;
    this.enterNext = true;
    if (!(a instanceof HTMLElement) || a === document.body || this.panel.contains(a)) return;
    this.opener = { el: a, container: a.closest('[id]')?.id ?? null, tag: a.tagName, text: a.textContent };
  }

  /** After the details are drawn: their heading takes focus if the user opened them. */
  private entered(): void {
    const heading = this.panel.querySelector<HTMLElement>('.details-head #details-title');
    if (!this.enterNext || !heading) return;
    this.enterNext = false;
    heading.focus();
  }

  /**
   * Focus back on the opener. Lists redraw (the legend on every map idle), so an opener no longer in
   * the page is found again by its place and text.
   */
  restore(): void {
    const here = document.activeElement;
    // Focus the user moved elsewhere (the search box, a filter) stays there.
    if (here && here !== document.body && !this.panel.contains(here)) return;
    const o = this.opener;
    this.opener = null;
    this.enterNext = false;
    let target: HTMLElement | null = o?.el.isConnected ? o.el : null;
    if (o && !target && o.container) {
      const twins = document.getElementById(o.container)?.querySelectorAll<HTMLElement>(o.tag) ?? [];
      target = [...twins].find((e) => e.textContent === o.text) ?? null;
    }
    (target ?? this.fallback()).focus();
  }
}

/** Escape anywhere but in the search box (or a text field) closes the topmost open thing `close` knows. */
export function onEscape(close: () => boolean): void {
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('.search')) return;
    if (close()) e.preventDefault();
  });
}

/**
 * Keeps focus inside `container` across its redraws (the legend redraws on every map idle): the
 * element focused last is found again by tag and text in the new content.
 */
export function keepFocusAcrossRedraws(container: HTMLElement): void {
  let last: { tag: string; text: string | null } | null = null;
  container.addEventListener('focusin', (e) => {
    const el = e.target as HTMLElement;
    last = { tag: el.tagName, text: el.textContent };
  });
  container.addEventListener('focusout', (e) => {
    // Focus moved elsewhere on purpose (to another element, or the element is still in the page after
    // a click on the background): forget it. Lost with a removed element: keep it for the redraw.
    const el = e.target as HTMLElement;
    if ((e as FocusEvent).relatedTarget) last = null;
    else setTimeout(() => { if (el.isConnected) last = null; });
  });
  new MutationObserver(() => {
    if (!last || (document.activeElement && document.activeElement !== document.body)) return;
    const { tag, text } = last;
    [...container.querySelectorAll<HTMLElement>(tag)].find((el) => el.textContent === text)?.focus();
  }).observe(container, { childList: true, subtree: true });
}
