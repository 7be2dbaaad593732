import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../testing/randomScenario.ts';
import { syntheticScenario } from '../../bench/synthetic.ts';
import { analyzeExact, boundedWords } from './analyze.ts';
import { compile } from './model.ts';
import { bestText, closestText, nearestText, searchBest, type Objective } from './search.ts';

const tol = (v: number) => 1e-6 * Math.max(1, Math.abs(v));

describe('a search stopped at its work budget', () => {
  it('is labelled exact only when it finished, and its bounds always hold the true best (random small scenarios)', () => {
    let bounded = 0;
    fc.assert(
      fc.property(randomScenario(6), fc.constantFrom(1, 2, 4, 8, 16), fc.constantFrom<Objective>('maximin', 'nash'), (scenario, maxWork, objective) => {
        const model = compile(scenario);
        const truth = bestText(model, objective);
        const r = searchBest(model, objective, { maxWork });
        if (r.exact) {
          // Exact: the same value as the unbudgeted search, or the same "no text passes".
          expect(r.best === null).toBe(truth === null);
          if (truth && r.best) expect(Math.abs(r.best.value - truth.value)).toBeLessThanOrEqual(tol(truth.value));
          return;
        }
        bounded++;
        // Bounded: the text found is real and no better than the best; the bound is not below it.
        if (r.best) {
          expect(truth).not.toBeNull();
          expect(r.best.value).toBeLessThanOrEqual(truth!.value + tol(truth!.value));
        }
        if (truth) expect(r.upper).toBeGreaterThanOrEqual(truth.value - tol(truth.value));
      }),
      { numRuns: 300 },
    );
    // The budgets are small enough that many searches stop early: the bounded branch is exercised.
    expect(bounded).toBeGreaterThan(30);
  }, 600_000);

  it('on a 16-point, 6-party scenario: a tight budget gives a bounded answer around the exact one, the default the exact one', () => {
    const scenario = syntheticScenario(16, 6, 1);
    const exact = analyzeExact(scenario);
    expect(exact.exact).toBe(true);
    expect(exact.maximin!.exact).toBe(true);
    expect(exact.maximin!.atMost).toBeNull();
    expect(exact.nash!.exact).toBe(true);
    expect(exact.fromStart!.exact).toBe(true);
    expect(boundedWords(exact.exact, exact.maximin)).toBe('');

    const tight = analyzeExact(scenario, undefined, 20);
    expect(tight.exact).toBe(false);
    expect(tight.maximin!.exact).toBe(false);
    // The gap is honest: the best found ≤ the true best ≤ the proven bound.
    expect(tight.maximin!.value).toBeLessThanOrEqual(exact.maximin!.value);
    expect(tight.maximin!.atMost!).toBeGreaterThanOrEqual(exact.maximin!.value);
    expect(tight.maximin!.atMost!).toBeGreaterThan(tight.maximin!.value);
    // A deal was found, so feasibility is settled even though the best is not.
    expect(tight.feasible).toBe(true);
    // Counting every passing text needs the exact search; it is not offered from a bounded one.
    expect(tight.feasibleCount).toBeNull();
    const words = boundedWords(tight.exact, tight.maximin);
    // Plain words a teacher reads on the debrief: what is known, and that a better deal may exist.
    expect(words).toMatch(/^Best found, not proven best: .* a slightly better one may exist\./);
    expect(boundedWords(false, null, null)).toMatch(/^Not settled: .* This does not mean no deal is possible\.$/);
    expect(words).toContain(tight.maximin!.value.toFixed(2));
    expect(words).toContain(tight.maximin!.atMost!.toFixed(2));
  });

  it('the nearest deal from a start, stopped early, brackets the true fewest changes', () => {
    for (const seed of [1, 2, 3]) {
      const model = compile(syntheticScenario(20, 5, seed));
      const start = model.pointIds.map(() => 0);
      const truth = closestText(model, start)!;
      const changes = -truth.value;
      for (const maxWork of [1, 10, 100]) {
        const r = nearestText(model, start, { maxWork });
        if (r.exact) expect(-r.best!.value).toBe(changes);
        else {
          expect(r.best).toBeNull();
          expect(r.atLeast).toBeLessThanOrEqual(changes);
        }
      }
      const a = analyzeExact(syntheticScenario(20, 5, seed), undefined, 1);
      expect(a.fromStart!.atLeast).toBeLessThanOrEqual(changes);
      expect(a.fromStart!.changes).toBeGreaterThanOrEqual(changes);
      if (!a.fromStart!.exact) expect(a.exact).toBe(false);
    }
  });

  it('when no text was found within the budget, feasibility is not settled rather than "no"', () => {
    fc.assert(
      fc.property(randomScenario(6), (scenario) => {
        const a = analyzeExact(scenario, undefined, 1);
        if (a.feasible === false) expect(a.exact).toBe(true);
        if (a.feasible === null) {
          expect(a.exact).toBe(false);
          expect(boundedWords(a.exact, a.maximin, a.feasible)).toMatch(/^Not settled/);
        }
      }),
      { numRuns: 100 },
    );
  }, 600_000);
});
