/**
 * The played summit: leaders answer proposals in rounds with reasons, make a last demand or walk
 * out; the accord records who gave what; everything replays from the log, and people in party seats
 * answer for their leaders.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import { mediatorBot } from './bots/mediatorBot.ts';
import { oracleBot } from './bots/oracleBot.ts';
import type { Bot } from './bots/bot.ts';
import type { Command } from './commands.ts';
import { crossedRedLines } from './evaluate.ts';
import { absentParties, quickJudgeNow } from './negotiationMachine.ts';
import { RngCursor, seedRng } from './rng.ts';
import { createGame, replay, type Game } from './session.ts';
import { gameSeed } from './simulate.ts';
import { machineLeaderAnswer, settleAtSummit, smallestDemand } from './summit.ts';
import { createTable } from './table.ts';
import type { PartySeatView } from './seatView.ts';

const scenario = tutorial();
const games: Game[] = [];
afterEach(() => games.splice(0).forEach((g) => g.stop()));

/** Play a bot until the leaders sit down (the bot's own summit call opens it). */
function toSummit(bot: Bot, seed: number, played = scenario): Game {
  const game = createGame(played, { seed });
  games.push(game);
  const rng = new RngCursor(seedRng(seed ^ 0x5bd1e995));
  for (let i = 0; i < 4000 && !game.view().talks && !game.view().outcome; i++) {
    const r = game.send(bot.next(game, rng));
    if (!r.ok) game.send({ type: 'day.end' });
  }
  if (!game.view().talks) throw new Error('no summit was reached');
  return game;
}

function ok(game: Game, command: Command) {
  const r = game.send(command);
  if (!r.ok) throw new Error(`${command.type} was refused: ${r.reason}`);
  return r.notices;
}

