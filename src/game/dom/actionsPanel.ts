/**
 * Actions: per envoy, where it is, actions left, and a button for each thing it can do there
 * now (the engine's legal commands), with its cost.
 */
import type { Command } from '../../engine/commands.ts';
import type { PlayerView } from '../../engine/view.ts';
import { envoyCards, partiesAt, type ActionItem } from '../viewModel/actions.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { h, uid, type Child } from './h.ts';

function actionButton(item: ActionItem, send: (c: Command) => void, envoy: string): HTMLElement {
  // When the envoy can do no more (no actions left, or travelling), focus goes to its card's heading.
  const b = h('button', { key: item.key, then: `envoy:${envoy}`, class: 'action', attrs: { type: 'button' } },
    h('span', { class: 'action-label' }, item.label),
    item.cost ? h('span', { class: 'action-cost' }, ` (${item.cost})`) : null,
  );
  if (item.note) b.title = item.note;
  b.addEventListener('click', () => send(item.command));
  return h('li', null, b);
}

export function actionsPanel(pub: PublicScenario, view: PlayerView, send: (c: Command) => void): Child[] {
  return envoyCards(pub, view).map((card) => {
    const id = uid('envoy');
    const envoy = view.envoys.find((e) => e.id === card.id);
    const nobody = envoy && !card.travelling && partiesAt(pub, envoy.at).length === 0;
    return h('section', { class: 'card envoy', attrs: { 'aria-labelledby': id } },
      h('h3', { id, key: `envoy:${card.id}`, attrs: { tabindex: -1 } }, card.name, card.title ? h('span', { class: 'sub' }, ` · ${card.title}`) : null),
      h('p', { class: 'where' }, card.where),
      h('p', { class: 'meta' }, card.actionsText),
      card.here.length > 0
        ? h('ul', { class: 'action-list', attrs: { 'aria-label': `What ${card.name} can do here` } }, ...card.here.map((i) => actionButton(i, send, card.id)))
        : !card.travelling && card.actionsLeft > 0 && nobody ? h('p', { class: 'hint' }, 'No party is met here: travel to meet one.') : null,
      card.travel.length > 0
        ? h('div', { class: 'travel' },
            h('p', { class: 'group-label' }, 'Travel'),
            h('ul', { class: 'action-list', attrs: { 'aria-label': `Where ${card.name} can travel` } }, ...card.travel.map((i) => actionButton(i, send, card.id))),
          )
        : null,
    );
  });
}
