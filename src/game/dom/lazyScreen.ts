/**
 * A screen whose code loads when it is first shown (the debrief and class results, with Chart.js),
 * so none of it is part of the first download. Until it arrives the screen says it is loading;
 * then the real screen takes its place and gets the latest state.
 */
import type { AppState } from '../app/controller.ts';
import { h } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';

export function lazyScreen(deps: ScreenDeps, label: string, load: () => Promise<(deps: ScreenDeps) => ScreenView>): ScreenView {
  const status = h('p', { class: 'lazy-status', attrs: { role: 'status' } }, `Opening the ${label.toLowerCase()}…`);
  const el = h('main', { class: 'lazy-screen', attrs: { 'aria-label': label } }, status);
  let real: ScreenView | null = null;
  let destroyed = false;
  let wantsFocus = false;
  void load().then(
    (make) => {
      if (destroyed) return;
      real = make(deps);
      el.replaceWith(real.el);
      real.update(deps.controller.snapshot());
      if (wantsFocus) real.focusStart();
    },
    () => {
      status.textContent = `The ${label.toLowerCase()} could not be loaded; check the connection and reload the page.`;
    },
  );
  return {
    get el() {
      return real?.el ?? el;
    },
    update: (state: AppState) => real?.update(state),
    focusStart: () => {
      if (real) real.focusStart();
      else wantsFocus = true;
    },
    destroy: () => {
      destroyed = true;
      real?.destroy();
    },
  };
}