describe('a summit in session', () => {
  it('opens on the open points with each leader’s stated wish; envoys and the text wait until it ends', () => {
    const game = toSummit(mediatorBot(), gameSeed(2, 0));
    const talks = game.view().talks!;
    expect(talks.open.sort()).toEqual(['dam', 'island']);
    expect(talks.round).toBe(0);
    expect(talks.rounds).toBe(4);
    expect(talks.preferred.island).toMatchObject({ aldoria: 'aldorian', belmar: 'belmarian' });
    expect(game.view().journal.findLast((n) => n.kind === 'summit.opened')!.text).toContain('Belmar wants “Heron Island” to read ‘Belmarian’');
    const refused = game.send({ type: 'text.redraft', point: 'flow', option: 'f40' });
    expect(refused).toEqual({ ok: false, reason: 'the leaders are meeting: propose, take up a demand or close the summit first' });
    expect(game.send({ type: 'summit.propose', changes: [{ point: 'flow', option: 'f40' }] })).toMatchObject({ ok: false, reason: expect.stringContaining('is not open at the summit') });
    expect(game.view().legal.map((c) => c.type).sort()).toEqual(['day.end', 'summit.close', 'summit.propose']);
  });

  it('leaders answer with reasons and a last demand; taking up a demand that undoes another’s makes that leader walk out, and the summit fails', () => {
    const game = toSummit(mediatorBot(), gameSeed(2, 0));
    const capital = game.view().capital;
    ok(game, { type: 'summit.propose', changes: [{ point: 'island', option: 'aldorian' }, { point: 'dam', option: 'seasonal' }] });
    let talks = game.view().talks!;
    expect(talks.round).toBe(1);
    const belmar = talks.answers.find((a) => a.party === 'belmar')!;
    expect(belmar.reply).toBe('demand');
    expect(belmar.demand).toEqual([{ point: 'dam', option: 'halt' }]);
    expect(belmar.reasons.join(' ')).toMatch(/too little; it objects most to/);
    expect(game.view().journal.some((n) => n.kind === 'summit.demand' && n.text.startsWith('Belmar\'s last demand: it signs if “The Aldorian dam” moves to ‘Construction halted’'))).toBe(true);

    ok(game, { type: 'summit.acceptDemand', party: 'belmar' });
    talks = game.view().talks!;
    expect(talks.proposal).toContainEqual({ point: 'dam', option: 'halt' });
    expect(talks.answers.find((a) => a.party === 'belmar')!.reply).toBe('accept');
    const aldoria = talks.answers.find((a) => a.party === 'aldoria')!;
    expect(aldoria.reply).toBe('demand');
    expect(aldoria.reasons[0]).toMatch(/^Red line: /);
    // Cited at the table: the red line is known now.
    expect(game.view().parties.find((p) => p.id === 'aldoria')!.knownRedLines.map((l) => l.id)).toContain('no-halt');

    ok(game, { type: 'summit.acceptDemand', party: 'aldoria' });
    expect(game.view().talks).toBeNull();
    const journal = game.view().journal;
    expect(journal.some((n) => n.kind === 'summit.walkout' && n.party === 'belmar')).toBe(true);
    expect(journal.at(-1)).toMatchObject({ kind: 'summit.failed', text: 'The summit ended without an accord: Belmar walked out.' });
    expect(game.view().capital).toBe(capital - scenario.mediator.costs.failedSummit);
    expect(game.view().outcome).toBeNull();
  });

  it('a leader that has made its last demand and is offered more, but not enough, refuses without walking out', () => {
    const game = toSummit(mediatorBot(), gameSeed(2, 0));
    ok(game, { type: 'summit.propose', changes: [{ point: 'island', option: 'aldorian' }, { point: 'dam', option: 'seasonal' }] });
    ok(game, { type: 'summit.acceptDemand', party: 'belmar' });
    ok(game, { type: 'summit.propose', changes: [{ point: 'island', option: 'joint-admin' }, { point: 'dam', option: 'seasonal' }] });
    const aldoria = game.view().talks!.answers.find((a) => a.party === 'aldoria')!;
    expect(aldoria.reply).toBe('reject');
    expect(aldoria.reasons.at(-1)).toBe('It has made its last demand; this is still not enough.');
  });

  it('the round limit ends the summit', () => {
    const game = toSummit(mediatorBot(), gameSeed(2, 0), { ...scenario, summit: { ...scenario.summit, rounds: 1 } });
    ok(game, { type: 'summit.propose', changes: [{ point: 'island', option: 'aldorian' }, { point: 'dam', option: 'seasonal' }] });
    expect(game.view().talks).toBeNull();
    expect(game.view().journal.at(-1)!.text).toBe('The summit ended without an accord: 1 round passed without a text every leader signs.');
  });

  it('the mediator may close the summit; the envoys work again', () => {
    const game = toSummit(mediatorBot(), gameSeed(2, 0));
    ok(game, { type: 'summit.close' });
    expect(game.view().talks).toBeNull();
    expect(game.view().journal.at(-1)!.text).toBe('The summit ended without an accord: the mediator closed it.');
    // The envoys may work again.
    expect(game.view().legal.some((c) => c.type.startsWith('envoy.'))).toBe(true);
  });

  it('an accord at the summit says, per point, whose wish was taken and who gave way', () => {
    const game = toSummit(oracleBot(), gameSeed(1, 0));
    const truth = game.truth();
    const talks = game.view().talks!;
    const settled = settleAtSummit(scenario, truth.text, talks.open, quickJudgeNow(truth), scenario.summit.leaderFlex, absentParties(truth))!;
    ok(game, { type: 'summit.propose', changes: talks.open.map((p) => ({ point: p, option: settled.text[p]!.option })) });
    const outcome = game.view().outcome!;
    expect(outcome.kind).toBe('deal');
    if (outcome.kind !== 'deal') return;
    expect(outcome.summit!.rounds).toBe(1);
    for (const p of outcome.summit!.points) {
      const wishes = talks.preferred[p.point]!;
      expect(p.preferredBy.sort()).toEqual(Object.keys(wishes).filter((id) => wishes[id] === p.option).sort());
      expect(p.conceded.map((c) => c.party).sort()).toEqual(Object.keys(wishes).filter((id) => wishes[id] !== p.option).sort());
    }
    for (const id of outcome.signers) expect(crossedRedLines(scenario.parties.find((x) => x.id === id)!, outcome.text)).toEqual([]);
    expect(game.view().journal.findLast((n) => n.kind === 'deal.signed')!.text).toMatch(/^The leaders signed the accord in round 1: .*(wish|gave way)/);
  });

  it('replays from its log to the same summit, answer for answer', () => {
    const game = toSummit(mediatorBot(), gameSeed(2, 0));
    ok(game, { type: 'summit.propose', changes: [{ point: 'dam', option: 'seasonal' }] });
    ok(game, { type: 'summit.acceptDemand', party: 'belmar' });
    const again = replay(scenario, game.save());
    if (!again.ok) throw new Error(again.message);
    games.push(again.game);
    expect(again.game.view()).toEqual(game.view());
  });
});

