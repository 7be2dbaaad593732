/** Log: the journal, newest first. */
import type { PlayerView } from '../../engine/view.ts';
import { logEntries } from '../viewModel/log.ts';
import { h, type Child } from './h.ts';

export function logPanel(view: PlayerView): Child[] {
  const entries = logEntries(view.journal);
  return [
    h('p', { class: 'hint' }, `${entries.length} entries, newest first.`),
    h('ol', { class: 'log', attrs: { reversed: true, 'aria-label': 'Journal, newest first', 'data-testid': 'log' } },
      ...entries.map((e) => h('li', { class: e.important ? 'log-entry important' : 'log-entry', attrs: { 'data-kind': e.kind } },
        h('span', { class: 'log-day' }, e.day), ' ', h('span', { class: 'log-text' }, e.text),
      )),
    ),
  ];
}
