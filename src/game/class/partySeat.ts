/**
 * A student's party seat in a live class: what waits for an answer (accept, reject naming the
 * points, a counter-draft; yes or no to a meeting, pressure, an offer or a signature), with
 * the government's own advice; public statements and consultations; the end of the day; the
 * role sheet (weights, values, red lines, walk-away, how the current text scores); the others
 * as far as this seat knows them; and the seat's log. The class bar over it says when the teacher
 * pauses or ends the lesson, the day's clock and a lost connection. Built with h(): every scenario
 * string is text.
 */
import type { SeatCommand } from '../../engine/commands.ts';
import type { PartySeatView } from '../../engine/seatView.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { OMIT } from '../../scenario/omit.ts';
import type { SeatStatus } from '../../server/protocol.ts';
import { button, h, uid, type Child } from '../dom/h.ts';

type Request = PartySeatView['requests'][number];

/** What the student has picked but not sent yet, kept across the views that arrive meanwhile. */
export interface PartyForm {
  /** Per request: points objected to, and the counter-draft's options. */
  objections: Map<number, Set<string>>;
  counter: Map<number, Map<string, string>>;
  signalPoint: string;
  signalStance: 'redLine' | 'flexible';
  ally: string;
}

export function newPartyForm(): PartyForm {
  return { objections: new Map(), counter: new Map(), signalPoint: '', signalStance: 'flexible', ally: '' };
}

export interface PartySeatDeps {
  view: PartySeatView;
  scenario: Scenario | null;
  seats: SeatStatus[];
  refusal: string | null;
  send(command: SeatCommand): void;
  leave(): void;
  /** Re-render (a choice changed the form). */
  changed(): void;
}

const REPLY: Record<string, string> = { accept: 'accept', decline: 'decline', reject: 'reject', counter: 'counter-draft' };

function labels(scenario: Scenario | null) {
  const point = (id: string) => scenario?.points.find((p) => p.id === id);
  return {
    point: (id: string) => point(id)?.title ?? id,
    option: (p: string, o: string) => (o === OMIT ? 'Left out of the text' : point(p)?.options.find((x) => x.id === o)?.label ?? o),
    options: (p: string) => [...(point(p)?.options.map((o) => o.id) ?? []), ...(point(p)?.omittable ? [OMIT] : [])],
    party: (id: string) => scenario?.parties.find((x) => x.id === id)?.name ?? id,
  };
}

function requestTitle(r: Request, party: (id: string) => string): string {
  switch (r.kind) {
    case 'table': return 'The mediator has tabled the text: can your government accept it?';
    case 'meet': return 'The mediator’s envoy asks to meet your leader.';
    case 'press': return 'The mediator presses your government to move.';
    case 'offer': return `The mediator offers ${r.incentive ? `${r.incentive.label} (worth ${r.incentive.value})` : 'an incentive'}.`;
    case 'sign': return `The leaders meet at the summit: will ${party(r.party)} sign this text?`;
  }
}

function adviceCommand(r: Request): SeatCommand | null {
  const a = r.advice;
  return a ? { type: 'party.answer', request: r.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) } : null;
}

