/** One observable view state; listeners get the new and the previous state. */
import type { ViewState } from './url-state.js';

export type Listener = (next: ViewState, prev: ViewState) => void;

export class Store {
  private listeners: Listener[] = [];
  constructor(private state: ViewState) {}

  get(): ViewState {
    return this.state;
  }

  update(patch: Partial<ViewState>): void {
    const prev = this.state;
    this.state = { ...prev, ...patch };
    for (const l of this.listeners) l(this.state, prev);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}

/** Whether two states differ in the filters that decide the colouring. */
export function filtersChanged(a: ViewState, b: ViewState): boolean {
  return (
    a.programme !== b.programme ||
    a.status !== b.status ||
    a.voivodeship !== b.voivodeship ||
    a.legalForms.join() !== b.legalForms.join() ||
    a.areaTypes.join() !== b.areaTypes.join()
  );
}
