/**
 * A party seat's own moves: public statements (signal a red line, or flexibility on a point) and
 * consulting an ally, as many a day as the rules allow. Only the moves the seat's view lists as
 * legal are offered; a refusal shows in place.
 */
import type { PartySeatView } from '../../engine/seatView.ts';
import { button, h, uid, type Child } from '../dom/h.ts';
import { partyName, plural, pointTitle } from '../viewModel/names.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { sendFor, type SeatCommandOut, type SeatDeps } from './seatDeps.ts';

export interface StatementsPanel {
  render(view: PartySeatView): Child[];
}

export function statementsPanel(pub: PublicScenario, deps: SeatDeps, rerenderAll: () => void): StatementsPanel {
  let point = '';
  let refusal: string | null = null;
  const go = (c: SeatCommandOut) => {
    void sendFor(deps, c).then((reason) => {
      refusal = reason;
      rerenderAll();
    });
  };
  return {
    render(view) {
      const signals = view.legal.filter((c) => c.type === 'party.signal');
      const consults = view.legal.filter((c) => c.type === 'party.consult');
      const points = [...new Set(signals.map((c) => c.point))];
      if (!points.includes(point)) point = points[0] ?? '';
      const can = (stance: 'redLine' | 'flexible') => signals.some((c) => c.point === point && c.stance === stance);
      const selectId = uid('stmt');
      const select = h('select', { id: selectId, key: 'statement-point' }, ...points.map((p) => h('option', { attrs: { value: p } }, pointTitle(pub, p))));
      select.value = point;
      select.addEventListener('change', () => {
        point = select.value;
        rerenderAll();
      });
      const none = view.actionsLeft <= 0;
      return [
        h('p', { class: 'hint' }, none ? 'You have made all the statements and consultations you can today.'
          : `${plural(view.actionsLeft, 'statement or consultation', 'statements or consultations')} left today. A statement is public and honest: everyone at the table hears it.`),
        refusal ? h('p', { class: 'form-error', attrs: { role: 'alert' } }, `Not possible: ${refusal}.`) : null,
        points.length > 0
          ? h('div', { class: 'statement-row' },
              h('label', { attrs: { for: selectId } }, 'Point'),
              select,
              button('Signal a red line', () => go({ type: 'party.signal', point, stance: 'redLine' }), { key: 'signal-red', attrs: { disabled: !can('redLine') } }),
              button('Signal flexibility', () => go({ type: 'party.signal', point, stance: 'flexible' }), { key: 'signal-flex', attrs: { disabled: !can('flexible') } }),
            )
          : null,
        consults.length > 0
          ? h('div', { class: 'actions-row' }, ...consults.map((c) => button(`Consult ${partyName(pub, c.ally)}`, () => go(c), { key: `consult:${c.ally}` })))
          : null,
      ];
    },
  };
}
