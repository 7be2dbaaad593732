import { afterEach, describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import { oracleBot } from './bots/oracleBot.ts';
import type { SeatCommand } from './commands.ts';
import { parseSave } from './save.ts';
import type { MediatorSeatView, PartySeatView } from './seatView.ts';
import { gameFor } from './table.ts';
import { createTable, restoreAsFarAsItGoes, restoreTable, type Table, type TableOptions } from './table.ts';
import { RngCursor, seedRng } from './rng.ts';

const scenario = tutorial();
const tables: Table[] = [];
afterEach(() => tables.splice(0).forEach((t) => t.stop()));

function newTable(options: Partial<TableOptions> = {}): Table {
  const t = createTable(scenario, { seed: 1, seats: { belmar: 'person' }, ...options });
  tables.push(t);
  return t;
}

function ok(t: Table, seat: string, command: SeatCommand) {
  const r = t.send(seat, command);
  if (!r.ok) throw new Error(`${seat}: ${command.type} was refused: ${r.reason}`);
  return r.notices;
}

function refused(t: Table, seat: string, command: SeatCommand): string {
  const before = t.log().length;
  const r = t.send(seat, command);
  if (r.ok) throw new Error(`${seat}: ${command.type} was accepted`);
  expect(t.log()).toHaveLength(before);
  return r.reason;
}

const med = (t: Table) => t.view('commission') as MediatorSeatView;
const bel = (t: Table) => t.view('belmar') as PartySeatView;
const lead = 'envoy-lead';

/** The lead envoy to Belmar Port, arriving the next day (both people end the day). */
function leadToBelport(t: Table): void {
  ok(t, 'commission', { type: 'envoy.travel', envoy: lead, to: 'belport' });
  ok(t, 'commission', { type: 'day.end' });
  ok(t, 'belmar', { type: 'day.end' });
}

describe('the seats of a table', () => {
  it('are the mediator team, the signatories and the consulted parties; the mediator splits into envoys on request', () => {
    expect(newTable().seats().map((s) => `${s.id}:${s.holder === 'person' ? 'person' : s.holder.bot}`)).toEqual([
      'commission:person', 'aldoria:model', 'belmar:person', 'fishers:model',
    ]);
    expect(newTable({ split: true }).seats().map((s) => s.id)).toEqual(['commission:envoy-lead', 'commission:envoy-tech', 'aldoria', 'belmar', 'fishers']);
  });

  it('an unknown seat or bot is refused when the table is set', () => {
    expect(() => createTable(scenario, { seed: 1, seats: { narnia: 'person' } })).toThrow(/no seat "narnia"/);
    expect(() => createTable(scenario, { seed: 1, seats: { belmar: { bot: 'oracle' } } })).toThrow(/not a party style/);
  });

  it('a seat may send only its own kind of command, and a machine-held seat none', () => {
    const t = newTable({ split: true });
    expect(refused(t, 'belmar', { type: 'envoy.travel', envoy: lead, to: 'aldor' })).toMatch(/Belmar is a party/);
    expect(refused(t, 'commission:envoy-tech', { type: 'envoy.travel', envoy: lead, to: 'aldor' })).toMatch(/each envoy is played from its own seat/);
    expect(refused(t, 'aldoria', { type: 'party.signal', point: 'dam', stance: 'redLine' })).toMatch(/played by the machine/);
    expect(refused(t, 'commission:envoy-lead', { type: 'world.endDay' })).toMatch(/only the teacher/);
    expect(refused(t, '@world', { type: 'day.end' })).toMatch(/only world commands/);
    expect(refused(t, 'nobody', { type: 'day.end' })).toMatch(/no seat "nobody"/);
    ok(t, 'commission:envoy-lead', { type: 'envoy.travel', envoy: lead, to: 'aldor' });
    ok(t, 'commission:envoy-tech', { type: 'text.redraft', point: 'flow', option: 'f40' });
  });
});

describe('a person in a party seat', () => {
  it('sees its own role sheet exactly, its margin above its walk-away, and none of the other side’s hidden values', () => {
    const t = newTable();
    const v = bel(t);
    const belmar = scenario.parties.find((p) => p.id === 'belmar')!;
    expect(v.sheet.weights).toEqual(belmar.weights);
    expect(v.sheet.reservation).toBe(45);
    expect(v.sheet.redLines.map((l) => l.id)).toEqual(['no-thirty', 'unchecked-dam']);
    // The draft gives Belmar 30%: its own red line, and far below its walk-away.
    expect(v.standing.redLines.map((l) => l.id)).toEqual(['no-thirty', 'unchecked-dam']);
    expect(v.standing.margin).toBeLessThan(0);
    const json = JSON.stringify(v);
    expect(json).not.toContain('Ceding Heron Island would bring down the government.');
    expect(json).not.toContain('no-island-loss');
    // Aldoria's public red line is known to all.
    expect(v.parties.find((p) => p.id === 'aldoria')!.knownRedLines.map((l) => l.id)).toEqual(['no-halt']);
  });

  it('a tabled text waits for its answer, with the machine’s advice; the person rejects it naming points', () => {
    const t = newTable();
    leadToBelport(t);
    const notices = ok(t, 'commission', { type: 'envoy.table', envoy: lead, party: 'belmar' });
    expect(notices.map((n) => n.kind)).toEqual(['request.sent']);
    expect(med(t).parties.find((p) => p.id === 'belmar')!.answer).toBeNull();
    expect(med(t).requests.map((r) => [r.kind, r.party])).toEqual([['table', 'belmar']]);
    expect(JSON.stringify(med(t).requests)).not.toContain('advice');
    const [request] = bel(t).requests;
    expect(request!.advice).toMatchObject({ reply: 'reject', why: expect.stringContaining('Thirty percent') });
    expect(refused(t, 'belmar', { type: 'party.answer', request: request!.id, reply: 'accept' })).toBe(
      "your government would fall: Thirty percent would leave Belmar's fields dry; no government could sign it. A full dam that nobody outside Aldoria can check is unacceptable.",
    );
    expect(refused(t, 'belmar', { type: 'party.answer', request: request!.id, reply: 'reject' })).toBe('name the points you object to');
    const answered = ok(t, 'belmar', { type: 'party.answer', request: request!.id, reply: 'reject', points: ['flow', 'monitoring'] });
    expect(answered.map((n) => n.kind)).toEqual(['proposal.rejected']);
    const answer = med(t).parties.find((p) => p.id === 'belmar')!.answer!;
    expect(answer).toMatchObject({ kind: 'rejected', current: true, objections: ['flow', 'monitoring'] });
    expect(bel(t).requests).toEqual([]);
    expect(bel(t).lastAnswer?.objections).toEqual(['flow', 'monitoring']);
  });

  it('a counter-draft reaches the mediator as the changes asked for', () => {
    const t = newTable();
    leadToBelport(t);
    ok(t, 'commission', { type: 'envoy.table', envoy: lead, party: 'belmar' });
    const id = bel(t).requests[0]!.id;
    ok(t, 'belmar', { type: 'party.answer', request: id, reply: 'counter', changes: [{ point: 'flow', option: 'f50' }, { point: 'monitoring', option: 'observers' }] });
    expect(med(t).parties.find((p) => p.id === 'belmar')!.answer!.counter).toEqual([{ point: 'flow', option: 'f50' }, { point: 'monitoring', option: 'observers' }]);
    expect(med(t).journal.at(-1)!.text).toMatch(/Belmar rejected the text: Thirty percent/);
  });

  it('the day ends only when every person has ended it; an unanswered request is then answered by the machine, said in the log', () => {
    const t = newTable();
    leadToBelport(t);
    ok(t, 'commission', { type: 'envoy.table', envoy: lead, party: 'belmar' });
    const day = med(t).day;
    ok(t, 'commission', { type: 'day.end' });
    expect(med(t).day).toBe(day);
    expect(med(t).waitingFor).toEqual(['belmar']);
    expect(refused(t, 'commission', { type: 'day.end' })).toMatch(/already ended the day/);
    const notices = ok(t, 'belmar', { type: 'day.end' });
    expect(notices.map((n) => n.kind)).toContain('request.lapsed');
    expect(notices.find((n) => n.kind === 'request.lapsed')!.text).toBe('The day ended before Belmar answered; its government answered for it.');
    expect(med(t).day).toBe(day + 1);
    expect(med(t).parties.find((p) => p.id === 'belmar')!.answer!.kind).toBe('rejected');
  });

  it('statements are public and honest; consulting an ally teaches only the seat that asked', () => {
    const t = newTable();
    expect(refused(t, 'belmar', { type: 'party.signal', point: 'fund', stance: 'redLine' })).toBe('you have no red line on “Compensation fund”');
    ok(t, 'belmar', { type: 'party.signal', point: 'dam', stance: 'redLine' });
    expect(med(t).parties.find((p) => p.id === 'belmar')!.knownRedLines.map((l) => l.id)).toContain('unchecked-dam');
    expect(med(t).journal.at(-1)!.kind).toBe('statement.redLine');
    ok(t, 'belmar', { type: 'party.consult', ally: 'fishers' });
    expect(bel(t).journal.at(-1)!.kind).toBe('allies.consulted');
    expect(med(t).journal.at(-1)!.kind).toBe('statement.redLine');
    expect(bel(t).parties.find((p) => p.id === 'aldoria')!.knownRedLines.map((l) => l.id)).toContain('no-island-loss');
    expect(med(t).parties.find((p) => p.id === 'aldoria')!.knownRedLines.map((l) => l.id)).not.toContain('no-island-loss');
  });
});

describe('the teacher', () => {
  it('forces the day to end, injects news, lifts a red line and moves a party’s patience, all logged', () => {
    const t = newTable();
    const day = med(t).day;
    ok(t, '@world', { type: 'world.endDay' });
    expect(med(t).day).toBe(day + 1);
    ok(t, '@world', { type: 'world.news', headline: 'Heavy rain upstream' });
    expect(bel(t).journal.at(-1)!.text).toBe('Heavy rain upstream.');
    ok(t, '@world', { type: 'world.event', event: 'drought-warning' });
    expect(med(t).journal.at(-1)!.text).toMatch(/^Forecasters warn/);
    ok(t, '@world', { type: 'world.redLine', party: 'belmar', line: 'no-thirty', lifted: true });
    expect(bel(t).sheet.redLines.find((l) => l.id === 'no-thirty')!.lifted).toBe(true);
    expect(bel(t).standing.redLines.map((l) => l.id)).toEqual(['unchecked-dam']);
    expect(refused(t, '@world', { type: 'world.redLine', party: 'belmar', line: 'no-thirty', lifted: true })).toBe('that red line is already lifted');
    const patience = bel(t).patience;
    ok(t, '@world', { type: 'world.mood', party: 'belmar', patience: -20 });
    expect(bel(t).patience).toBe(patience - 20);
    expect(t.log().filter((e) => e.seat === '@world')).toHaveLength(5);
  });
});

describe('saves and replays', () => {
  it('a table is rebuilt exactly from its save, every seat seeing what it saw', () => {
    const t = newTable();
    leadToBelport(t);
    ok(t, 'commission', { type: 'envoy.table', envoy: lead, party: 'belmar' });
    ok(t, 'belmar', { type: 'party.signal', point: 'flow', stance: 'flexible' });
    ok(t, '@world', { type: 'world.news', headline: 'Talks resume' });
    const parsed = parseSave(JSON.stringify(t.save()));
    if (!parsed.ok) throw new Error(parsed.message);
    const again = restoreTable(scenario, parsed.save);
    if (!again.ok) throw new Error(again.message);
    tables.push(again.table);
    for (const seat of ['commission', 'belmar', 'aldoria', '@world']) expect(again.table.view(seat)).toEqual(t.view(seat));
    expect(again.table.log()).toEqual(t.log());
  });
});

describe('people and machines to the end', () => {
  it('the oracle mediator and a person following its machine’s advice reach a signed deal through a summit vote', () => {
    const t = newTable({ seats: { belmar: 'person', commission: { bot: 'oracle' } } });
    for (let i = 0; i < 400 && !bel(t).outcome; i++) {
      const v = bel(t);
      const r = v.requests[0];
      if (r) {
        const a = r.advice!;
        ok(t, 'belmar', { type: 'party.answer', request: r.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) });
      } else ok(t, 'belmar', { type: 'day.end' });
    }
    const outcome = bel(t).outcome;
    expect(outcome?.kind).toBe('deal');
    expect(med(t).journal.some((n) => n.kind === 'summit.opened')).toBe(true);
    if (outcome?.kind === 'deal') {
      expect(outcome.signers).toContain('belmar');
      expect(Object.keys(outcome.score.margins)).toEqual(['belmar']);
      expect(bel(t).score).toBe(outcome.score.margins.belmar);
    }
  });

  it('a mediator bot plays its own turns; a one-seat game is the mediator’s seat of a table', () => {
    const t = newTable({ seats: { commission: { bot: 'mediator' }, belmar: 'person' } });
    expect(t.log().length).toBeGreaterThan(0);
    expect(t.waitingFor()).toEqual(['belmar']);
    const g = gameFor(t, 'commission');
    expect(g.view().day).toBe(0);
    const rng = new RngCursor(seedRng(1));
    expect(oracleBot().next(g, rng).type).toBeDefined();
  });
});

