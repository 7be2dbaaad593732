/**
 * The summit, while the leaders sit: the open points with each leader's wish, a proposal to put
 * (one choice per open point: a package, so one party may get one point and another the next),
 * each leader's answer with its reasons and last demand (with a button to take it up), the rounds
 * so far, and closing the summit.
 */
import type { Command } from '../../engine/commands.ts';
import type { PlayerView } from '../../engine/view.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { summitTalks } from '../viewModel/summit.ts';
import { button, buttonWith, h, uid, type Child } from './h.ts';

/** The player's choices on the open points, kept between renders of one round. */
export type SummitChoice = Map<string, string>;

export function summitPanel(pub: PublicScenario, view: PlayerView, choice: SummitChoice, send: (c: Command) => boolean): Child[] {
  const talks = summitTalks(pub, view);
  if (!talks) return [];
  const headingId = uid('summit');
  const pick = (point: string, current: string) => choice.get(point) ?? current;
  const propose = () => {
    const changes = talks.points.map((p) => ({ point: p.id, option: pick(p.id, p.current) }));
    if (send({ type: 'summit.propose', changes })) choice.clear();
  };
  const busy = talks.waiting !== null;
  return [
    h('section', { class: 'card summit', attrs: { 'aria-labelledby': headingId, 'data-testid': 'summit' } },
      h('h3', { id: headingId, key: 'summit-heading', attrs: { tabindex: -1 } }, 'The leaders’ summit', h('span', { class: 'sub' }, ` · ${talks.roundText}`)),
      h('p', { class: 'hint' }, talks.points.length > 0
        ? 'Choose an option on each open point and put the package to the leaders. Each leader answers: it signs, makes one last demand, or refuses; a leader offered nothing better than what it already refused walks out.'
        : 'No point is open: put the text as it stands to the leaders.'),
      talks.waiting ? h('p', { class: 'flash-inline', attrs: { role: 'status' } }, talks.waiting) : null,
      talks.points.length > 0
        ? h('fieldset', { class: 'summit-points' },
            h('legend', null, 'Your proposal'),
            ...talks.points.map((p) => {
              const id = uid('sp');
              const select = h('select', { id, key: `summit-point:${p.id}` },
                ...p.options.map((o) => h('option', { attrs: { value: o.id, selected: o.id === pick(p.id, p.current) } },
                  `${o.label}${o.wishedBy.length > 0 ? ` — wanted by ${o.wishedBy.join(', ')}` : ''}${o.id === p.current ? ' (on the table)' : ''}`)),
              );
              select.addEventListener('change', () => choice.set(p.id, select.value));
              return h('div', { class: 'summit-point' }, h('label', { attrs: { for: id } }, `${p.number}. ${p.title}`), select);
            }),
          )
        : null,
      h('div', { class: 'actions-row' },
        button(talks.points.length > 0 ? 'Propose to the leaders' : 'Put the text to the leaders', propose, { key: 'summit-propose', class: 'primary', attrs: { disabled: busy || talks.roundsLeft <= 0 } }),
        button('Close the summit', () => send({ type: 'summit.close' }), { key: 'summit-close', class: 'quiet', then: 'summit-heading' }),
      ),
      h('h4', null, 'The leaders'),
      h('ul', { class: 'plain leaders', attrs: { 'aria-label': 'The leaders’ answers' } },
        ...talks.leaders.map((l) => h('li', { class: `leader leader-${l.reply ?? 'none'}`, attrs: { 'data-party': l.id } },
          h('p', null, h('strong', null, l.name), l.leader ? h('span', { class: 'sub' }, ` · ${l.leader}`) : null, ': ', h('span', { class: 'reply' }, l.replyLabel)),
          l.demand ? h('p', { class: 'demand' }, `Signs if ${l.demand}.`) : null,
          l.reasons.length > 0 ? h('ul', { class: 'plain reasons' }, ...l.reasons.map((r) => h('li', null, r))) : null,
          l.demand && talks.roundsLeft > 0 && !busy
            ? buttonWith(['Accept ', { hidden: `${l.name}'s ` }, 'demand'], () => send({ type: 'summit.acceptDemand', party: l.id }), { key: `summit-demand:${l.id}`, class: 'small', then: 'summit-heading' })
            : null,
        )),
      ),
      talks.history.length > 0
        ? h('details', { class: 'summit-history' },
            h('summary', { key: 'summit-history' }, `Earlier rounds (${talks.history.length})`),
            h('ol', { class: 'plain' }, ...talks.history.map((line) => h('li', null, line))),
          )
        : null,
    ),
  ];
}
