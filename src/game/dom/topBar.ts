/**
 * The play screen's top bar: date, day, days to the deadline, capital, and the main actions.
 */
import type { PlayerView } from '../../engine/view.ts';
import { amount, plural, shortDate } from '../viewModel/names.ts';
import { button, h } from './h.ts';
import { plain } from '../viewModel/glossary.ts';

export interface TopBarActions {
  map(): void;
  endDay(): void;
  summit(): void;
  help(): void;
  menu(): void;
}

function stat(label: string, value: string, key: string, explain?: string): HTMLElement {
  return h('span', { class: `tb-stat tb-${key}`, attrs: { title: explain } }, h('span', { class: 'tb-label' }, label), ' ', h('span', { class: 'tb-value', attrs: { 'data-testid': key } }, value));
}

/**
 * @param options.mapOpen on a phone the map covers the panel while open (playScreen.ts); the Map
 *   button then reads as a pressed toggle that brings the panel back
 * @param options.atSummit the leaders are meeting: no day to end, no summit to call
 */
export function topBar(view: PlayerView, title: string, actions: TopBarActions, options: { over?: boolean; mapOpen?: boolean; atSummit?: boolean } = {}): HTMLElement {
  const total = view.day + view.daysLeft + 1;
  const left = view.daysLeft === 0 ? 'Deadline today' : `${plural(view.daysLeft, 'day')} to the deadline`;
  const kb = (b: HTMLButtonElement, keys: string) => {
    b.setAttribute('aria-keyshortcuts', keys);
    return b;
  };
  return h('header', { class: 'topbar' },
    h('div', { class: 'tb-title', attrs: { title } }, title),
    h('div', { class: 'tb-status', attrs: { role: 'group', 'aria-label': 'Calendar and capital' } },
      stat('', shortDate(view.date), 'date'),
      stat('Day', `${view.day + 1} of ${total}`, 'day'),
      h('span', { class: 'tb-stat tb-left', attrs: { 'data-testid': 'days-left' } }, left),
      stat('Capital', amount(view.capital), 'capital', plain('capital')),
    ),
    h('nav', { class: 'tb-actions', attrs: { 'aria-label': 'Game' } },
      options.over ? null : kb(button('Map', actions.map, { key: 'tb-map', class: 'quiet', attrs: { 'aria-pressed': options.mapOpen === undefined ? undefined : String(options.mapOpen) } }), 'M'),
      options.over || options.atSummit ? null : kb(button('End day', actions.endDay, { key: 'tb-end' }), 'E'),
      options.over || options.atSummit ? null : kb(button('Call summit', actions.summit, { key: 'tb-summit' }), 'S'),
      kb(button('?', actions.help, { key: 'tb-help', class: 'quiet', attrs: { 'aria-label': 'Help and keyboard shortcuts' } }), '?'),
      button('Menu', actions.menu, { key: 'tb-menu', class: 'quiet' }),
    ),
  );
}
