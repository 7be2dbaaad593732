import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import { OMIT } from '../scenario/omit.ts';
import type { Party, Point } from '../scenario/schema.ts';
import {
  aspiration, counterProposal, crossedRedLines, evaluate, judgeChange, quickJudge, utilityOf,
  type Change, type PartyMood,
} from './evaluate.ts';
import type { Clause, PlanText } from './text.ts';


const scenario = tutorial();
const party = (id: string): Party => scenario.parties.find((p) => p.id === id)!;
const aldoria = party('aldoria');
const belmar = party('belmar');
const TOTAL = 20; // days from 2031-03-02 to the deadline 2031-03-22

/** A party with no trust bonus or malus, no pressure, no incentives. */
const calm: PartyMood = { trust: 50, patience: 60, pressure: 0, incentives: 0, shift: 0 };

/** A text from point → option, every point settled unless listed in `deferred`. */
function text(choice: Record<string, string>, deferred: string[] = []): PlanText {
  const out: Record<string, Clause> = {};
  for (const [point, option] of Object.entries(choice)) out[point] = { option, deferred: deferred.includes(point) };
  return out;
}

/** Every option a point can take, "omit" included when it may be dropped. */
const optionsOf = (p: Point): string[] => [...p.options.map((o) => o.id), ...(p.omittable ? [OMIT] : [])];

/** Every text of the tutorial with Heron Island deferred to the leaders (as it always is in play). */
function allTexts(): PlanText[] {
  let texts: Record<string, Clause>[] = [{}];
  for (const point of scenario.points) {
    const options = point.leadersOnly ? [point.options[0]!.id] : optionsOf(point);
    texts = texts.flatMap((t) => options.map((option) => ({ ...t, [point.id]: { option, deferred: point.leadersOnly } })));
  }
  return texts;
}

/** How many points two texts settle differently. */
const distance = (a: PlanText, b: PlanText): number => Object.keys(a).filter((p) => a[p]!.option !== b[p]!.option).length;

const apply = (t: PlanText, changes: readonly Change[]): PlanText =>
  changes.reduce<PlanText>((acc, c) => ({ ...acc, [c.point]: { ...acc[c.point]!, option: c.option } }), t);

/** Arbitrary tutorial texts: any option on any point, any point possibly deferred. */
const arbitraryText = fc.record(
  Object.fromEntries(
    scenario.points.map((p) => [p.id, fc.record({ option: fc.constantFrom(...optionsOf(p)), deferred: fc.boolean() })]),
  ),
) as fc.Arbitrary<PlanText>;

const arbitraryMood = fc.record({
  trust: fc.integer({ min: 0, max: 100 }),
  patience: fc.integer({ min: 0, max: 100 }),
  pressure: fc.double({ min: 0, max: 1000, noNaN: true }),
  incentives: fc.double({ min: 0, max: 1000, noNaN: true }),
  shift: fc.double({ min: -100, max: 100, noNaN: true }),
});

