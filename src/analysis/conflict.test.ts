import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../testing/randomScenario.ts';
import { tutorial } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import { analyzeExact } from './analyze.ts';
import { describeCondition, explainInfeasible, feasibleWith, reachOf } from './conflict.ts';
import { bruteForce } from './bruteForce.ts';

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
        expect(feasibleWith(scenario, conflict.conditions)).toBe(false);
        conflict.conditions.forEach((_, i) => {
          expect(feasibleWith(scenario, conflict.conditions.filter((__, j) => j !== i))).toBe(true);
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
});