function requestCard(r: Request, deps: PartySeatDeps, form: PartyForm, L: ReturnType<typeof labels>): HTMLElement {
  const headingId = uid('request');
  const answer = (reply: 'accept' | 'decline') => deps.send({ type: 'party.answer', request: r.id, reply });
  const advised = adviceCommand(r);
  const parts: Child[] = [h('h3', { id: headingId }, requestTitle(r, L.party))];
  if (r.text) {
    const lines = deps.view.sheet.redLines.filter((l) => !l.lifted && l.when.some((c) => r.text![c.point]?.option === c.option));
    parts.push(h('table', { class: 'seat-text' },
      h('caption', { class: 'visually-hidden' }, 'The text'),
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Point'), h('th', { attrs: { scope: 'col' } }, 'The text says'), h('th', { attrs: { scope: 'col' } }, 'Your value'))),
      h('tbody', null, ...Object.entries(r.text).map(([p, c]) => h('tr', null,
        h('th', { attrs: { scope: 'row' } }, L.point(p)),
        h('td', null, `${L.option(p, c.option)}${c.deferred ? ' (left to the leaders)' : ''}`),
        h('td', null, String(deps.view.sheet.values[p]?.[c.option] ?? '–')))))));
    if (lines.length > 0) parts.push(h('p', { class: 'seat-warning' }, `This text crosses your red line: ${lines.map((l) => l.reason).join(' ')}`));
  }
  if (r.advice) parts.push(h('p', { class: 'seat-advice' }, h('strong', null, `Your advisers: ${REPLY[r.advice.reply] ?? r.advice.reply}. `), r.advice.why));
  const row: Child[] = [];
  if (advised) row.push(button('Answer as advised', () => deps.send(advised), { key: `advised:${r.id}`, class: 'primary' }));
  row.push(button('Accept', () => answer('accept'), { key: `accept:${r.id}` }));
  if (r.kind !== 'table') row.push(button('Decline', () => answer('decline'), { key: `decline:${r.id}` }));
  parts.push(h('div', { class: 'seat-buttons' }, ...row));
  if (r.kind === 'table' && r.text) {
    // Reject naming the points objected to.
    const objections = form.objections.get(r.id) ?? new Set<string>();
    form.objections.set(r.id, objections);
    const rejectSet = h('fieldset', { class: 'choices seat-objections' }, h('legend', null, 'Reject, naming the points you object to'),
      ...Object.keys(r.text).map((p) => {
        const id = uid('obj');
        const box = h('input', { id, key: `obj:${r.id}:${p}`, attrs: { type: 'checkbox' } });
        box.checked = objections.has(p);
        box.addEventListener('change', () => (box.checked ? objections.add(p) : objections.delete(p)));
        return h('div', { class: 'choice' }, box, h('label', { attrs: { for: id } }, L.point(p)));
      }),
      button('Reject', () => deps.send({ type: 'party.answer', request: r.id, reply: 'reject', points: [...objections] }), { key: `reject:${r.id}` }));
    // A counter-draft: a different option on the points chosen.
    const counter = form.counter.get(r.id) ?? new Map<string, string>();
    form.counter.set(r.id, counter);
    const counterSet = h('fieldset', { class: 'seat-counter' }, h('legend', null, 'Or answer with a counter-draft'),
      ...Object.entries(r.text).map(([p, c]) => {
        const id = uid('counter');
        const select = h('select', { id, key: `counter:${r.id}:${p}` },
          h('option', { attrs: { value: '' } }, `Keep: ${L.option(p, c.option)}`),
          ...L.options(p).filter((o) => o !== c.option).map((o) => h('option', { attrs: { value: o } }, `${L.option(p, o)} (your value ${deps.view.sheet.values[p]?.[o] ?? '–'})`)));
        select.value = counter.get(p) ?? '';
        select.addEventListener('change', () => (select.value ? counter.set(p, select.value) : counter.delete(p)));
        return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, L.point(p)), select);
      }),
      button('Send the counter-draft', () => deps.send({ type: 'party.answer', request: r.id, reply: 'counter', changes: [...counter].map(([point, option]) => ({ point, option })) }), { key: `counter-send:${r.id}` }));
    parts.push(rejectSet, counterSet);
  }
  return h('article', { class: 'seat-request', attrs: { 'aria-labelledby': headingId } }, ...parts);
}

