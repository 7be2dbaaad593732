import { settleAtSummit } from '../engine/summit.ts';
import { absentParties, quickJudgeNow } from '../engine/negotiationMachine.ts';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema.ts';
import { tutorial } from '../testing/scenarios.ts';
import { createGame, type Game } from '../engine/session.ts';
import { buildDebrief, viewAfter } from './debrief.ts';
import { seal } from '../engine/envelope.ts';
import { importResult, resultOf } from './resultFile.ts';

/** The line a careful player takes: learn, draft the fair text, ask every day, call the leaders when ready. */
function playToDeal(scenario: Scenario, seed: number): Game {
  const g = createGame(scenario, { seed });
  const send = (c: Parameters<Game['send']>[0]) => g.send(c);
  send({ type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' });
  send({ type: 'envoy.travel', envoy: 'envoy-tech', to: 'belport' });
  send({ type: 'day.end' });
  send({ type: 'envoy.meet', envoy: 'envoy-lead', party: 'aldoria' });
  send({ type: 'envoy.meet', envoy: 'envoy-tech', party: 'belmar' });
  send({ type: 'text.package', changes: [{ point: 'flow', option: 'f50' }, { point: 'monitoring', option: 'observers' }, { point: 'fund', option: 'aldoria-pays' }] });
  for (let day = 0; day < 25 && !g.view().outcome; day++) {
    send({ type: 'envoy.table', envoy: 'envoy-lead', party: 'aldoria' });
    send({ type: 'envoy.table', envoy: 'envoy-tech', party: 'belmar' });
    if (g.view().summit.ready) send({ type: 'summit.call' });
    else send({ type: 'day.end' });
    // At the summit, propose what the leaders can settle on.
    const talks = g.view().talks;
    if (talks) {
      const truth = g.truth();
      const settled = settleAtSummit(scenario, truth.text, talks.open, quickJudgeNow(truth), scenario.summit.leaderFlex, absentParties(truth));
      send(settled ? { type: 'summit.propose', changes: talks.open.map((p) => ({ point: p, option: settled.text[p]!.option })) } : { type: 'summit.close' });
    }
  }
  return g;
}

describe('the debrief', () => {
  it('of a signed deal shows the engine score, the best deals beside it and what was left on the table', () => {
    const game = playToDeal(tutorial(), 5);
    const outcome = game.view().outcome;
    expect(outcome?.kind).toBe('deal');
    if (outcome?.kind !== 'deal') return;
    const d = buildDebrief(game);
    expect(d.score).toEqual(outcome.score);
    for (const row of d.parties) expect(row.player).toBeCloseTo(outcome.score.margins[row.id]!, 1);
    expect(d.best.feasible).toBe(true);
    expect(d.best.durability!).toBeGreaterThanOrEqual(outcome.score.durability - 1e-6);
    expect(d.leftOnTable!.durability).toBeGreaterThanOrEqual(0);
    expect(d.leftOnTable!.balance).toBeGreaterThanOrEqual(0);
    expect(d.startPoints).toBe(5);
    expect(d.finalPoints).toBe(outcome.score.points);
    expect(d.points.map((p) => p.id)).toEqual(['flow', 'dam', 'monitoring', 'fund', 'island']);
    expect(d.points.find((p) => p.id === 'flow')!.player).toBe('50% to Belmar');
    // One value per day for each party, starting on day one, and the plan's length from the start.
    expect(d.series.days[0]).toBe(0);
    for (const p of d.series.parties) expect(p.utility).toHaveLength(d.series.days.length);
    expect(d.series.planLength[0]).toEqual({ day: 0, points: 5 });
    expect(d.series.markers.some((m) => m.kind === 'summit' && m.label === 'deal signed')).toBe(true);
    expect(d.series.markers.some((m) => m.kind === 'event')).toBe(true);
    expect(d.bestRejected).toBeNull();
  });

  it('of a failed game names the best offer that was rejected and why', () => {
    const g = createGame(tutorial(), { seed: 3 });
    g.send({ type: 'envoy.travel', envoy: 'envoy-lead', to: 'belport' });
    g.send({ type: 'day.end' });
    g.send({ type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
    g.send({ type: 'text.redraft', point: 'flow', option: 'f40' });
    g.send({ type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
    while (!g.view().outcome) g.send({ type: 'day.end' });
    const d = buildDebrief(g);
    expect(d.outcome.kind).toBe('timeout');
    expect(d.leftOnTable).toBeNull();
    const r = d.bestRejected!;
    expect(r.partyName).toBe('Belmar');
    // The second offer crossed no red line (30% was gone), so it is the closer one.
    expect(r.text.flow?.option).toBe('f40');
    expect(r.reasons.length).toBeGreaterThan(0);
    expect(r.reasons.join(' ')).not.toMatch(/Thirty percent/);
  });

  it('steps through a short one-player game as it was played, to its very end', () => {
    const g = createGame(tutorial(), { seed: 3, length: 'short' });
    while (!g.view().outcome) g.send({ type: 'day.end' });
    const d = buildDebrief(g);
    expect(d.length).toBe('short');
    const replayed = viewAfter(tutorial(), d, d.log.length);
    expect(replayed.outcome).toEqual(g.view().outcome);
    expect(replayed.day).toBe(g.view().day);
  });
});

describe('result files', () => {
  it('export and import give the same debrief', () => {
    const scenario = tutorial();
    const game = playToDeal(scenario, 8);
    const file = JSON.stringify(resultOf(game));
    const back = importResult(file, (id) => (id === 'tutorial' ? scenario : null));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(JSON.parse(JSON.stringify(buildDebrief(back.game)))).toEqual(JSON.parse(JSON.stringify(buildDebrief(game))));
  });

  const scenario = tutorial();
  const find = (id: string) => (id === 'tutorial' ? scenario : null);
  const refusal = (file: unknown) => {
    const r = importResult(JSON.stringify(file), find);
    if (r.ok) throw new Error('the result was accepted');
    return r.message;
  };

  it('a result whose score was edited, or for a missing scenario, or not JSON, is refused with a reason', () => {
    const result = resultOf(playToDeal(scenario, 8));
    const edited = { ...result, score: { ...result.score!, durability: 99 } };
    expect(refusal(edited)).toBe('the result file fails its checksum: it was edited or damaged after it was written');
    expect(refusal(seal({ ...result, scenario: { ...result.scenario, id: 'elsewhere' } }))).toMatch(/not available/);
    expect(importResult('{not json', find)).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(refusal({ format: 'accord-save' })).toBe('the result file is a "accord-save" file, not "accord-result"');
  });

  it('every claim is re-derived from the log: a file edited and sealed again is refused, naming the claim', () => {
    const result = resultOf(playToDeal(scenario, 8));
    expect(result.outcome).toBe('deal');
    expect(refusal(seal({ ...result, score: { ...result.score!, durability: 99 } }))).toMatch(/^the result does not match its own log \(score: the file says .*\): the file was edited/);
    expect(refusal(seal({ ...result, day: result.day + 3 }))).toMatch(/day: the file says \d+, the log gives \d+/);
    expect(refusal(seal({ ...result, points: 1 }))).toMatch(/points in the text: the file says 1, the log gives \d/);
    expect(refusal(seal({ ...result, outcome: 'collapse' }))).toMatch(/outcome: the file says "collapse", the log gives "deal"/);
    expect(refusal(seal({ ...result, scenario: { ...result.scenario, title: 'Another title' } }))).toMatch(/scenario title: the file says "Another title"/);
    expect(refusal(seal({ ...result, scenario: { ...result.scenario, version: '9.9.9' } }))).toMatch(/made with tutorial version 9\.9\.9/);
    expect(refusal(seal({ ...result, start: 'nowhere' }))).toMatch(/start "nowhere" is not in the scenario/);
  });

  it('an edited difficulty or seed is refused', () => {
    const result = resultOf(playToDeal(scenario, 8));
    expect(result.difficulty).toBe('standard');
    expect(refusal({ ...result, difficulty: 'hard' })).toMatch(/fails its checksum/);
    expect(refusal({ ...result, difficulty: 'open' })).toMatch(/fails its checksum/);
    expect(refusal({ ...result, seed: result.seed + 1 })).toMatch(/fails its checksum/);
  });

  it('a version 1 result (no checksum) is migrated, and still checked against its log', () => {
    const result = resultOf(playToDeal(scenario, 8));
    const { engine: _engine, checksum: _checksum, points: _points, ...v1 } = result;
    const back = importResult(JSON.stringify({ ...v1, version: 1 }), find);
    expect(back.ok).toBe(true);
    if (back.ok) back.game.stop();
    expect(refusal({ ...v1, version: 1, day: 0 })).toMatch(/does not match its own log \(day: /);
  });
});
