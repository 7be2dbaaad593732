/**
 * Ids are data: an id that is also the name of a property every JavaScript object has must not
 * pick up that property. The id rule (lower-case letters, digits, "-", "_") already refuses
 * `__proto__`, `toString`, `hasOwnProperty` and the rest; the id rule refuses `constructor` too, by
 * name, in every id position. Ids that merely resemble them play like any other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOTS } from '../engine/bots/index.ts';
import { playOne } from '../engine/simulate.ts';
import { replay } from '../engine/session.ts';
import { analyzeExact } from '../analysis/analyze.ts';
import { buildDebrief } from '../debrief/debrief.ts';
import { importResult, resultOf } from '../debrief/resultFile.ts';
import { formatProblem, loadScenarioText } from './load.ts';

const TUTORIAL = readFileSync(new URL('../../scenarios/tutorial/scenario.yaml', import.meta.url), 'utf8');

/** Every occurrence of an id as a whole token (not inside a longer id). */
function renameId(text: string, from: string, to: string): string {
  return text.replace(new RegExp(`(?<![\\w-])${from}(?![\\w-])`, 'g'), to);
}

/** The tutorial with `name` as the scenario id and as one id in every list that has ids. */
function tutorialWith(name: string): string {
  let text = TUTORIAL.replace(/^id: tutorial$/m, `id: ${name}`);
  // A party, a point, an option (of another point), a venue, an envoy, a start, an incentive,
  // an event and a red line.
  for (const id of ['belmar', 'monitoring', 'halt', 'belport', 'envoy-tech', 'draft', 'irrigation', 'dam-protest', 'no-thirty']) text = renameId(text, id, name);
  return text;
}

describe('ids that are names of object properties', () => {
  for (const name of ['__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf']) {
    it(`"${name}" as an id is refused by the loader with a message`, () => {
      const r = loadScenarioText(tutorialWith(name), 'ids.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.problems.map(formatProblem).join('\n')).toMatch(/must be a short id|is not allowed \(JavaScript reserves it\)/);
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }

  it('"constructor" (the one such name the id pattern allows) is refused in every id position, with its line', () => {
    const r = loadScenarioText(tutorialWith('constructor'), 'ids.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map(formatProblem);
    expect(lines[0]).toBe('ids.yaml:5:5: id: is a name every JavaScript object already has; choose another id');
    // The scenario id and each list's id: venues, points, options, envoys, parties, red lines, starts, incentives, events.
    for (const where of [/^ids\.yaml:\d+:\d+: venues\[2\]\.id: /, /points\[2\]\.id: /, /points\[1\]\.options\[3\]\.id: /, /envoys\[1\]\.id: /, /parties\[2\]\.id: /, /redLines\[0\]\.id: /, /starts\[0\]\.id: /, /incentives\[0\]\.id: /, /events\[1\]\.id: /]) {
      expect(lines.some((l) => where.test(l) && l.endsWith('is a name every JavaScript object already has; choose another id')), String(where)).toBe(true);
    }
  });

  it('every name on Object.prototype is refused as an id, so no lookup by id can find the machinery', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      const r = loadScenarioText(TUTORIAL.replace(/^id: tutorial$/m, `id: ${JSON.stringify(name)}`), 'ids.yaml');
      expect(r.ok, name).toBe(false);
    }
  });

  it('ids that only look like them are data like any other, and the game plays through', () => {
    const r = loadScenarioText(tutorialWith('constructors'), 'ids.yaml');
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    for (const bot of Object.keys(BOTS)) {
      const game = playOne(r.scenario, bot, 1, 'constructors');
      expect(game.view().outcome).not.toBeNull();
      const again = replay(r.scenario, game.save());
      expect(again.ok).toBe(true);
      if (again.ok) again.game.stop();
      expect(buildDebrief(game).parties.map((p) => p.id)).toContain('constructors');
      const back = importResult(JSON.stringify(resultOf(game)), () => r.scenario);
      expect(back.ok).toBe(true);
      if (back.ok) back.game.stop();
      game.stop();
    }
    expect(analyzeExact(r.scenario, 'constructors')).toBeTruthy();
  });
});
