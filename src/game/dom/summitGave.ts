/** Who gave what at the summit: per settled point, the option agreed, whose wish it was and who gave way. */
import type { Outcome } from '../../engine/negotiationMachine.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { summitGave } from '../viewModel/summit.ts';
import { h, region } from './h.ts';

export function summitGaveBlock(pub: PublicScenario, outcome: Outcome | null, level: 2 | 3 = 2): HTMLElement | null {
  const gave = summitGave(pub, outcome);
  if (!gave) return null;
  return region(level, 'Who gave what at the summit', { class: 'summit-gave', attrs: { 'data-testid': 'summit-gave' } },
    h('p', { class: 'hint' }, `The leaders settled ${gave.rows.length === 0 ? 'no open point; they signed the text as it stood' : `${gave.rows.length} point${gave.rows.length > 1 ? 's' : ''}`} in ${gave.rounds} round${gave.rounds > 1 ? 's' : ''}.`),
    gave.rows.length > 0
      ? h('table', { class: 'score-table' },
          h('thead', null, h('tr', null, ...['Point', 'Agreed', 'Whose wish', 'Who gave way'].map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
          h('tbody', null, ...gave.rows.map((r) => h('tr', null, h('th', { attrs: { scope: 'row' } }, r.point), h('td', null, r.agreed), h('td', null, r.wishOf), h('td', null, r.gaveWay)))),
        )
      : null,
    gave.demands.length > 0 ? h('ul', { class: 'plain' }, ...gave.demands.map((d) => h('li', null, d))) : null,
    gave.walkedOut ? h('p', null, gave.walkedOut) : null,
  );
}
