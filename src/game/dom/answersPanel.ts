/**
 * Answers: each party's state, trust and patience (numbers and meters), its last answer with
 * the reasons, what it would take (with Apply), and what is known of it.
 */
import type { Command } from '../../engine/commands.ts';
import type { PlayerView } from '../../engine/view.ts';
import type { Stage } from '../app/controller.ts';
import { partyCards, type Meter, type PartyCard } from '../viewModel/answers.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';
import { button, buttonWith, h, uid, type Child } from './h.ts';
import { plain, type Term } from '../viewModel/glossary.ts';

export interface AnswersDeps {
  send(c: Command): boolean;
  showStage(stage: Stage): void;
}

function meterRow(label: string, m: Meter, term: Term): HTMLElement {
  const id = uid('m');
  return h('div', { class: 'meter-row' },
    h('span', { id, class: 'meter-label', attrs: { title: plain(term) } }, label),
    h('meter', { attrs: { min: 0, max: 100, low: 30, high: 70, optimum: 100, value: m.value, 'aria-labelledby': id, 'aria-describedby': `${id}-t` } }),
    h('span', { id: `${id}-t`, class: 'meter-text' }, m.text),
  );
}

function answerBlock(card: PartyCard, deps: AnswersDeps): HTMLElement {
  const a = card.answer;
  if (!a) return h('p', { class: 'hint' }, `No answer yet: table the text with ${card.name} to hear one.`);
  return h('div', { class: `answer answer-${a.kind}${a.current ? '' : ' answer-stale'}` },
    h('p', { class: 'answer-head' }, h('strong', null, a.headline), h('span', { class: 'sub' }, ` · ${a.when}`)),
    a.stance ? h('p', { class: 'stance' }, h('span', { class: 'group-label' }, 'Where it stands: '), a.stance) : null,
    a.timing ? h('p', { class: 'timing' }, h('span', { class: 'group-label' }, 'Timing: '), a.timing) : null,
    a.redLines.length > 0 ? h('div', null, h('p', { class: 'group-label' }, 'Red lines crossed'), h('ul', { class: 'plain redlines' }, ...a.redLines.map((r) => h('li', null, r)))) : null,
    a.objections.length > 0 ? h('p', null, h('span', { class: 'group-label' }, 'Objects most to: '), a.objections.join(', ')) : null,
    a.counter
      ? h('div', { class: 'counter' },
          h('p', { class: 'group-label' }, a.current ? 'What it would take' : 'What it asked for (about an earlier text)'),
          h('ul', { class: 'plain' }, ...a.counter.lines.map((l) => h('li', null, l))),
          buttonWith(['Apply', { hidden: ` what ${card.name} asks for` }], () => deps.send({ type: 'text.package', changes: a.counter!.changes }), {
            key: `counter:${card.id}`,
            class: 'primary small',
          }),
        )
      : null,
    a.noCounter ? h('p', { class: 'hint' }, a.noCounter) : null,
    a.linked
      ? h('div', { class: 'counter linked', attrs: { 'data-testid': 'linked-counter' } },
          h('p', { class: 'group-label' }, 'A trade it offers'),
          h('p', null, a.linked.text),
          buttonWith(['Apply', { hidden: ` the trade ${card.name} offers` }, ' this trade'], () => deps.send({ type: 'text.package', changes: a.linked!.changes }), {
            key: `linked:${card.id}`,
            class: 'primary small',
          }),
        )
      : null,
    a.breakdown
      ? h('details', { class: 'breakdown' },
          h('summary', { key: `why:${card.id}` }, 'Full reasoning (open difficulty)'),
          h('p', null, `Value of the text to it: ${a.breakdown.utility}; it needs ${a.breakdown.threshold} now; it walks away below ${a.breakdown.reservation} (margin ${a.breakdown.margin}).`),
          h('ul', { class: 'plain' }, ...a.breakdown.pulls.map((p) => h('li', null, `${p.title}: ${p.option} (${p.pull > 0 ? '+' : ''}${p.pull})`))),
        )
      : null,
  );
}

/** The package the party put forward in public: the mediator may adopt it while the text is the one it was about. */
function offerBlock(card: PartyCard, deps: AnswersDeps): HTMLElement | null {
  const o = card.offer;
  if (!o) return null;
  return h('div', { class: 'counter offer', attrs: { 'data-testid': 'public-offer' } },
    h('p', { class: 'group-label' }, `Put forward in public on day ${o.day + 1}${o.current ? '' : ' (the text has changed since)'}`),
    h('ul', { class: 'plain' }, ...o.lines.map((l) => h('li', null, l))),
    o.current
      ? buttonWith(['Adopt', { hidden: ` the package ${card.name} put forward` }], () => deps.send({ type: 'text.package', changes: o.changes }), {
          key: `offer:${card.id}`,
          class: 'primary small',
        })
      : null,
  );
}

function knownBlock(card: PartyCard): HTMLElement {
  const known = card.values.filter((v) => !v.unknown);
  return h('details', { class: 'known' },
    h('summary', { key: `known:${card.id}` }, `What you know of its values (${card.learned} of ${card.values.length} points)`),
    h('p', { class: 'hint' }, `Values and weights are on a 0–100 scale, as ranges; its walk-away point: ${card.reservation}.`),
    known.length === 0
      ? h('p', { class: 'hint' }, 'Nothing yet: meet it or consult others to learn more.')
      : h('table', { class: 'known-table' },
          h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Point (weight)'), h('th', { attrs: { scope: 'col' } }, 'Options and their value'))),
          h('tbody', null, ...known.map((v) => h('tr', null,
            h('th', { attrs: { scope: 'row' } }, v.title, h('span', { class: 'sub' }, ` (${v.weight})`)),
            h('td', null, v.options.map((o) => `${o.label}${o.current ? ' [in text]' : ''}: ${o.range}`).join('; ')),
          ))),
        ),
  );
}

export function answersPanel(pub: PublicScenario, view: PlayerView, focus: string | null, deps: AnswersDeps): Child[] {
  const cards = partyCards(pub, view);
  const ordered = focus ? [...cards.filter((c) => c.id === focus), ...cards.filter((c) => c.id !== focus)] : cards;
  return ordered.map((card) => {
    const id = uid('party');
    return h('section', { class: `card party${card.id === focus ? ' in-focus' : ''}`, attrs: { 'aria-labelledby': id, 'data-party': card.id } },
      h('h3', { id }, card.name, card.id === focus ? h('span', { class: 'tag' }, 'at the table') : null),
      h('p', { class: 'meta' }, `${card.leader} · ${card.role} · ${card.where}`),
      h('p', null, h('span', { class: 'group-label' }, 'State: '), card.stateLabel),
      meterRow('Trust', card.trust, 'trust'),
      meterRow('Patience', card.patience, 'patience'),
      answerBlock(card, deps),
      offerBlock(card, deps),
      card.knownRedLines.length > 0
        ? h('div', null, h('p', { class: 'group-label' }, 'Known red lines'), h('ul', { class: 'plain redlines' }, ...card.knownRedLines.map((r) => h('li', null, r))))
        : h('p', { class: 'hint' }, 'No red line known yet.'),
      knownBlock(card),
      card.id === focus ? null : button(`Show ${card.name} at the table`, () => deps.showStage({ kind: 'table', party: card.id }), { key: `stage:${card.id}`, class: 'quiet small' }),
    );
  });
}
