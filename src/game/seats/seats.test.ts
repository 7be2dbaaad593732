import { afterEach, describe, expect, it } from 'vitest';
import { tutorial } from '../../testing/scenarios.ts';
import type { MediatorSeatView, PartySeatView } from '../../engine/seatView.ts';
import { createTable, type Table } from '../../engine/table.ts';
import { publicScenario } from '../viewModel/publicScenario.ts';
import { answer, counterOptions, requestModels } from './answerModel.ts';
import { roleSheetModel } from './roleSheetModel.ts';
import { packageLines, proposeCommand } from './packageModel.ts';
import { partyCards } from '../viewModel/answers.ts';
import { handsBack, nextTurn, type TurnState } from './turns.ts';

const scenario = tutorial();
const pub = publicScenario(scenario);
const tables: Table[] = [];
afterEach(() => tables.splice(0).forEach((t) => t.stop()));

function table(seats: Record<string, 'person'>, split = false): Table {
  const t = createTable(scenario, { seed: 1, seats, split });
  tables.push(t);
  return t;
}

function ok(t: Table, seat: string, command: unknown): void {
  const r = t.send(seat, command);
  if (!r.ok) throw new Error(`${seat}: refused: ${r.reason}`);
}

function turnOf(t: Table): TurnState {
  const pending = t.seats().filter((s) => s.kind === 'party' && s.holder === 'person' && (t.view(s.id) as PartySeatView).requests.length > 0).map((s) => s.id);
  return { seats: t.seats(), waitingFor: t.waitingFor(), pending, over: t.view(t.seats()[0]!.id).outcome !== null };
}

/** The tutorial with the lead envoy in Belmar Port on day 2. */
function atBelport(t: Table): void {
  ok(t, 'commission', { type: 'envoy.travel', envoy: 'envoy-lead', to: 'belport' });
  ok(t, 'commission', { type: 'day.end' });
  ok(t, 'belmar', { type: 'day.end' });
}

describe('turns on one device', () => {
  it('the mediator plays first; a request to a person-held party hands over to it; then the mediator again; at the end of its day the parties', () => {
    const t = table({ belmar: 'person' });
    expect(nextTurn(turnOf(t))).toBe('commission');
    atBelport(t);
    expect(nextTurn(turnOf(t))).toBe('commission');
    ok(t, 'commission', { type: 'envoy.meet', envoy: 'envoy-lead', party: 'belmar' });
    expect(nextTurn(turnOf(t))).toBe('belmar');
    const req = (t.view('belmar') as PartySeatView).requests[0]!;
    ok(t, 'belmar', answer.simple(req.id, 'accept'));
    expect(nextTurn(turnOf(t))).toBe('commission');
    expect(handsBack(turnOf(t))).toBe(true);
    ok(t, 'commission', { type: 'day.end' });
    expect(nextTurn(turnOf(t))).toBe('belmar');
    expect(handsBack(turnOf(t))).toBe(false);
    ok(t, 'belmar', { type: 'day.end' });
    expect(nextTurn(turnOf(t))).toBe('commission');
  });

  it('a split mediator team plays envoy by envoy; every party seat gets its turn before the day ends', () => {
    const t = table({ aldoria: 'person', belmar: 'person' }, true);
    expect(nextTurn(turnOf(t))).toBe('commission:envoy-lead');
    ok(t, 'commission:envoy-lead', { type: 'day.end' });
    expect(nextTurn(turnOf(t))).toBe('commission:envoy-tech');
    ok(t, 'commission:envoy-tech', { type: 'day.end' });
    expect(nextTurn(turnOf(t))).toBe('aldoria');
    ok(t, 'aldoria', { type: 'day.end' });
    expect(nextTurn(turnOf(t))).toBe('belmar');
    ok(t, 'belmar', { type: 'day.end' });
    expect(t.view('belmar').seat).toBe('belmar');
    expect(nextTurn(turnOf(t))).toBe('commission:envoy-lead');
  });

  it('nobody plays once the talks are over', () => {
    const t = table({ belmar: 'person' });
    expect(nextTurn({ ...turnOf(t), over: true })).toBeNull();
  });
});

