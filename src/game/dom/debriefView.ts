/**
 * The debrief as a screen of the DOM layer: a full-window, scrollable document over the
 * canvas. The debrief itself (tables, charts, replay) is drawn by game/debrief/.
 */
import type { AppState } from '../app/controller.ts';
import { renderDebrief } from '../debrief/debriefScreen.ts';
import { download } from '../debrief/download.ts';
import { resultFileName } from '../../debrief/resultFile.ts';
import { currentMotionReduced } from '../settings/motion.ts';
import { h } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';

export function debriefView(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const content = h('div', { class: 'debrief-content' });
  const el = h('main', { class: 'debrief-screen', attrs: { 'aria-label': 'Debrief' } }, content);
  let shown: AppState['debrief'] = null;
  let free: () => void = () => undefined;

  function render(state: AppState): void {
    if (!state.debrief || state.debrief === shown) return;
    shown = state.debrief;
    free();
    const { data, scenario, imported } = state.debrief;
    free = renderDebrief(content, data, scenario, {
      onBack: () => controller.toTitle(),
      ...(imported ? {} : {
        onExport: (name: string) => {
          const result = controller.resultFile(name);
          if (result) download(resultFileName(result, new Date()), `${JSON.stringify(result, null, 2)}\n`);
        },
        playerName: controller.playerName(),
      }),
      onPrint: () => window.print(),
      reduceMotion: currentMotionReduced(),
    });
  }

  render(controller.snapshot());
  return {
    el,
    update: render,
    focusStart: () => content.querySelector<HTMLElement>('#debrief-title')?.focus(),
    destroy: () => free(),
  };
}
