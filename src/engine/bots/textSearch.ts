/**
 * Improving a text one point at a time against a score: the search both the `mediator`
 * (on estimates) and the `oracle` (on the truth) use. Pure.
 */
import type { Scenario } from '../../scenario/schema.ts';
import { compact, type PlanText } from '../text.ts';
import { optionsOf } from './common.ts';

/**
 * A text's score for a search. `floor` is the score a candidate must beat to be taken: a score
 * that cannot beat it need not be worked out exactly, so a score may stop early and return any
 * number at or below `floor` once it knows the text's score is at or below it (the search then
 * takes the same texts as with exact scores).
 */
export type TextScore = (t: PlanText, floor: number) => number;

/**
 * Coordinate ascent from `text`: for each point the envoys can settle, take the option that
 * most raises `score`; repeat until nothing improves. Deferred points stay as they are.
 */
export function improveText(scenario: Scenario, text: PlanText, score: TextScore, passes = 4): PlanText {
  let current = text;
  let best = score(current, -Infinity);
  // Candidates are copies of the current text: copied from an ordinary object (see `compact`).
  const fastText = compact(text);
  // Each point's options, listed once for every pass.
  const options = scenario.points.map((point) => optionsOf(scenario, point.id));
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (const [i, point] of scenario.points.entries()) {
      const clause = current[point.id];
      if (!clause || clause.deferred) continue;
      for (const option of options[i]!) {
        if (option === clause.option) continue;
        const candidate: Record<string, PlanText[string]> = { ...(current === text ? fastText : current) };
        candidate[point.id] = { option, deferred: false };
        const s = score(candidate, best + 1e-9);
        if (s > best + 1e-9) {
          best = s;
          current = candidate;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return current;
}

/** The changes that turn one text into another, as a package. */
export function diff(from: PlanText, to: PlanText): { point: string; option: string }[] {
  return Object.keys(to)
    .filter((p) => !to[p]!.deferred && from[p]?.option !== to[p]!.option)
    .map((p) => ({ point: p, option: to[p]!.option }));
}
