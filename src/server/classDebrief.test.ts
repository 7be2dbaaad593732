import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../debrief/debrief.ts';
import { playOne } from '../engine/simulate.ts';
import { readableBalance } from '../engine/score.ts';
import { tutorial } from '../testing/scenarios.ts';
import { buildClassDebrief, classDebriefCsv, classDebriefSummary, trimDebrief } from './classDebrief.ts';

describe('class debrief', () => {
  it("shows a deal's balance as the typical margin the debrief shows, never the raw Nash product", () => {
    const s = tutorial();
    const tables = [3, 4, 5].map((seed, index) => {
      const game = playOne(s, 'oracle', seed);
      const debrief = trimDebrief(buildDebrief(game));
      game.stop();
      return { index, debrief, holders: {} };
    });
    const d = buildClassDebrief({ scenario: { id: s.id, title: s.title, parties: s.parties }, start: 'draft', seed: 3, difficulty: 'standard', tables });
    const deals = d.tables.filter((t) => t.outcome === 'deal');
    expect(deals.length).toBeGreaterThan(0);
    for (const [i, t] of d.tables.entries()) {
      const score = tables[i]!.debrief.score;
      if (t.outcome !== 'deal' || !score) continue;
      expect(t.balance).toBeCloseTo(readableBalance(score.margins), 6);
      expect(t.balance!).toBeLessThanOrEqual(100);
      // The raw product of three margins is far larger: that is what the console showed before.
      expect(score.balance).toBeGreaterThan(t.balance! * 10);
    }
    // The CSV's column says what its figures are: the typical margin, not a raw balance.
    const [head, first] = classDebriefCsv(d).split('\r\n').map((l) => l.split(','));
    const column = head!.indexOf('balance (typical margin)');
    expect(column).toBe(5);
    expect(Number(first![column])).toBeCloseTo(d.tables[0]!.balance ?? NaN, 6);
  });
});

describe('class debrief before the tables have results', () => {
  const s = tutorial();
  const scenario = { id: s.id, title: s.title, parties: s.parties };
  const table = (index: number) => {
    const game = playOne(s, 'oracle', 3);
    const debrief = trimDebrief(buildDebrief(game));
    game.stop();
    return { index, debrief, holders: {} };
  };

  it('no table answered: says there is nothing to compare yet, never that no deal is possible, and names the tables', () => {
    const d = buildClassDebrief({ scenario, start: 'draft', seed: 3, difficulty: 'standard', tables: [], tableCount: 2 });
    // Nothing is known: not "feasible: false" in the JSON export either.
    expect(d.best).toBeNull();
    expect(d.missing).toEqual([0, 1]);
    const said = classDebriefSummary(d);
    expect(said).toEqual([
      'Tutorial: the Silver River accord: no table has sent its results yet, so there is nothing to compare (this does not mean a deal is impossible).',
      'Tables 1 and 2 did not send their results in time and are not counted here (a table still starting, or on a server process that is not answering). Ask the tables again in a moment.',
    ]);
    expect(said.join(' ')).not.toMatch(/no text|No text|unwinnable|0 of/);
  });

  it('some tables answered: counts those, names the one that did not, and gives the best deal', () => {
    const d = buildClassDebrief({ scenario, start: 'draft', seed: 3, difficulty: 'standard', tables: [table(0), table(2)], tableCount: 3 });
    expect(d.missing).toEqual([1]);
    const [first, late] = classDebriefSummary(d);
    expect(first).toMatch(/^Tutorial: the Silver River accord: \d of the 2 tables that sent their results reached a deal\. The most durable deal possible leaves every signatory at least [\d.]+ above its walk-away\.$/);
    expect(late).toMatch(/^Table 2 did not send its results in time and is not counted here/);
  });

  it('every table answered: the plain count, with nothing about late tables', () => {
    const d = buildClassDebrief({ scenario, start: 'draft', seed: 3, difficulty: 'standard', tables: [table(0)], tableCount: 1 });
    expect(classDebriefSummary(d)).toEqual([expect.stringMatching(/^Tutorial: the Silver River accord: 1 of 1 table reached a deal\. The most durable/)]);
  });
});
