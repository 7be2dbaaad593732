/**
 * The ending (DOM part): the outcome, the score, the final text, and what next. The canvas
 * behind shows the signing or the collapse.
 */
import type { AppState } from '../app/controller.ts';
import { endingView } from '../viewModel/ending.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { summitGaveBlock } from './summitGave.ts';
import { button, h, region, rerender } from './h.ts';
import type { ScreenDeps, ScreenView } from './screen.ts';
import { topBar } from './topBar.ts';

export function endingScreen(deps: ScreenDeps): ScreenView {
  const { controller } = deps;
  const bar = h('div', { class: 'topbar-slot' });
  const content = h('div', { class: 'screen-content' });
  const side = h('main', { class: 'side ending', attrs: { 'aria-labelledby': 'ending-heading' } }, h('div', { class: 'side-scroll' }, content));
  const el = h('div', { class: 'play-screen' }, bar, side);

  function render(state: AppState): void {
    const { view, choice } = state;
    if (!view || !choice) return;
    const pub = publicScenario(choice.scenario);
    const end = endingView(pub, view);
    if (!end) return;
    const again = () => {
      controller.choose(choice.entry, choice.start, choice.difficulty, choice.seed);
      controller.begin();
    };
    rerender(bar, [topBar(view, view.scenario.title, { map: () => undefined, endDay: () => undefined, summit: () => undefined, help: deps.help, menu: () => controller.toTitle() }, { over: true })]);
    rerender(content, [
      h('p', { class: 'kicker' }, 'The outcome'),
      h('h1', { id: 'ending-heading', class: `title outcome-${end.kind}`, attrs: { tabindex: -1 } }, end.headline),
      h('p', { class: 'lede' }, end.detail),
      h('table', { class: 'score-table' },
        h('caption', null, end.kind === 'deal' ? 'The score' : 'Where the talks ended'),
        h('tbody', null, ...end.score.map((r) => h('tr', null,
          h('th', { attrs: { scope: 'row' } }, r.label),
          h('td', { class: 'num' }, r.value),
          h('td', { class: 'note' }, r.note),
        ))),
      ),
      summitGaveBlock(pub, view.outcome),
      region(2, end.textHeading, { class: 'final-text' },
        h('ol', { class: 'final-points' }, ...end.text.map((p) => h('li', { attrs: { value: p.number } },
          h('strong', null, p.title), `: ${p.option}`, p.deferred ? h('span', { class: 'sub' }, ' (left to the leaders)') : null,
        ))),
        end.dropped.length > 0 ? h('p', { class: 'hint' }, `Dropped: ${end.dropped.join('; ')}.`) : null,
      ),
      h('div', { class: 'actions-row' },
        button('Back to title', () => controller.toTitle(), { key: 'to-title', class: 'quiet' }),
        button('Debrief and export', () => controller.openDebrief(), { key: 'debrief' }),
        button('Play again with the same seed', again, { key: 'again', class: 'primary' }),
      ),
    ]);
  }

  render(controller.snapshot());
  return {
    el,
    update: render,
    focusStart: () => content.querySelector<HTMLElement>('#ending-heading')?.focus(),
    destroy: () => undefined,
  };
}
