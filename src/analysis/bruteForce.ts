/**
 * The reference the exact search is tested against: every final text enumerated and judged
 * with the engine's own evaluation. Only for small scenarios.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { crossedRedLines, utilityOf } from '../engine/evaluate.ts';
import { passes, ruleOf } from '../engine/ratification.ts';
import type { PlanText } from '../engine/text.ts';

export interface BruteResult {
  outcomes: number;
  feasibleCount: number;
  maximin: number | null;
  nash: number | null;
  /** Fewest points changed from the first start to reach a passing text. */
  closest: number | null;
}

export function bruteForce(scenario: Scenario): BruteResult {
  const rule = ruleOf(scenario);
  const choices = scenario.points.map((p) => [...p.options.map((o) => o.id), ...(p.omittable ? [OMIT] : [])]);
  const total = choices.reduce((n, c) => n * c.length, 1);
  const holders = scenario.parties.filter((p) => p.role === 'consulted' && p.holds.length > 0);
  let feasibleCount = 0;
  let maximin: number | null = null;
  let nash: number | null = null;
  let closest: number | null = null;
  const start = scenario.starts[0]!.text;
  const index = choices.map(() => 0);
  for (let n = 0; n < total; n++) {
    const text: Record<string, { option: string; deferred: boolean }> = {};
    scenario.points.forEach((p, i) => (text[p.id] = { option: choices[i]![index[i]!]!, deferred: false }));
    const t = text as PlanText;
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
      const changes = scenario.points.filter((p) => text[p.id]!.option !== (start[p.id] ?? OMIT)).length;
      if (closest === null || changes < closest) closest = changes;
    }
    for (let i = 0; i < index.length; i++) {
      index[i]! += 1;
      if (index[i]! < choices[i]!.length) break;
      index[i] = 0;
    }
  }
  return { outcomes: total, feasibleCount, maximin, nash, closest };
}
