import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioText } from '../scenario/load.ts';
import { shippedScenario } from '../testing/scenarios.ts';
import { createGame, type Game } from './session.ts';

const geneva = shippedScenario('geneva-2025');
const games: Game[] = [];
afterEach(() => games.splice(0).forEach((g) => g.stop()));

function play(start: string): Game {
  const game = createGame(geneva, { seed: 1, start });
  games.push(game);
  return game;
}

const news = (g: Game) => g.view().journal.filter((n) => n.kind === 'news.reported').map((n) => n.text);
const endDays = (g: Game, n: number) => {
  for (let i = 0; i < n; i++) expect(g.send({ type: 'day.end' }).ok).toBe(true);
};

describe('scripted news fits the game: nothing reports a move the player did not make', () => {
  it('the 28-point start: Driscoll begins in Kyiv, and while he stays there no news has him in Abu Dhabi', () => {
    const g = play('plan-28');
    expect(g.view().envoys.find((e) => e.id === 'driscoll')!.at).toBe('kyiv');
    endDays(g, 5); // 21 → 26 Nov
    expect(news(g).join(' ')).not.toMatch(/Abu Dhabi/);
    expect(news(g).join(' ')).not.toMatch(/Peskov/);
  });

  it('the 28-point start: sending Driscoll to Abu Dhabi makes the 25 November contacts news', () => {
    const g = play('plan-28');
    expect(g.send({ type: 'envoy.travel', envoy: 'driscoll', to: 'abu-dhabi' }).ok).toBe(true); // two days
    endDays(g, 5);
    expect(news(g).some((t) => t.startsWith('Army Secretary Driscoll meets Russian officials in Abu Dhabi'))).toBe(true);
  });

  it('the 28-point start: "cut from 28 points to 19" is not reported while the text still has 28 points', () => {
    const g = play('plan-28');
    endDays(g, 4);
    expect(g.view().pointsInText).toBe(28);
    expect(news(g).join(' ')).not.toMatch(/28 points to 19/);
    // Nor the Geneva talks, which on this start are the player's to hold.
    expect(news(g).join(' ')).not.toMatch(/meet in Geneva|Geneva "took important steps forward"|common understanding/);
  });

  it('the 19-point start: the envoys begin in Geneva, and the cut is reported as the talks open', () => {
    const g = play('geneva-19');
    expect(g.view().envoys.map((e) => e.at)).toEqual(['geneva', 'geneva', 'geneva']);
    expect(g.view().pointsInText).toBe(19);
    expect(news(g).some((t) => t.includes('28 points to 19'))).toBe(true);
    endDays(g, 1);
    expect(news(g).some((t) => t.includes('Starmer to the Commons'))).toBe(true);
  });
});

describe('news conditions are checked against the scenario', () => {
  it('an unknown start, envoy, venue or point in `when` is an error with its path', () => {
    const yaml = `format: 1
id: t
title: T
version: 1.0.0
disclaimer: d
calendar: { start: 2030-01-01, deadline: 2030-01-10 }
venues: [{ id: a, name: A, lat: 0, lon: 0 }]
parties:
  - { id: m, name: M, leader: L, role: mediator, home: a, envoys: [{ id: e, name: E }], weights: { p: 1 }, values: { p: { x: 50 } }, reservation: 10, opening: 60 }
  - { id: s, name: S, leader: L, role: signatory, home: a, weights: { p: 1 }, values: { p: { x: 50 } }, reservation: 10, opening: 60 }
points: [{ id: p, title: P, options: [{ id: x, label: X }] }]
starts: [{ id: st, title: St, text: { p: x }, envoys: { nobody: a } }]
events:
  - { id: n, headline: H, on: 2030-01-02, when: { starts: [nope], envoyAt: { envoy: ghost, venue: nowhere }, omitted: [q] } }
ratification: { signatories: [m, s] }
`;
    const r = loadScenarioText(yaml, 'when.yaml');
    expect(r.ok).toBe(false);
    const messages = r.ok ? [] : r.problems.map((e) => `${e.path.join('.')}: ${e.message}`);
    // Each problem starts with its path and what is unknown (the loader may add a suggestion).
    for (const expected of [
      'starts.0.envoys.nobody: unknown envoy "nobody"',
      'events.0.when.starts.0: unknown start "nope"',
      'events.0.when.envoyAt.envoy: unknown envoy "ghost"',
      'events.0.when.envoyAt.venue: unknown venue "nowhere"',
      'events.0.when.omitted.0: unknown point "q"',
    ]) expect(messages.some((m) => m.startsWith(expected)), expected).toBe(true);
  });
});

describe('the Geneva sources are the vetted list', () => {
  it('every source has an outlet and a full https or http address, and no dropped outlet remains', () => {
    expect(geneva.sources.length).toBeGreaterThan(60);
    for (const s of geneva.sources) {
      expect(s.outlet, s.title).toBeTruthy();
      expect(s.url, s.title).toMatch(/^https?:\/\/[^\s/]+\.[^\s]+\/[^\s]*/);
    }
    const dropped = /news-pravda|sputnikglobe|antiwar\.com|pureoldies1055|thequickflash|lnginnorthernbc|kudupinter|europesays|newsfactsnetwork|thetruthinternational|attackofthefanboy/;
    expect(geneva.sources.filter((s) => dropped.test(`${s.url} ${s.outlet} ${s.title}`))).toEqual([]);
  });

  it('claims with no reputable source are gone from the news', () => {
    const all = geneva.events.map((e) => `${e.headline} ${e.text}`).join(' ');
    expect(all).not.toMatch(/constructive changes|kill three|880,000/);
  });
});
