/**
 * The save alert: when storage refuses the autosave (or a reload resumed from an older save),
 * an alert over every screen says so at once, keeps saying it until the next save is taken or the
 * player dismisses it, and offers the game as a file to download.
 */
import type { AppController, AppState } from '../app/controller.ts';
import { download } from '../debrief/download.ts';
import { button, h } from './h.ts';

export function createSaveAlert(controller: AppController): HTMLElement {
  const el = h('div', { class: 'save-alert-region', attrs: { 'data-testid': 'save-alert' } });
  let shown: AppState['saveAlert'] = null;
  const render = (state: AppState) => {
    if (state.saveAlert === shown) return;
    shown = state.saveAlert;
    const alert = shown;
    if (!alert) {
      el.replaceChildren();
      return;
    }
    const file = alert.download ? controller.gameFile() : null;
    el.replaceChildren(
      h('div', { class: 'banner save-alert', attrs: { role: 'alert' } },
        h('p', { class: 'banner-title' }, alert.title),
        h('ul', null, ...alert.lines.map((l) => h('li', null, l))),
        h('div', { class: 'actions-row' },
          file
            ? button('Download the game', () => {
                const now = controller.gameFile();
                if (now) download(now.name, now.text);
              }, { class: 'primary' })
            : null,
          button('Dismiss', () => controller.dismissSaveAlert(), { class: 'quiet' }),
        ),
      ),
    );
  };
  controller.subscribe(render);
  render(controller.snapshot());
  return el;
}