describe('a game kept across an edit of its scenario (the studio’s “play from here”)', () => {
  function playedSave() {
    const t = newTable();
    leadToBelport(t);
    ok(t, 'commission', { type: 'text.redraft', point: 'flow', option: 'f60' });
    ok(t, 'commission', { type: 'envoy.meet', envoy: lead, party: 'belmar' });
    return t.save();
  }

  it('replays every move when the edit leaves them all possible, to the same game', () => {
    const save = playedSave();
    const retitled = { ...scenario, title: 'The Silver River, second draft', version: '1.0.1' };
    const kept = restoreAsFarAsItGoes(retitled, save);
    if (!kept.ok) throw new Error(kept.message);
    tables.push(kept.table);
    expect(kept).toMatchObject({ applied: save.log.length, stopped: null });
    // The same game, told under the new title.
    const { journal, day, text, parties } = kept.table.view('commission') as MediatorSeatView;
    const before = restoreAndView(save) as MediatorSeatView;
    expect({ journal, day, text, parties }).toEqual({ journal: before.journal, day: before.day, text: before.text, parties: before.parties });
  });

  it('stops before the first move the edited scenario refuses, naming it, and keeps the game as it stood', () => {
    const save = playedSave();
    // The option the redraft chose is gone from the edited text.
    const edited = { ...scenario, points: scenario.points.map((p) => (p.id === 'flow' ? { ...p, options: p.options.filter((o) => o.id !== 'f60') } : p)) };
    const kept = restoreAsFarAsItGoes(edited, save);
    if (!kept.ok) throw new Error(kept.message);
    tables.push(kept.table);
    const at = save.log.findIndex((e) => e.command.type === 'text.redraft');
    expect(kept.applied).toBe(at);
    expect(kept.stopped).toMatchObject({ index: at, type: 'text.redraft' });
    expect(kept.table.log()).toHaveLength(at);
    expect((kept.table.view('commission') as MediatorSeatView).day).toBe(1);
    // A strict restore refuses the same save, naming the same move.
    expect(restoreTable(edited, save)).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`^command ${at + 1} \\(text\\.redraft\\) no longer applies`)) });
  });

  it('refuses a save of another scenario or a start the edit removed', () => {
    const save = playedSave();
    expect(restoreAsFarAsItGoes({ ...scenario, id: 'other' }, save)).toMatchObject({ ok: false, message: expect.stringMatching(/not "other"/) });
    expect(restoreAsFarAsItGoes({ ...scenario, starts: scenario.starts.map((s) => ({ ...s, id: `${s.id}-2` })) }, save)).toMatchObject({ ok: false, message: expect.stringMatching(/start "draft" is not in the scenario/) });
  });
});

function restoreAndView(save: ReturnType<Table['save']>) {
  const again = restoreTable(scenario, save);
  if (!again.ok) throw new Error(again.message);
  tables.push(again.table);
  return again.table.view('commission');
}
