import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../debrief/debrief.ts';
import { playOne } from '../engine/simulate.ts';
import { readableBalance } from '../engine/score.ts';
import { tutorial } from '../testing/scenarios.ts';
import { buildClassDebrief, classDebriefCsv, trimDebrief } from './classDebrief.ts';

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
