import { describe, expect, it } from 'vitest';
import { createGame, replay } from '../engine/session.ts';
import { parseSave } from '../engine/save.ts';
import { simulate } from '../engine/simulate.ts';
import { shippedScenario, tutorial } from '../testing/scenarios.ts';
import { playedScenario } from './gameLength.ts';

const geneva = shippedScenario('geneva-2025');
const LESSON = 'lesson-last-points';

describe('a lesson-length game', () => {
  it('a start’s locked points cannot be redrafted, dropped or deferred, and the refusal says why', () => {
    const game = createGame(geneva, { start: LESSON, seed: 1 });
    for (const command of [
      { type: 'text.redraft', point: 'elections', option: geneva.points.find((p) => p.id === 'elections')!.options.find((o) => o.id !== 'within-100-days')!.id },
      { type: 'text.omit', point: 'elections' },
      { type: 'text.defer', point: 'elections' },
      { type: 'text.redraft', point: 'jets-poland', option: 'jets-in-poland' },
    ] as const) {
      expect(game.send(command)).toMatchObject({ ok: false, reason: expect.stringMatching(/settled before the talks/) as unknown as string });
    }
    // The open points stay open.
    expect(game.send({ type: 'text.redraft', point: 'army-cap', option: 'cap-800k' }).ok).toBe(true);
    game.stop();
  });

  it('short halves the calendar and the actions per day; standard leaves the scenario as written', () => {
    const short = playedScenario(geneva, LESSON, 'short');
    expect(short.calendar.deadline).toBe('2025-12-13');
    expect(short.calendar.actionsPerDay).toBe(1);
    for (const d of short.calendar.softDeadlines) expect(d.date <= short.calendar.deadline).toBe(true);
    expect(playedScenario(geneva, 'geneva-19', 'standard')).toBe(geneva);
    const t = playedScenario(tutorial(), 'draft', 'short');
    expect(t.calendar.actionsPerDay).toBeGreaterThanOrEqual(1);
  });

  it('the length is kept in the save, and a replay plays the same short game', () => {
    const game = createGame(geneva, { start: LESSON, seed: 4, length: 'short' });
    game.send({ type: 'day.end' });
    const save = game.save();
    expect(save.length).toBe('short');
    const parsed = parseSave(JSON.stringify(save));
    if (!parsed.ok) throw new Error(parsed.message);
    const again = replay(geneva, parsed.save);
    if (!again.ok) throw new Error(again.message);
    expect(again.game.length).toBe('short');
    expect(again.game.view()).toEqual(game.view());
    game.stop();
    again.game.stop();
  });

  it('Geneva’s lesson start at the short length: the mediator bot’s median game is at most 25 actions, and ends in a deal', () => {
    const s = simulate(geneva, { bot: 'mediator', games: 15, seed: 1, start: LESSON, length: 'short' });
    const commands = s.records.map((r) => r.commands).sort((a, b) => a - b);
    expect(commands[7]!).toBeLessThanOrEqual(25);
    expect(s.deals).toBeGreaterThanOrEqual(12);
  });
});