describe('a party seat’s role sheet and answers', () => {
  it('shows the seat its own values exactly and its margin above its walk-away for the text on the table', () => {
    const t = table({ belmar: 'person' });
    const view = t.view('belmar') as PartySeatView;
    const m = roleSheetModel(pub, view);
    const belmar = scenario.parties.find((p) => p.id === 'belmar')!;
    expect(m.walkAway).toBe(belmar.reservation);
    expect(m.margin).toBe(view.standing.margin);
    const flow = m.points.find((p) => p.id === 'flow')!;
    expect(flow.weight).toBe(belmar.weights.flow);
    expect(Object.fromEntries(flow.options.map((o) => [o.id, o.value]))).toEqual(belmar.values.flow);
    expect(flow.options.filter((o) => o.inText).map((o) => o.id)).toEqual([t.truth().text.flow!.option]);
    expect(m.redLines.map((l) => l.reason)).toEqual(belmar.redLines.map((l) => l.reason));
    expect(m.marginText).toMatch(m.margin < 0 || m.crossed.length > 0 ? /cannot sign/ : /above your walk-away/);
    // The others only as far as this seat knows them: Aldoria's walk-away is not on Belmar's sheet.
    const aldoria = scenario.parties.find((p) => p.id === 'aldoria')!;
    expect(m.others.find((o) => o.id === 'aldoria')!.walkAway).not.toBe(String(aldoria.reservation));
  });

  it('a tabled text offers accept, reject naming points and a counter-draft, with the machine’s advice; the commands answer it', () => {
    const t = table({ belmar: 'person' });
    atBelport(t);
    ok(t, 'commission', { type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
    const view = t.view('belmar') as PartySeatView;
    const [m] = requestModels(pub, view);
    expect(m!.kind).toBe('table');
    expect(m!.detailed).toBe(true);
    expect(m!.heading).toBe('Marta Oyelaran has tabled the text with you');
    expect(m!.advice?.why.length).toBeGreaterThan(0);
    expect(m!.text!.map((l) => l.point)).toEqual(pub.points.filter((p) => view.text[p.id]).map((p) => p.id));
    const flowLine = m!.text!.find((l) => l.point === 'flow')!;
    expect(flowLine.value).toBe(scenario.parties.find((p) => p.id === 'belmar')!.values.flow![flowLine.option]);
    const other = counterOptions(pub, 'flow', flowLine.option);
    expect(other.some((o) => o.id === flowLine.option)).toBe(false);
    const r = t.send('belmar', answer.counter(m!.id, [{ point: 'flow', option: other[0]!.id }]));
    expect(r.ok).toBe(true);
    expect(requestModels(pub, t.view('belmar') as PartySeatView)).toEqual([]);
  });

  it('accepting a text across the seat’s own red line is refused with the reason', () => {
    const t = table({ belmar: 'person' });
    atBelport(t);
    const belmar = scenario.parties.find((p) => p.id === 'belmar')!;
    const line = belmar.redLines[0]!.when[0]!;
    ok(t, 'commission', { type: 'text.redraft', point: line.point, option: line.option });
    ok(t, 'commission', { type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
    const view = t.view('belmar') as PartySeatView;
    const [m] = requestModels(pub, view);
    expect(m!.text!.find((l) => l.point === line.point)!.redLine).toBe(true);
    const r = t.send('belmar', answer.simple(m!.id, 'accept'));
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^your government would fall: /) });
  });
});

describe('the debrief of a game with seats', () => {
  it('gives each seat its own score and replays every seat’s commands step by step', async () => {
    const { buildDebrief, viewAfter } = await import('../../debrief/debrief.ts');
    const { gameFor } = await import('../../engine/table.ts');
    const t = table({ belmar: 'person' });
    atBelport(t);
    ok(t, 'commission', { type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
    const req = (t.view('belmar') as PartySeatView).requests[0]!;
    ok(t, 'belmar', answer.reject(req.id, ['flow']));
    const d = buildDebrief(gameFor(t, 'commission'));
    expect(d.seating?.scores.map((s) => `${s.name}|${s.holder}|${s.text}`)).toEqual([
      'River Commission|a person|no deal',
      'Aldoria|the machine (model)|no deal',
      'Belmar|a person|no deal',
      "Lake Fishers' Council|the machine (model)|consulted; does not sign",
    ]);
    expect(d.seating?.entries.map((e) => e.seat)).toEqual(['commission', 'commission', 'belmar', 'commission', 'belmar']);
    const last = viewAfter(scenario, d, d.seating!.entries.length);
    const now = t.view('commission') as ReturnType<typeof viewAfter>;
    expect(last.parties.find((p) => p.id === 'belmar')!.answer).toEqual(now.parties.find((p) => p.id === 'belmar')!.answer);
    expect(last.journal).toEqual(now.journal);
  });
});

describe('a party seat puts a package forward in public', () => {
  it('offers every open point with the options it could ask for, valued for the seat, and the table hears the package', () => {
    const t = table({ belmar: 'person' });
    const view = t.view('belmar') as PartySeatView;
    const lines = packageLines(pub, view);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      expect(l.choices.map((c) => c.id)).not.toContain(l.option);
      for (const c of l.choices) {
        const value = view.sheet.values[l.point]?.[c.id];
        if (value !== undefined) expect(c.label).toContain(`(value ${value})`);
      }
    }
    // Staged in reverse: the command lists the changes in the plan's order.
    const [first, second] = [lines[0]!, lines[1]!];
    const command = proposeCommand(lines, new Map([[second.point, second.choices[0]!.id], [first.point, first.choices[0]!.id]]));
    expect(command.changes.map((c) => c.point)).toEqual([first.point, second.point]);
    ok(t, 'belmar', command);
    const mediator = t.view('commission') as MediatorSeatView;
    expect(mediator.journal.some((n) => n.kind === 'package.offered' && n.text.startsWith('Belmar put a package forward in public'))).toBe(true);
    // The mediator sees the package on Belmar's card, in words, and can adopt it as it stands.
    const offer = partyCards(pub, mediator).find((c) => c.id === 'belmar')!.offer!;
    expect(offer).toMatchObject({ current: true, changes: command.changes });
    expect(offer.lines[0]).toContain(first.title);
    ok(t, 'commission', { type: 'text.package', changes: offer.changes });
    expect((t.view('commission') as MediatorSeatView).text[first.point]?.option).toBe(first.choices[0]!.id);
    expect(partyCards(pub, t.view('commission') as MediatorSeatView).find((c) => c.id === 'belmar')!.offer!.current).toBe(false);
  });
});
