import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import { randomScenario } from '../testing/randomScenario.ts';
import { analyze, analyzeExact } from './analyze.ts';
import { bruteForce } from './bruteForce.ts';

const load = (_file: 'scenarios/tutorial/scenario.yaml'): Scenario => tutorial();

const close = (a: number | null | undefined, b: number | null) => {
  if (b === null) return a === null || a === undefined;
  return a !== null && a !== undefined && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
};

describe('the exact analyser', () => {
  it('agrees with brute-force enumeration on hundreds of random small scenarios', () => {
    let feasible = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(randomScenario(6), (scenario) => {
        const brute = bruteForce(scenario);
        const exact = analyzeExact(scenario);
        expect(exact.outcomes).toBe(brute.outcomes);
        expect(exact.feasibleCount).toBe(brute.feasibleCount);
        expect(exact.feasible).toBe(brute.feasibleCount > 0);
        // The analyser rounds reported values to 3 decimals.
        expect(Math.abs((exact.maximin?.value ?? NaN) - (brute.maximin ?? NaN)) <= 1e-3 || (exact.maximin === null && brute.maximin === null)).toBe(true);
        if (brute.nash !== null) expect(Math.abs(exact.nash!.value - brute.nash) <= 1e-3 * Math.max(1, brute.nash)).toBe(true);
        else expect(exact.nash).toBeNull();
        expect(exact.fromStart?.changes ?? null).toBe(brute.closest);
        if (exact.feasible) feasible++;
        else infeasible++;
      }),
      { numRuns: 300 },
    );
    // Both answers must have been exercised for the comparison to mean anything.
    expect(feasible).toBeGreaterThan(20);
    expect(infeasible).toBeGreaterThan(20);
    // Pure computation (a few seconds on a quiet machine): the limit only stops a hang, at any load.
  }, 600_000);

  it('reports the tutorial feasible, with best deals every signatory accepts', () => {
    const scenario = load('scenarios/tutorial/scenario.yaml');
    const a = analyze(scenario, { games: 0, seed: 1 });
    const brute = bruteForce(scenario);
    expect(a.feasible).toBe(true);
    expect(a.outcomes).toBe(768);
    expect(a.feasibleCount).toBe(brute.feasibleCount);
    expect(close(a.maximin!.value, brute.maximin)).toBe(true);
    for (const deal of [a.maximin!, a.nash!]) {
      expect(deal.accepting.sort()).toEqual(['aldoria', 'belmar', 'commission']);
      for (const m of Object.values(deal.margins)) expect(m).toBeGreaterThanOrEqual(0);
      // No deal names a crossed red line: Belmar's 30% and Aldoria's halted dam stay out.
      expect(deal.text.flow).not.toBe('f30');
      expect(deal.text.dam).not.toBe('halt');
    }
    expect(a.nash!.value).toBeGreaterThanOrEqual(Object.values(a.maximin!.margins).reduce((x, y) => x * y, 1) - 1e-6);
  });

  it('reports infeasibility when the red lines exclude each other', () => {
    const scenario = load('scenarios/tutorial/scenario.yaml');
    // Aldoria now also refuses every share of the flow above 30%, which Belmar refuses outright.
    const aldoria = scenario.parties.find((p) => p.id === 'aldoria')!;
    const locked: Scenario = {
      ...scenario,
      parties: scenario.parties.map((p) =>
        p.id !== 'aldoria' ? p : {
          ...aldoria,
          redLines: [...aldoria.redLines, ...['f40', 'f50', 'f60'].map((o) => ({ id: `no-${o}`, when: [{ point: 'flow', option: o }], reason: 'No more than 30%.', public: false }))],
        }),
    };
    const a = analyze(locked, { games: 0, seed: 1 });
    expect(a.feasible).toBe(false);
    expect(a.feasibleCount).toBe(0);
    expect(a.maximin).toBeNull();
    expect(a.nash).toBeNull();
  });

  it('with k-of-n and vetoes, a text passes without the party that may be outvoted', () => {
    const scenario = load('scenarios/tutorial/scenario.yaml');
    // Make Belmar impossible to satisfy, then let the Commission and Aldoria carry the vote.
    const hostile: Scenario = {
      ...scenario,
      parties: scenario.parties.map((p) => (p.id === 'belmar' ? { ...p, reservation: 100 } : p)),
    };
    expect(analyze(hostile, { games: 0, seed: 1 }).feasible).toBe(false);
    const outvoted: Scenario = { ...hostile, ratification: { signatories: ['commission', 'aldoria', 'belmar'], vetoes: ['commission', 'aldoria'], atLeast: 2 } };
    const a = analyze(outvoted, { games: 0, seed: 1 });
    expect(a.feasible).toBe(true);
    expect(a.maximin!.accepting.sort()).toEqual(['aldoria', 'commission']);
    expect(a.feasibleCount).toBe(bruteForce(outvoted).feasibleCount);
  });
});
