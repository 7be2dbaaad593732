/**
 * The reference the exact search is tested against: every final text enumerated and judged
 * with the engine's own evaluation. Only for small scenarios.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { crossedRedLines, utilityOf } from '../engine/evaluate.ts';
import { passes, ruleOf } from '../engine/ratification.ts';
import type { PlanText } from '../engine/text.ts';
import type { Condition } from './conflict.ts';

export interface BruteResult {
  outcomes: number;
  feasibleCount: number;
  maximin: number | null;
  nash: number | null;
  /** Fewest points changed from the first start to reach a passing text. */
  closest: number | null;
}

/** Every final text of the scenario, one at a time. */
function* texts(scenario: Scenario): Generator<PlanText> {
  const choices = scenario.points.map((p) => [...p.options.map((o) => o.id), ...(p.omittable ? [OMIT] : [])]);
  const total = choices.reduce((n, c) => n * c.length, 1);
  const index = choices.map(() => 0);
  for (let n = 0; n < total; n++) {
    const text: Record<string, { option: string; deferred: boolean }> = {};
    scenario.points.forEach((p, i) => (text[p.id] = { option: choices[i]![index[i]!]!, deferred: false }));
    yield text as PlanText;
    for (let i = 0; i < index.length; i++) {
      index[i]! += 1;
      if (index[i]! < choices[i]!.length) break;
      index[i] = 0;
    }
  }
}

/**
 * Does some text meet every one of these conditions (in the sense of `explainInfeasible`), and
 * no others? Read straight off the conditions, for testing the conflict search.
 */
export function bruteFeasibleWith(scenario: Scenario, conditions: readonly Condition[]): boolean {
  const lineOn = (kind: 'redLine' | 'blocking', party: string, line: string) => conditions.some((c) => c.kind === kind && c.party === party && c.line === line);
  const required = conditions.flatMap((c) => (c.kind === 'signature' ? [c.party] : []));
  const atLeast = conditions.reduce((n, c) => (c.kind === 'atLeast' ? c.count : n), 0);
  const holders = scenario.parties.filter((p) => p.role === 'consulted' && p.holds.length > 0);
  for (const t of texts(scenario)) {
    if (holders.some((h) => crossedRedLines(h, t).some((l) => lineOn('blocking', h.id, l.id)))) continue;
    const accepting = ruleOf(scenario).signatories.filter((id) => {
      const party = scenario.parties.find((p) => p.id === id)!;
      const walkAway = conditions.some((c) => c.kind === 'walkAway' && c.party === id);
      if (walkAway && utilityOf(party, t).utility < party.reservation - 1e-9) return false;
      return !crossedRedLines(party, t).some((l) => lineOn('redLine', id, l.id));
    });
    if (required.every((id) => accepting.includes(id)) && accepting.length >= atLeast) return true;
  }
  return false;
}

export function bruteForce(scenario: Scenario): BruteResult {
  const rule = ruleOf(scenario);
  const holders = scenario.parties.filter((p) => p.role === 'consulted' && p.holds.length > 0);
  let outcomes = 0;
  let feasibleCount = 0;
  let maximin: number | null = null;
  let nash: number | null = null;
  let closest: number | null = null;
  const start = scenario.starts[0]!.text;
  for (const t of texts(scenario)) {
    outcomes++;
    const blocked = holders.some((h) => crossedRedLines(h, t).some((l) => l.when.some((c) => h.holds.includes(c.point))));
    const accepting = new Set<string>();
    const margins: number[] = [];
    for (const id of rule.signatories) {
      const party = scenario.parties.find((p) => p.id === id)!;
      const margin = utilityOf(party, t).utility - party.reservation;
      if (margin >= -1e-9 && crossedRedLines(party, t).length === 0) {
        accepting.add(id);
        margins.push(margin);
      }
    }
    if (!blocked && passes(rule, accepting)) {
      feasibleCount++;
      const mm = Math.min(...margins);
      const np = margins.reduce((a, m) => a * Math.max(0, m), 1);
      if (maximin === null || mm > maximin) maximin = mm;
      if (nash === null || np > nash) nash = np;
      const changes = scenario.points.filter((p) => t[p.id]!.option !== (start[p.id] ?? OMIT)).length;
      if (closest === null || changes < closest) closest = changes;
    }
  }
  return { outcomes, feasibleCount, maximin, nash, closest };
}