function roleSheet(v: PartySeatView, L: ReturnType<typeof labels>): HTMLElement {
  const s = v.sheet;
  const points = Object.keys(s.weights);
  return h('section', { class: 'seat-sheet', attrs: { 'aria-labelledby': 'sheet-h' } },
    h('h2', { id: 'sheet-h' }, 'Your role sheet'),
    h('p', { class: 'seat-brief' }, s.briefing.trim()),
    h('p', null, `Walk-away: ${s.reservation}. The current text is worth ${v.standing.utility} to you: `,
      h('strong', { attrs: { 'data-testid': 'seat-margin' } }, `${v.standing.margin >= 0 ? '+' : ''}${v.standing.margin}`), ' above your walk-away.'),
    v.standing.redLines.length > 0 ? h('p', { class: 'seat-warning' }, `The current text crosses your red line: ${v.standing.redLines.map((l) => l.reason).join(' ')}`) : null,
    h('table', { class: 'seat-values' },
      h('caption', null, 'What each option is worth to you (0–100), and how much each point weighs'),
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Point'), h('th', { attrs: { scope: 'col' } }, 'Weight'), h('th', { attrs: { scope: 'col' } }, 'Options'))),
      h('tbody', null, ...points.map((p) => h('tr', null,
        h('th', { attrs: { scope: 'row' } }, L.point(p), s.leaderPoints.includes(p) ? ' (your leader’s)' : ''),
        h('td', null, String(s.weights[p])),
        h('td', null, h('ul', { class: 'seat-options' }, ...Object.entries(s.values[p] ?? {}).map(([o, value]) => {
          const now = v.text[p]?.option === o;
          return h('li', { class: now ? 'now' : undefined }, `${L.option(p, o)}: ${value}`, now ? h('span', { class: 'seat-now' }, ' ← the text now') : null);
        }))))))),
    h('h3', null, 'Your red lines'),
    s.redLines.length === 0 ? h('p', null, 'None.') : h('ul', null, ...s.redLines.map((l) => h('li', null, l.reason, l.lifted ? ' (lifted for now)' : ''))));
}

function others(v: PartySeatView, seats: SeatStatus[]): HTMLElement {
  return h('section', { class: 'seat-others', attrs: { 'aria-labelledby': 'others-h' } },
    h('h2', { id: 'others-h' }, 'The others'),
    h('ul', null, ...v.parties.map((p) => {
      const seat = seats.find((s) => s.id === p.id);
      const who = seat ? (seat.machine || !seat.holder ? 'played by the machine' : `played by ${seat.holder}`) : '';
      return h('li', null, h('strong', null, p.name), ` (${p.role}, ${who}): ${p.state}, trust ${p.trust}, patience ${p.patience}.`,
        p.knownRedLines.length > 0 ? ` Known red lines: ${p.knownRedLines.map((l) => l.reason).join(' ')}` : '');
    })));
}

function actions(v: PartySeatView, deps: PartySeatDeps, form: PartyForm, L: ReturnType<typeof labels>): HTMLElement {
  const signals = v.legal.filter((c): c is Extract<SeatCommand, { type: 'party.signal' }> => c.type === 'party.signal');
  const consults = v.legal.filter((c): c is Extract<SeatCommand, { type: 'party.consult' }> => c.type === 'party.consult');
  const points = [...new Set(signals.map((c) => c.point))];
  if (!points.includes(form.signalPoint)) form.signalPoint = points[0] ?? '';
  const stances = signals.filter((c) => c.point === form.signalPoint).map((c) => c.stance);
  if (!stances.includes(form.signalStance)) form.signalStance = stances[0] ?? 'flexible';
  if (!consults.some((c) => c.ally === form.ally)) form.ally = consults[0]?.ally ?? '';
  const pointId = uid('sig-point');
  const stanceId = uid('sig-stance');
  const allyId = uid('ally');
  const pointSelect = h('select', { id: pointId, key: 'signal-point' }, ...points.map((p) => h('option', { attrs: { value: p } }, L.point(p))));
  pointSelect.value = form.signalPoint;
  pointSelect.addEventListener('change', () => {
    form.signalPoint = pointSelect.value;
    deps.changed();
  });
  const stanceSelect = h('select', { id: stanceId, key: 'signal-stance' }, ...stances.map((s) => h('option', { attrs: { value: s } }, s === 'redLine' ? 'It touches our red line' : 'We are flexible on it')));
  stanceSelect.value = form.signalStance;
  stanceSelect.addEventListener('change', () => (form.signalStance = stanceSelect.value as PartyForm['signalStance']));
  const allySelect = h('select', { id: allyId, key: 'ally' }, ...consults.map((c) => h('option', { attrs: { value: c.ally } }, L.party(c.ally))));
  allySelect.value = form.ally;
  allySelect.addEventListener('change', () => (form.ally = allySelect.value));
  const over = v.outcome !== null;
  return h('section', { class: 'seat-actions', attrs: { 'aria-labelledby': 'actions-h' } },
    h('h2', { id: 'actions-h' }, 'Statements and allies'),
    h('p', null, `${v.actionsLeft} statement${v.actionsLeft === 1 ? '' : 's'} or consultation${v.actionsLeft === 1 ? '' : 's'} left today. A statement is public and honest; a consultation is private.`),
    points.length > 0
      ? h('div', { class: 'inline-form' },
        h('div', { class: 'field' }, h('label', { attrs: { for: pointId } }, 'Point'), pointSelect),
        h('div', { class: 'field' }, h('label', { attrs: { for: stanceId } }, 'Statement'), stanceSelect),
        button('Make the statement', () => deps.send({ type: 'party.signal', point: form.signalPoint, stance: form.signalStance }), { key: 'signal' }))
      : null,
    consults.length > 0
      ? h('div', { class: 'inline-form' },
        h('div', { class: 'field' }, h('label', { attrs: { for: allyId } }, 'Consult an ally'), allySelect),
        button('Consult', () => deps.send({ type: 'party.consult', ally: form.ally }), { key: 'consult' }))
      : null,
    over ? null : h('div', { class: 'seat-buttons' },
      button(v.ended ? 'Day ended: waiting for the others' : 'End the day', () => deps.send({ type: 'day.end' }), { key: 'end-day', attrs: { disabled: v.ended } })));
}

