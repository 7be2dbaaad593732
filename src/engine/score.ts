/**
 * The score of a deal (design §4): days taken, points in the final text, each signatory's
 * margin above its reservation, durability (the smallest margin) and balance (the Nash
 * product of the margins). Pure.
 */
import type { Scenario } from '../scenario/schema.ts';
import { utilityOf } from './evaluate.ts';
import { pointsInText, type PlanText } from './text.ts';

export interface Score {
  days: number;
  points: number;
  margins: Record<string, number>;
  durability: number;
  balance: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Score of a final text signed by `signers` after `days` days. */
export function scoreDeal(scenario: Scenario, text: PlanText, signers: readonly string[], days: number): Score {
  const margins: Record<string, number> = {};
  for (const id of signers) {
    const party = scenario.parties.find((p) => p.id === id);
    if (!party) continue;
    margins[id] = round(utilityOf(party, text).utility - party.reservation);
  }
  const list = Object.values(margins);
  const durability = list.length > 0 ? Math.min(...list) : 0;
  const balance = list.reduce((acc, m) => acc * Math.max(0, m), 1);
  return { days, points: pointsInText(text), margins, durability: round(durability), balance: round(balance) };
}

/**
 * Balance on the margins' own scale: the geometric mean of the margins (the n-th root of the
 * Nash product), so three margins of 20, 27 and 26 read as 24.12 instead of 14040. Like the
 * product it falls to 0 when any party gains nothing. Pure.
 */
export function readableBalance(margins: Record<string, number>): number {
  const list = Object.values(margins);
  if (list.length === 0) return 0;
  const product = list.reduce((acc, m) => acc * Math.max(0, m), 1);
  return round(product ** (1 / list.length));
}
