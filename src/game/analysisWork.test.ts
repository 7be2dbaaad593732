import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../analysis/analyze.ts';
import { shippedScenario } from '../testing/scenarios.ts';
import { syntheticScenario } from '../../bench/synthetic.ts';
import { PAGE_WORK } from './analysisWork.ts';

const SHIPPED = readdirSync('scenarios', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe("the debrief's work budget on the page", () => {
  it('leaves every shipped scenario and start exact', () => {
    expect(SHIPPED.length).toBeGreaterThan(5);
    for (const id of SHIPPED) {
      const scenario = shippedScenario(id);
      for (const start of scenario.starts) {
        const a = analyzeExact(scenario, start.id, PAGE_WORK);
        expect(a.exact, `${id} / ${start.id}`).toBe(true);
        expect(a.nodes).toBeLessThan(PAGE_WORK / 10);
      }
    }
  });

  it('keeps a hard 60-point, 8-party scenario to a bounded answer instead of searching for a minute', () => {
    // At the analyser's full budget this scenario visits about 12 million nodes (69 s on a loaded 2-core machine).
    const s = syntheticScenario(60, 8, 1);
    const hard = { ...s, parties: s.parties.map((p) => (p.role === 'mediator' ? p : { ...p, reservation: 60 })) };
    const a = analyzeExact(hard, undefined, PAGE_WORK);
    expect(a.feasible).toBe(true);
    expect(a.exact).toBe(false);
    expect(a.nodes).toBeLessThan(12 * PAGE_WORK);
  });
});