export function partySeatScreen(deps: PartySeatDeps, form: PartyForm): HTMLElement[] {
  const v = deps.view;
  const L = labels(deps.scenario);
  const seatName = (id: string) => deps.seats.find((s) => s.id === id)?.name ?? L.party(id);
  const waiting = v.waitingFor.filter((s) => s !== v.seat).map(seatName);
  const outcome = v.outcome;
  const ending = outcome
    ? h('section', { class: 'seat-outcome', attrs: { 'aria-labelledby': 'outcome-h' } },
      h('h2', { id: 'outcome-h' }, outcome.kind === 'deal' ? 'Deal signed' : outcome.kind === 'collapse' ? 'The talks collapsed' : 'The deadline passed without a deal'),
      h('p', null, outcome.kind === 'deal'
        ? v.score === null ? 'Your government did not sign.' : `Your score: ${v.score >= 0 ? '+' : ''}${v.score} above your walk-away.`
        : outcome.reason))
    : null;
  return [
    h('header', { class: 'seat-head' },
      h('p', { class: 'eyebrow' }, `Live class · ${v.scenario.title}`),
      h('h1', { id: 'class-heading', key: 'seat-heading', class: 'title', attrs: { tabindex: -1 } }, `You are ${v.sheet.name}`),
      h('p', null, `${v.sheet.leader}, ${v.sheet.role === 'signatory' ? 'a signatory' : 'consulted'}. `,
        h('span', { attrs: { 'data-testid': 'day' } }, `${v.day + 1} of ${v.day + v.daysLeft}`), ` · ${v.date} · deadline ${v.deadline}`),
      h('p', { attrs: { role: 'status' } }, v.outcome ? '' : (v.ended ? `You have ended the day; waiting for ${waiting.join(', ') || 'the others'}.` : waiting.length > 0 ? `Still in today’s talks: ${waiting.join(', ')}.` : ''))),
    deps.refusal ? h('p', { class: 'seat-refusal', attrs: { role: 'alert' } }, deps.refusal) : h('p', { attrs: { role: 'alert' } }),
    ending ?? h('section', { class: 'seat-requests', attrs: { 'aria-labelledby': 'requests-h' } },
      h('h2', { id: 'requests-h' }, v.requests.length > 0 ? `Waiting for your answer (${v.requests.length})` : 'Waiting for your answer'),
      v.requests.length === 0 ? h('p', null, 'Nothing for now. When the mediator meets you, tables the text, presses you or makes an offer, you answer here.') : null,
      ...v.requests.map((r) => requestCard(r, deps, form, L))),
    actions(v, deps, form, L),
    roleSheet(v, L),
    others(v, deps.seats),
    h('section', { class: 'seat-log', attrs: { 'aria-labelledby': 'seat-log-h' } },
      h('h2', { id: 'seat-log-h' }, 'Log'),
      h('ol', { attrs: { reversed: true } }, ...v.journal.slice(-15).reverse().map((n) => h('li', null, h('span', { class: 'seat-date' }, n.date), ' ', n.text)))),
    h('div', { class: 'seat-buttons' }, button('Leave the class', () => deps.leave(), { key: 'leave' })),
  ];
}
