import { afterEach, describe, expect, it } from 'vitest';
import { buildDebrief } from '../debrief/debrief.ts';
import { shippedScenario, tutorial } from '../testing/scenarios.ts';
import { evaluate } from './evaluate.ts';
import type { Difficulty } from './knowledge.ts';
import { judgeNow, partyContext } from './negotiationMachine.ts';
import { createGame, type Game } from './session.ts';
import { playOne } from './simulate.ts';
import { demandOn, outlookWords, paceOf, within } from './timing.ts';

const games: Game[] = [];
afterEach(() => games.splice(0).forEach((g) => g.stop()));
const keep = (g: Game) => (games.push(g), g);

describe('what a party says with its answer is the demand that decided it', () => {
  for (const difficulty of ['open', 'standard', 'hard'] as Difficulty[]) {
    it(`on ${difficulty}, the demand and value it states contain the threshold and value the engine decided with`, () => {
      let checked = 0;
      for (const [id, bot] of [['tutorial', 'mediator'], ['geneva-2025', 'mediator'], ['geneva-2025', 'greedy']] as const) {
        const game = keep(playOne(shippedScenario(id), bot, 11, undefined, difficulty));
        for (const record of game.truth().answerLog) {
          const { answer, said } = record;
          if (answer.kind === 'stalled' || answer.kind === 'absent') {
            expect(said).toBeNull();
            continue;
          }
          expect(said).not.toBeNull();
          expect(within(said!.demand, answer.evaluation.threshold)).toBe(true);
          expect(within(said!.value, answer.evaluation.utility)).toBe(true);
          if (difficulty === 'open') {
            expect(said!.demand).toEqual({ lo: Math.round(answer.evaluation.threshold), hi: Math.round(answer.evaluation.threshold) });
            // On open the player sees exactly why: a yes never states a value below its demand.
            if (answer.kind === 'accepted') expect(said!.value.lo).toBeGreaterThanOrEqual(said!.demand.lo - 1);
          } else {
            expect(said!.demand.hi - said!.demand.lo).toBeGreaterThan(0);
          }
          checked++;
        }
        // The view shows what was said for the answer it holds.
        for (const p of game.view().parties) {
          const rec = game.truth().answers[p.id];
          if (rec) expect(p.answer?.said).toEqual(rec.said);
        }
      }
      expect(checked).toBeGreaterThan(5);
    });
  }

  it('hard states wider ranges than standard (same games)', () => {
    const width = (d: Difficulty) => {
      const g = keep(playOne(shippedScenario('geneva-2025'), 'mediator', 5, undefined, d));
      const ws = g.truth().answerLog.flatMap((r) => (r.said ? [r.said.demand.hi - r.said.demand.lo] : []));
      return ws.reduce((a, b) => a + b, 0) / ws.length;
    };
    expect(width('hard')).toBeGreaterThan(width('standard'));
  });

  it('the journal says it too: a rejection names the demand and the timing', () => {
    const game = keep(playOne(shippedScenario('geneva-2025'), 'mediator', 3, 'geneva-19', 'standard'));
    const rejection = game.truth().journal.find((n) => n.kind === 'proposal.rejected' && n.party === 'russia');
    expect(rejection?.text).toMatch(/It wants about \d+(–\d+)? \(of 100\); this text gives it about \d+(–\d+)?\./);
    expect(rejection?.text).toMatch(/Russia is (in no hurry|moving step by step|ready to move now|at its limit)/);
  });
});

describe('timing: how a demand moves', () => {
  const geneva = shippedScenario('geneva-2025');
  const party = (id: string) => geneva.parties.find((p) => p.id === id)!;
  const mood = (id: string) => ({ trust: party(id).trust, patience: party(id).patience, pressure: 0, incentives: 0, shift: 0 });

  it('Russia (a Boulware concession) is in no hurry at the start: little before the last week', () => {
    const o = paceOf(party('russia'), mood('russia'), 0, 12);
    expect(o.pace).toBe('late');
    const words = outlookWords('Russia', { pace: o.pace, patienceLow: false, day: o.day, demand: { lo: 60, hi: 66 } }, () => '24 Nov');
    expect(words).toBe('Russia is in no hurry: expect little movement before the last week (from 24 Nov); by then it may want about 60–66.');
  });

  it('the projection is the engine’s own demand on that day at today’s mood', () => {
    const o = paceOf(party('ukraine'), mood('ukraine'), 1, 12);
    expect(o.projected).toBeCloseTo(demandOn(party('ukraine'), mood('ukraine'), o.day, 12), 9);
    const ev = evaluate(party('ukraine'), mood('ukraine'), {}, 1, 12);
    expect(demandOn(party('ukraine'), mood('ukraine'), 1, 12)).toBeCloseTo(ev.threshold, 9);
  });

  it('a party whose patience is low says so', () => {
    const words = outlookWords('Ukraine', { pace: 'steady', patienceLow: true, day: 5, demand: { lo: 50, hi: 55 } }, () => '26 Nov');
    expect(words).toContain("Ukraine's patience is running out");
  });
});

describe('the debrief chart is the engine’s numbers', () => {
  it('replayed step by step, each day’s value and demand in the chart equal the engine’s judgement of the text that day', () => {
    const scenario = shippedScenario('geneva-2025');
    const played = keep(playOne(scenario, 'mediator', 7, 'geneva-19', 'standard'));
    const log = played.log();
    const debrief = buildDebrief(played);
    const game = keep(createGame(scenario, { seed: played.seed, start: played.start, difficulty: played.difficulty }));
    const compare = () => {
      const ctx = game.truth();
      const i = debrief.series.days.indexOf(ctx.day);
      expect(i).toBeGreaterThanOrEqual(0);
      for (const p of debrief.series.parties) {
        if (partyContext(ctx, p.id) === undefined || ctx.parties[p.id]!.getSnapshot().status !== 'active') continue;
        const ev = judgeNow(ctx, p.id, ctx.text);
        expect(p.utility[i]).toBeCloseTo(ev.utility, 1);
        expect(p.demand[i]).toBeCloseTo(ev.threshold, 1);
      }
    };
    compare();
    let days = 0;
    for (const command of log) {
      expect(game.send(command).ok).toBe(true);
      if (command.type === 'day.end' && game.view().outcome === null) {
        compare();
        days++;
      }
    }
    expect(days).toBeGreaterThan(3);
    // Every answer in the chart is the engine's answer with the numbers that decided it.
    for (const p of debrief.series.parties) {
      const engine = played.truth().answerLog.filter((a) => a.answer.party === p.id && (a.answer.kind === 'accepted' || a.answer.kind === 'rejected'));
      expect(p.answers.map((a) => [a.day, a.kind])).toEqual(engine.map((a) => [a.answer.day, a.answer.kind]));
      p.answers.forEach((a, j) => {
        expect(a.value).toBeCloseTo(engine[j]!.answer.evaluation.utility, 1);
        expect(a.demand).toBeCloseTo(engine[j]!.answer.evaluation.threshold, 1);
      });
    }
  });

  it('the tutorial’s day-0 row already counts the opening news', () => {
    const game = keep(createGame(tutorial(), { seed: 1 }));
    const ctx = game.truth();
    for (const row of ctx.trace) expect(row.demand).toBeCloseTo(judgeNow(ctx, row.party, ctx.text).threshold, 1);
  });
});
