/**
 * The screen of a party seat held by a person: the requests waiting for its answer, its public
 * statements and consultations, what it has heard, its private role sheet, and how the talks
 * ended. A component: it takes the seat's view and a send function, and a "done" action from
 * whoever runs the turns (hand back to the mediator, or end the day), so one device
 * (passScreens.ts) and a live class (class/liveClass.ts, embedded in the class screen) both use it.
 */
import type { PartySeatView } from '../../engine/seatView.ts';
import { button, h, region, rerender } from '../dom/h.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { answerPanel } from './answerPanel.ts';
import { roleSheet } from './roleSheet.ts';
import type { SeatDeps } from './seatDeps.ts';
import { statementsPanel } from './statements.ts';
import { packagePanel } from './packagePanel.ts';
import { marginWords } from './roleSheetModel.ts';
import './seats.css';

export interface SeatDone {
  label: string;
  /** Why "done" is not possible yet (a request to answer first), or null. */
  blocked: string | null;
  onDone(): void;
}

export interface PartySeatOptions {
  /** Inside another screen (a live class): no landmark of its own, not a full-page layer. */
  embedded?: boolean;
}

export interface PartySeatScreen {
  el: HTMLElement;
  update(view: PartySeatView, done: SeatDone | null): void;
  focusStart(): void;
}

/** How the talks ended, for this seat (its own score in a signed deal). */
function ending(view: PartySeatView): HTMLElement | null {
  const o = view.outcome;
  if (!o) return null;
  const title = o.kind === 'deal' ? 'Deal signed' : o.kind === 'collapse' ? 'The talks collapsed' : 'The deadline passed without a deal';
  return region(2, title, { class: 'seat-block seat-outcome', attrs: { 'data-testid': 'seat-outcome' } },
    h('p', null, o.kind !== 'deal' ? o.reason
      : view.score === null ? 'Your government did not sign.'
      : `Your score: ${view.score >= 0 ? '+' : ''}${view.score} above your walk-away.`));
}

export function partySeatScreen(pub: PublicScenario, deps: SeatDeps, options: PartySeatOptions = {}): PartySeatScreen {
  const content = h('div', { class: 'seat-content' });
  const el = options.embedded
    ? h('div', { class: 'party-seat embedded' }, content)
    : h('main', { class: 'party-seat', attrs: { 'aria-labelledby': 'seat-heading' } }, content);
  let last: { view: PartySeatView; done: SeatDone | null } | null = null;
  const again = () => {
    if (last) render(last.view, last.done);
  };
  const answers = answerPanel(pub, deps, again);
  const statements = statementsPanel(pub, deps, again);
  const proposal = packagePanel(pub, deps, again);

  function render(view: PartySeatView, done: SeatDone | null): void {
    last = { view, done };
    const waiting = view.requests.filter((r) => r.party === view.party).length;
    const heard = view.journal.filter((n) => n.kind !== 'day.ended').slice(-8).reverse();
    rerender(content, [
      h('header', { class: 'seat-head' },
        h('p', { class: 'kicker' }, 'Your seat · day ', h('span', { attrs: { 'data-testid': 'day' } }, `${view.day + 1} of ${view.day + view.daysLeft + 1}`), ` · ${view.date}`),
        h('h1', { id: 'seat-heading', class: 'title', attrs: { tabindex: -1 } }, view.sheet.name),
        h('p', { class: 'seat-summary' }, `The text on the table (draft ${view.version + 1}, ${view.pointsInText} points): ${marginWords(view.standing.margin, view.standing.redLines.length)}.`),
      ),
      ending(view),
      h('div', { class: 'seat-columns' },
        h('div', { class: 'seat-col' },
          region(2, waiting > 0 ? `Waiting for your answer (${waiting})` : 'Waiting for your answer', { class: 'seat-block', attrs: { 'data-testid': 'requests' } }, ...answers.render(view)),
          region(2, 'Statements and allies', { class: 'seat-block' }, ...statements.render(view), proposal.render(view)),
          region(2, 'What you have heard', { class: 'seat-block' },
            heard.length === 0 ? h('p', { class: 'hint' }, 'Nothing yet.') : h('ul', { class: 'plain seat-log' }, ...heard.map((n) => h('li', null, h('span', { class: 'sub' }, `Day ${n.day + 1}: `), n.text)))),
        ),
        h('div', { class: 'seat-col' }, roleSheet(pub, view)),
      ),
      done
        ? h('div', { class: 'seat-done' },
            done.blocked ? h('p', { class: 'hint' }, done.blocked) : null,
            button(done.label, done.onDone, { key: 'seat-done', class: 'primary', attrs: { disabled: done.blocked !== null } }),
          )
        : null,
    ]);
  }

  return {
    el,
    update: render,
    focusStart: () => content.querySelector<HTMLElement>('#seat-heading')?.focus(),
  };
}
