/**
 * While a game waits for its code to download (controller `loading`): a line over the screen says
 * what is loading; if the download fails or takes too long, an alert says what failed and offers
 * to try again or to stay where the player was. Both regions are always in the page, so assistive
 * technology reads what appears in them.
 */
import type { AppController, AppState } from '../app/controller.ts';
import { button, h } from './h.ts';

export function createLoadingStatus(controller: AppController): HTMLElement {
  const status = h('p', { class: 'loading-line', attrs: { role: 'status' } });
  const alert = h('div', { class: 'loading-failed', attrs: { role: 'alert' } });
  const el = h('div', { class: 'loading-region', attrs: { 'data-testid': 'loading-status' } }, status, alert);
  let shown: AppState['loading'] = null;
  const render = (state: AppState) => {
    if (state.loading === shown) return;
    shown = state.loading;
    const loading = shown;
    el.classList.toggle('active', loading !== null);
    status.textContent = loading && !loading.failed ? `Loading ${loading.what}…` : '';
    if (!loading?.failed) {
      alert.replaceChildren();
      return;
    }
    const retry = button('Try again', () => controller.retryLoading(), { class: 'primary' });
    alert.replaceChildren(
      h('p', { class: 'banner-title' }, `${capitalise(loading.what)} could not be loaded`),
      h('p', null, `${capitalise(loading.failed)}. Check the connection, then try again; reloading the page also works.`),
      h('div', { class: 'actions-row' }, retry, button('Cancel', () => controller.cancelLoading(), { class: 'quiet' })),
    );
    retry.focus();
  };
  controller.subscribe(render);
  render(controller.snapshot());
  return el;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