describe('leaders, pure', () => {
  it('the smallest demand is one change when one suffices, the one worth least to the leader', () => {
    const aldoria = scenario.parties.find((p) => p.id === 'aldoria')!;
    const text = Object.fromEntries(scenario.points.map((p) => [p.id, { option: p.options[0]!.id, deferred: false }]));
    const value = (t: typeof text) => Object.values(t).filter((c) => c.option === 'halt').length;
    expect(smallestDemand(scenario, text, ['dam', 'island'], (t) => t.dam!.option === 'seasonal', value)).toEqual([{ point: 'dam', option: 'seasonal' }]);
    expect(smallestDemand(scenario, text, ['island'], (t) => t.dam!.option === 'seasonal', value)).toBeNull();
    // Offered nothing better than it refused: it walks out.
    const judge = () => ({ party: 'aldoria', utility: 40, contributions: [], redLines: [], aspiration: 60, modifiers: { trust: 0, pressure: 0, incentives: 0 }, threshold: 60, reservation: 48, acceptable: false, margin: -8, gap: -20 });
    const lc = { scenario, party: aldoria, judge, leaderFlex: 0.5, open: ['island'], demanded: true, lastRefused: 40 };
    expect(machineLeaderAnswer(lc, text).reply).toBe('walkout');
    expect(machineLeaderAnswer({ ...lc, lastRefused: 30 }, text).reply).toBe('reject');
  });
});

describe('a person holding a leader’s seat', () => {
  it('answers the proposal: a last demand as a counter, never a signature across its red line', () => {
    const t = createTable(scenario, { seed: 1, seats: { belmar: 'person', commission: { bot: 'oracle' } } });
    const bel = () => t.view('belmar') as PartySeatView;
    let demanded = false;
    for (let i = 0; i < 400 && !bel().outcome; i++) {
      const r = bel().requests[0];
      if (r?.kind === 'sign' && bel().talks && !demanded) {
        // The person first makes a demand of its own on an open point.
        const open = bel().talks!.open;
        const point = scenario.points.find((p) => p.id === open[0])!;
        const option = point.options.find((o) => o.id !== r.text![point.id]!.option)!.id;
        expect(t.send('belmar', { type: 'party.answer', request: r.id, reply: 'counter', changes: [{ point: 'flow', option: 'f60' }] })).toMatchObject({ ok: false });
        const sent = t.send('belmar', { type: 'party.answer', request: r.id, reply: 'counter', changes: [{ point: point.id, option }] });
        expect(sent.ok).toBe(true);
        demanded = true;
        continue;
      }
      if (r) {
        const a = r.advice!;
        const sent = t.send('belmar', { type: 'party.answer', request: r.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) });
        if (!sent.ok) t.send('belmar', { type: 'party.answer', request: r.id, reply: 'decline' });
      } else t.send('belmar', { type: 'day.end' });
    }
    expect(demanded).toBe(true);
    const journal = (t.view('commission') as { journal: { kind: string; party?: string }[] }).journal;
    expect(journal.some((n) => n.kind === 'summit.demand' && n.party === 'belmar')).toBe(true);
    t.stop();
  });
});
