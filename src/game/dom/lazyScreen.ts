/**
 * A screen whose code loads when it is first shown (the debrief and class results, with Chart.js),
 * so none of it is part of the first download. Until it arrives the screen says it is loading;
 * then the real screen takes its place and gets the latest state. A failed download says so,
 * with a button to try again.
 */
import type { AppState } from '../app/controller.ts';
import { downloadFailure } from '../app/downloadFailure.ts';
import { button, h } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';

export function lazyScreen(deps: ScreenDeps, label: string, load: () => Promise<(deps: ScreenDeps) => ScreenView>): ScreenView {
  const status = h('p', { class: 'lazy-status', attrs: { role: 'status' } }, `Opening the ${label.toLowerCase()}…`);
  const el = h('main', { class: 'lazy-screen', attrs: { 'aria-label': label } }, status);
  let real: ScreenView | null = null;
  let destroyed = false;
  let wantsFocus = false;
  const attempt = () =>
    void load().then(
      (make) => {
        if (destroyed) return;
        real = make(deps);
        el.replaceWith(real.el);
        real.update(deps.controller.snapshot());
        if (wantsFocus) real.focusStart();
      },
      (e: unknown) => {
        if (destroyed) return;
        status.textContent = `The ${label.toLowerCase()} could not be loaded: ${downloadFailure(e)}. Check the connection, then try again; reloading the page also works.`;
        const retry = button('Try again', () => {
          retry.remove();
          status.textContent = `Opening the ${label.toLowerCase()}…`;
          attempt();
        }, { class: 'primary' });
        el.append(retry);
        retry.focus();
      },
    );
  attempt();
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
