import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../../testing/randomScenario.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { analyzeExact } from '../../analysis/analyze.ts';
import { simulate } from '../simulate.ts';
import { travelDaysFrom } from './common.ts';
import { daysBetween } from '../calendar.ts';

/**
 * A random layout over a random scenario: parties' homes drawn from a few venues (several
 * parties at one venue, or each at its own), one to three envoys starting anywhere, travel
 * of 0–3 days on a chain or a star.
 */
const randomLayout = fc
  .record({
    scenario: randomScenario(4),
    venues: fc.integer({ min: 2, max: 5 }),
    homes: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    envoys: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    days: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
    star: fc.boolean(),
    calendar: fc.integer({ min: 10, max: 24 }),
  })
  .map(({ scenario, venues, homes, envoys, days, star, calendar }): Scenario => {
    const vs = Array.from({ length: venues }, (_, i) => ({ id: `v${i}`, name: `Venue ${i}`, lat: 40 + i, lon: 5 + 2 * i }));
    const travel = vs.slice(1).map((v, i) => ({ from: star ? 'v0' : `v${i}`, to: v.id, days: days[i]! }));
    return {
      ...scenario,
      calendar: { ...scenario.calendar, deadline: `2030-01-${String(1 + calendar).padStart(2, '0')}` },
      venues: vs,
      travel,
      parties: scenario.parties.map((p, i) => ({
        ...p,
        home: `v${homes[i % homes.length]! % venues}`,
        envoys: p.role === 'mediator' ? envoys.map((at, k) => ({ id: `e${k}`, name: `Envoy ${k}`, start: `v${at % venues}` })) : [],
      })),
    };
  });

describe('bots reach every party', () => {
  it('whenever a passing text exists and every party can be reached in time, the oracle reaches a deal', () => {
    let played = 0;
    fc.assert(
      fc.property(randomLayout, (scenario) => {
        if (!analyzeExact(scenario).feasible) return;
        // In time: one envoy could tour every venue (out and back on each leg) in half the calendar.
        const mediator = scenario.parties.find((p) => p.role === 'mediator')!;
        const from = travelDaysFrom(scenario, mediator.envoys[0]!.start!);
        const tour = scenario.venues.reduce((n, v) => n + 2 * (from.get(v.id) ?? Infinity), 0);
        if (tour > daysBetween(scenario.calendar.start, scenario.calendar.deadline) / 2) return;
        played++;
        const s = simulate(scenario, { bot: 'oracle', games: 1, seed: 7 });
        expect(s.deals).toBe(1);
      }),
      { numRuns: 60, seed: 12 },
    );
    expect(played).toBeGreaterThan(10);
  });
});