describe('red lines', () => {
  it('a text crossing a red line is refused even when it is worth everything to the party', () => {
    // Aldoria's dream text, except that the dam is halted, and halting is made worth 100 to it.
    const greedy: Party = { ...aldoria, values: { ...aldoria.values, dam: { ...aldoria.values.dam!, halt: 100 } } };
    const dream = text({ flow: 'f30', dam: 'halt', monitoring: 'national', fund: 'none', island: 'aldorian' });
    const willing: PartyMood = { trust: 100, patience: 100, pressure: 500, incentives: 500, shift: -100 };
    const ev = evaluate(greedy, willing, dream, TOTAL, TOTAL);
    expect(ev.utility).toBe(100);
    expect(ev.gap).toBeGreaterThan(0);
    expect(ev.acceptable).toBe(false);
    expect(ev.redLines).toEqual([{ id: 'no-halt', reason: 'Aldoria will not abandon the dam.' }]);
  });

  it('whatever the text, mood or day, crossing a red line is never acceptable, and the reasons name the lines', () => {
    fc.assert(
      fc.property(arbitraryText, arbitraryMood, fc.integer({ min: 0, max: TOTAL }), (t, mood, day) => {
        for (const p of [aldoria, belmar]) {
          const crossed = crossedRedLines(p, t);
          const ev = evaluate(p, mood, t, day, TOTAL);
          expect(ev.redLines).toEqual(crossed.map((l) => ({ id: l.id, reason: l.reason })));
          if (crossed.length > 0) expect(ev.acceptable).toBe(false);
        }
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it('a combined red line is crossed only when every one of its points is in the text as listed', () => {
    const base = { flow: 'f50', dam: 'full', monitoring: 'national', fund: 'shared', island: 'joint-admin' };
    expect(crossedRedLines(belmar, text(base)).map((l) => l.id)).toEqual(['unchecked-dam']);
    expect(crossedRedLines(belmar, text({ ...base, monitoring: 'joint' }))).toEqual([]);
    expect(crossedRedLines(belmar, text({ ...base, dam: 'reduced' }))).toEqual([]);
  });
});

describe('deferred points', () => {
  const settled = { flow: 'f40', dam: 'reduced', monitoring: 'joint', fund: 'shared' };

  it('a deferred point crosses no red line, whatever option it holds', () => {
    const ceded = text({ ...settled, island: 'belmarian' }, ['island']);
    expect(crossedRedLines(aldoria, ceded)).toEqual([]);
    expect(evaluate(aldoria, calm, ceded, 0, TOTAL).redLines).toEqual([]);
    // The same option settled by the envoys does cross it.
    expect(crossedRedLines(aldoria, text({ ...settled, island: 'belmarian' })).map((l) => l.id)).toEqual(['no-island-loss']);
    // Deferring one half of a combined red line defuses it too.
    const unchecked = text({ flow: 'f50', dam: 'full', monitoring: 'national', fund: 'shared', island: 'joint-admin' }, ['monitoring']);
    expect(crossedRedLines(belmar, unchecked)).toEqual([]);
  });

  it('a deferred point does not count toward utility: the mean runs over the settled points only', () => {
    const withIsland = (island: string) => utilityOf(aldoria, text({ ...settled, island }, ['island']));
    const a = withIsland('aldorian');
    const b = withIsland('belmarian');
    // flow 30×75 + dam 35×60 + monitoring 10×70 + fund 10×70, over weights 85 (island's 15 left out).
    expect(a.utility).toBeCloseTo((30 * 75 + 35 * 60 + 10 * 70 + 10 * 70) / 85, 10);
    expect(b.utility).toBe(a.utility);
    expect(a.contributions.map((c) => c.point)).not.toContain('island');
    // Settled, the island does count.
    expect(utilityOf(aldoria, text({ ...settled, island: 'aldorian' })).utility).toBeCloseTo((5750 + 15 * 100) / 100, 10);
  });
});

describe('utility and its contributions', () => {
  it("each settled, weighted point contributes its weight and value, and the pulls add up to the utility's distance from 50", () => {
    fc.assert(
      fc.property(arbitraryText, (t) => {
        for (const p of [aldoria, belmar]) {
          const { utility, contributions } = utilityOf(p, t);
          const settled = Object.keys(p.weights).filter((id) => t[id] && !t[id].deferred && p.weights[id]! > 0);
          expect(contributions.map((c) => c.point).sort()).toEqual(settled.sort());
          for (const c of contributions) {
            expect(c.option).toBe(t[c.point]!.option);
            expect(c.weight).toBe(p.weights[c.point]);
            expect(c.value).toBe(p.values[c.point]![c.option]);
          }
          expect(50 + contributions.reduce((s, c) => s + c.pull, 0)).toBeCloseTo(utility, 9);
          // The evaluation shows the same breakdown.
          expect(evaluate(p, calm, t, 0, TOTAL).contributions).toEqual(contributions);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('the point that hurts most has the most negative pull', () => {
    const t = text({ flow: 'f60', dam: 'full', monitoring: 'joint', fund: 'shared', island: 'aldorian' });
    const { contributions } = utilityOf(aldoria, t);
    const worst = [...contributions].sort((a, b) => a.pull - b.pull)[0]!;
    expect(worst).toMatchObject({ point: 'flow', option: 'f60', value: 0, pull: (30 * (0 - 50)) / 100 });
  });
});

describe('aspiration over the calendar', () => {
  const curve = (concession: Party['concession']): Party => ({ ...aldoria, concession, opening: 90, reservation: 40 });

  it('starts at the opening demand and ends at the reservation on the deadline, for every curve', () => {
    for (const c of ['boulware', 'linear', 'conceder', { beta: 0.5 }] as const) {
      expect(aspiration(curve(c), 0, TOTAL)).toBe(90);
      expect(aspiration(curve(c), TOTAL, TOTAL)).toBe(40);
      expect(aspiration(curve(c), TOTAL + 5, TOTAL)).toBe(40);
    }
  });

  it('falls day by day and never rises', () => {
    for (const c of ['boulware', 'linear', 'conceder'] as const) {
      const days = Array.from({ length: TOTAL + 1 }, (_, d) => aspiration(curve(c), d, TOTAL));
      for (let d = 1; d <= TOTAL; d++) expect(days[d]).toBeLessThanOrEqual(days[d - 1]!);
      expect(days[1]).toBeLessThan(days[0]!);
    }
  });

  it('mid-way, a Boulware party still asks for more than a linear one, which asks for more than a conceder', () => {
    const mid = TOTAL / 2;
    const boulware = aspiration(curve('boulware'), mid, TOTAL);
    const linear = aspiration(curve('linear'), mid, TOTAL);
    const conceder = aspiration(curve('conceder'), mid, TOTAL);
    expect(linear).toBeCloseTo(65, 10);
    expect(boulware).toBeGreaterThan(linear + 10);
    expect(conceder).toBeLessThan(linear - 10);
  });

  it('news that softens a party lowers its aspiration, but never below its reservation', () => {
    expect(aspiration(curve('linear'), 0, TOTAL, -10)).toBe(80);
    expect(aspiration(curve('linear'), 0, TOTAL, -80)).toBe(40);
    expect(aspiration(curve('linear'), TOTAL, TOTAL, -10)).toBe(40);
  });
});

describe('the threshold: trust, pressure and incentives', () => {
  const t = text({ flow: 'f40', dam: 'reduced', monitoring: 'joint', fund: 'shared', island: 'joint-admin' }, ['island']);
  const threshold = (mood: Partial<PartyMood>, day = 0) => evaluate(aldoria, { ...calm, ...mood }, t, day, TOTAL).threshold;

  it('with neutral trust and no pressure or incentives the threshold is the aspiration', () => {
    const ev = evaluate(aldoria, calm, t, 5, TOTAL);
    expect(ev.modifiers).toEqual({ trust: 0, pressure: 0, incentives: 0 });
    expect(ev.threshold).toBe(ev.aspiration);
    expect(ev.aspiration).toBe(aspiration(aldoria, 5, TOTAL));
  });

  it('more trust, pressure or incentives each lower the threshold', () => {
    const base = threshold({});
    expect(threshold({ trust: 80 })).toBeCloseTo(base - 3, 10);
    expect(threshold({ pressure: 8 })).toBeCloseTo(base - 8 * aldoria.sensitivity.pressure, 10);
    expect(threshold({ incentives: 7 })).toBeCloseTo(base - 7 * aldoria.sensitivity.incentives, 10);
    expect(threshold({ trust: 80, pressure: 8, incentives: 7 })).toBeLessThan(threshold({ trust: 80 }));
  });

  it('no amount of trust, pressure or incentives takes the threshold below the reservation', () => {
    expect(threshold({ trust: 100, pressure: 1000, incentives: 1000 })).toBe(aldoria.reservation);
    fc.assert(
      fc.property(arbitraryMood, arbitraryText, fc.integer({ min: 0, max: TOTAL }), (mood, tx, day) => {
        for (const p of [aldoria, belmar]) {
          const ev = evaluate(p, mood, tx, day, TOTAL);
          expect(ev.threshold).toBeGreaterThanOrEqual(p.reservation);
          expect(ev.acceptable).toBe(ev.redLines.length === 0 && ev.utility >= ev.threshold - 1e-9);
          expect(ev.margin).toBeCloseTo(ev.utility - p.reservation, 9);
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('a text below the reservation stays unacceptable however willing the party is', () => {
    const poor = text({ flow: 'f60', dam: 'seasonal', monitoring: 'observers', fund: 'aldoria-pays', island: 'joint-admin' }, ['island']);
    const ev = evaluate(aldoria, { trust: 100, patience: 100, pressure: 1000, incentives: 1000, shift: -100 }, poor, TOTAL, TOTAL);
    expect(ev.redLines).toEqual([]);
    expect(ev.utility).toBeLessThan(aldoria.reservation);
    expect(ev.acceptable).toBe(false);
  });
});

describe('counter-proposals', () => {
  /** Every change an envoy could make: one point that is not deferred, redrafted to another option. */
  function singleChanges(t: PlanText): Change[] {
    return scenario.points.flatMap((p) =>
      t[p.id]!.deferred ? [] : optionsOf(p).filter((o) => o !== t[p.id]!.option).map((option) => ({ point: p.id, option })),
    );
  }

  it('an acceptable text needs no change: the counter-proposal is empty', () => {
    const dream = text({ flow: 'f30', dam: 'full', monitoring: 'national', fund: 'none', island: 'aldorian' }, ['island']);
    expect(evaluate(aldoria, calm, dream, 0, TOTAL).acceptable).toBe(true);
    expect(counterProposal(aldoria, calm, dream, scenario.points, 0, TOTAL)).toEqual([]);
  });

  it('when one change is enough it asks for exactly one, the one it values least among those that work (checked against brute force over every text)', () => {
    const seen = { acceptable: 0, single: 0, several: 0, none: 0 };
    const moods: PartyMood[] = [calm, { ...calm, trust: 80, pressure: 5 }];
    for (const t of allTexts()) {
      for (const p of [aldoria, belmar]) {
        for (const mood of moods) {
          for (const day of [0, 10, 18]) {
            const judge = (x: PlanText) => evaluate(p, mood, x, day, TOTAL);
            const counter = counterProposal(p, mood, t, scenario.points, day, TOTAL);
            if (judge(t).acceptable) {
              expect(counter).toEqual([]);
              seen.acceptable++;
              continue;
            }
            const sufficient = singleChanges(t).filter((c) => judge(apply(t, [c])).acceptable);
            if (sufficient.length > 0) {
              expect(counter).toHaveLength(1);
              expect(sufficient).toContainEqual(counter![0]);
              const least = Math.min(...sufficient.map((c) => judge(apply(t, [c])).utility));
              expect(judge(apply(t, counter!)).utility).toBe(least);
              seen.single++;
            } else if (counter === null) {
              // It says nothing only when no text within three changes would do.
              expect(allTexts().some((x) => distance(t, x) <= 3 && judge(x).acceptable)).toBe(false);
              seen.none++;
            } else {
              // No single change works: a longer proposal must still make the text acceptable,
              // and three changes only when no two would do.
              expect(counter.length).toBeGreaterThan(1);
              expect(counter.length).toBeLessThanOrEqual(3);
              expect(new Set(counter.map((c) => c.point)).size).toBe(counter.length);
              expect(judge(apply(t, counter)).acceptable).toBe(true);
              if (counter.length === 3) expect(allTexts().some((x) => distance(t, x) === 2 && judge(x).acceptable)).toBe(false);
              seen.several++;
            }
          }
        }
      }
    }
    // Every branch was exercised on real texts.
    expect(seen.acceptable).toBeGreaterThan(100);
    expect(seen.single).toBeGreaterThan(100);
    expect(seen.several).toBeGreaterThan(10);
    expect(seen.none).toBeGreaterThan(0);
  });

  it('never asks to change a point deferred to the leaders', () => {
    // Belmar wants Heron Island, but it is deferred: the counter-proposal must work elsewhere.
    const t = text({ flow: 'f50', dam: 'reduced', monitoring: 'joint', fund: 'none', island: 'aldorian' }, ['island', 'fund']);
    const counter = counterProposal(belmar, calm, t, scenario.points, 10, TOTAL);
    expect(counter).not.toBeNull();
    expect(counter!.map((c) => c.point)).not.toContain('island');
    expect(counter!.map((c) => c.point)).not.toContain('fund');
  });

  it('Belmar, shown the first draft on day one, is too far apart to name a change; mid-way it asks for two', () => {
    const draft = text({ flow: 'f30', dam: 'full', monitoring: 'national', fund: 'none', island: 'aldorian' }, ['island']);
    expect(counterProposal(belmar, calm, draft, scenario.points, 0, TOTAL)).toBeNull();
    const later = counterProposal(belmar, calm, draft, scenario.points, 10, TOTAL);
    expect(later).toEqual([{ point: 'flow', option: 'f60' }, { point: 'monitoring', option: 'observers' }]);
    expect(evaluate(belmar, calm, apply(draft, later!), 10, TOTAL).acceptable).toBe(true);
  });
});

describe('judgeChange', () => {
  // Whole-number weights and values (as shipped), and a party with fractional values, which is judged afresh.
  const fractional: Party = { ...aldoria, values: Object.fromEntries(Object.entries(aldoria.values).map(([p, row]) => [p, Object.fromEntries(Object.entries(row).map(([o, v]) => [o, v + 0.1]))])) };
  it('judges each single change exactly as quickJudge does, bit for bit', () => {
    fc.assert(
      fc.property(arbitraryText, fc.double({ min: 0, max: 100, noNaN: true }), (t, threshold) => {
        for (const p of [aldoria, belmar, fractional]) {
          const judge = judgeChange(p, threshold, t);
          for (const point of scenario.points) for (const option of optionsOf(point)) {
            expect(judge(point.id, option)).toEqual(quickJudge(p, threshold, t, point.id, option));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
