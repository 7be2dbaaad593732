import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../testing/randomScenario.ts';
import { tutorial } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import { analyzeExact } from './analyze.ts';
import { describeCondition, explainInfeasible, reachOf } from './conflict.ts';
import { bruteFeasibleWith, bruteForce } from './bruteForce.ts';
import { compile } from './model.ts';
import { lintScenario } from './lint.ts';
import { syntheticScenario } from '../../bench/synthetic.ts';

/** A synthetic scenario where every signatory but the mediator asks at least `walkAway`: no text passes. */
function demanding(points: number, parties: number, walkAway: number): Scenario {
  const s = syntheticScenario(points, parties, 1);
  return { ...s, parties: s.parties.map((p) => (p.role === 'mediator' ? p : { ...p, reservation: walkAway })) };
}

describe('why a scenario cannot be won', () => {
  it('names a conflict set that is infeasible and where dropping any one member makes it feasible, on random infeasible scenarios', () => {
    let explained = 0;
    fc.assert(
      fc.property(randomScenario(5), (scenario) => {
        if (bruteForce(scenario).feasibleCount > 0) {
          expect(explainInfeasible(scenario)).toBeNull();
          return;
        }
        const conflict = explainInfeasible(scenario)!;
        expect(conflict).not.toBeNull();
        expect(conflict.conditions.length).toBeGreaterThan(0);
        expect(bruteFeasibleWith(scenario, conflict.conditions)).toBe(false);
        conflict.conditions.forEach((_, i) => {
          expect(bruteFeasibleWith(scenario, conflict.conditions.filter((__, j) => j !== i))).toBe(true);
        });
        explained++;
      }),
      { numRuns: 150 },
    );
    expect(explained).toBeGreaterThan(15);
  });

  it('names the red line and the signature when one signatory refuses the only option of a point', () => {
    const base = tutorial();
    const point = base.points.find((p) => !p.omittable) ?? base.points[0]!;
    const options = point.omittable ? [...point.options.map((o) => o.id), 'omit'] : point.options.map((o) => o.id);
    const signatory = base.parties.find((p) => p.role === 'signatory')!;
    const scenario: Scenario = {
      ...base,
      parties: base.parties.map((p) => p.id !== signatory.id ? p : {
        ...p,
        redLines: [...p.redLines, ...options.map((o, i) => ({ id: `never-${i}`, when: [{ point: point.id, option: o }], reason: 'No.', public: false }))],
      }),
    };
    expect(analyzeExact(scenario).feasible).toBe(false);
    const conflict = explainInfeasible(scenario)!;
    // Its own red lines, or another party's covering the same option, with the signatures they bind.
    expect(conflict.conditions.every((c) => c.kind === 'redLine' || c.kind === 'signature')).toBe(true);
    expect(conflict.conditions).toContainEqual({ kind: 'signature', party: signatory.id });
    const words = conflict.conditions.map((c) => describeCondition(c, scenario));
    expect(words).toContain(`${signatory.name}'s signature is required`);
    expect(words.some((w) => w.startsWith(`${signatory.name}'s red line "never-`) && w.includes(`never signs ${point.title}: `))).toBe(true);
    // Every option of that point is off limits, so that party can reach nothing.
    expect(conflict.reach.find((r) => r.party === signatory.id)!.best).toBeNull();
  });

  it("reports a walk-away above a party's best reachable value", () => {
    const base = tutorial();
    const signatory = base.parties.find((p) => p.role === 'signatory')!;
    const reachBefore = reachOf(base).find((r) => r.party === signatory.id)!;
    expect(reachBefore.best!).toBeGreaterThanOrEqual(reachBefore.walkAway);
    // Halve every value the party puts on the options: the best it can get is now at most 50.
    const halved = Object.fromEntries(Object.entries(signatory.values).map(([pt, vs]) => [pt, Object.fromEntries(Object.entries(vs).map(([o, v]) => [o, v / 2]))]));
    const scenario: Scenario = {
      ...base,
      parties: base.parties.map((p) => (p.id === signatory.id ? { ...p, values: halved, reservation: 60, opening: 90 } : p)),
    };
    const conflict = explainInfeasible(scenario)!;
    expect(conflict.conditions).toEqual([
      { kind: 'walkAway', party: signatory.id, reservation: 60 },
      { kind: 'signature', party: signatory.id },
    ]);
    expect(describeCondition(conflict.conditions[0]!, scenario)).toBe(`${signatory.name}'s walk-away: it signs no text worth less than 60 to it`);
    const reach = conflict.reach.find((r) => r.party === signatory.id)!;
    expect(reach.best!).toBeLessThan(reach.walkAway);
  });

  it('explains nothing for a feasible scenario', () => {
    expect(explainInfeasible(tutorial())).toBeNull();
  });

  it('within a small work budget still names conditions that exclude every text, and says when it could not show each is needed', () => {
    let cut = 0;
    fc.assert(
      fc.property(randomScenario(5), fc.integer({ min: 0, max: 40 }), (scenario, budget) => {
        if (bruteForce(scenario).feasibleCount > 0) return;
        const conflict = explainInfeasible(scenario, compile(scenario), budget);
        // Null only when the budget ran out before infeasibility itself was shown again.
        if (!conflict) return;
        expect(bruteFeasibleWith(scenario, conflict.conditions)).toBe(false);
        if (conflict.minimal) {
          conflict.conditions.forEach((_, i) => expect(bruteFeasibleWith(scenario, conflict.conditions.filter((__, j) => j !== i))).toBe(true));
        } else cut++;
      }),
      { numRuns: 150 },
    );
    expect(cut).toBeGreaterThan(0);
  });

  it("a 60-point, 12-party scenario that cannot be won gets its no-deal warning from lint's budget, saying the list may be longer than needed", () => {
    // Without a budget this deletion filter visits 2.7 million nodes (about 10 s of CPU); lint runs on every check and every studio edit.
    const scenario = demanding(60, 12, 62);
    const warning = lintScenario(scenario).find((w) => w.code === 'no-deal')!;
    expect(warning.message).toMatch(/^no text passes: .*walk-away/);
    expect(warning.message).toContain('stopped at its work budget before showing that each is needed');
  });

  it('a 28-point, 8-party scenario that cannot be won is explained fully: each listed condition is needed', () => {
    // Dropping a signature used to leave a search without its bound for unanimity: this took minutes.
    const scenario = demanding(28, 8, 62);
    const conflict = explainInfeasible(scenario, compile(scenario), 2_000_000)!;
    expect(conflict.minimal).toBe(true);
    expect(conflict.conditions.filter((c) => c.kind === 'signature').length).toBeGreaterThan(0);
  });
});
