/** A failed load, said as such, with a button that tries it again: no API error is a dead end. */
import type { Strings } from '../i18n/strings.js';
import { h } from './dom.js';

export function loadFailure(t: Strings, err: unknown, onRetry: () => void, what = t.loadError): HTMLElement {
  const message = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'load-failure', role: 'alert' },
    h('p', {}, `${what}: ${message}`),
    h('button', { type: 'button', class: 'retry', onclick: () => onRetry() }, t.retry));
}
