/**
 * A scenario compiled for exact search: every point's choices (options, and "omit" where the
 * point may be dropped), each party's utility as a sum of per-point contributions, red lines
 * as lists of (point, choice) indices, and the ratification rule. Pure.
 *
 * A final text decides every point (nothing is deferred), so a party's utility
 * Σ w·v / Σ w is a sum over points of w·v / Σ w: separable, which is what makes bounds cheap.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { ruleOf } from '../engine/ratification.ts';

export interface Model {
  pointIds: string[];
  /** choices[i] = the option ids of point i ("omit" last when it may be dropped). */
  choices: string[][];
  /** Parties whose signature counts, in rule order. */
  parties: string[];
  /** contribution[p][i][c]: what choice c of point i adds to party p's utility. */
  contribution: number[][][];
  /** Utility of a party that weighs nothing (constant). */
  constant: number[];
  reservation: number[];
  /** redLines[p] = the party's red lines as (point, choice) pairs. */
  redLines: [number, number][][][];
  /** Red lines of consulted parties on points they hold: never crossed by a passing text. */
  blocking: [number, number][][];
  vetoes: number[];
  atLeast: number;
  unanimous: boolean;
}

export function compile(scenario: Scenario): Model {
  const rule = ruleOf(scenario);
  const pointIds = scenario.points.map((p) => p.id);
  const choices = scenario.points.map((p) => [...p.options.map((o) => o.id), ...(p.omittable ? [OMIT] : [])]);
  const index = new Map(pointIds.map((id, i) => [id, i]));
  const choiceIndex = (i: number, option: string) => choices[i]!.indexOf(option);
  const toPairs = (when: { point: string; option: string }[]): [number, number][] | null => {
    const out: [number, number][] = [];
    for (const c of when) {
      const i = index.get(c.point);
      if (i === undefined) return null;
      const k = choiceIndex(i, c.option);
      // A condition on a choice that cannot occur (e.g. "omit" on a point that cannot be dropped) never holds.
      if (k < 0) return null;
      out.push([i, k]);
    }
    return out;
  };
  const parties = [...rule.signatories];
  const contribution: number[][][] = [];
  const constant: number[] = [];
  const reservation: number[] = [];
  const redLines: [number, number][][][] = [];
  for (const id of parties) {
    const party = scenario.parties.find((p) => p.id === id)!;
    const weighted = Object.entries(party.weights).filter(([pid, w]) => w > 0 && index.has(pid));
    const total = weighted.reduce((s, [, w]) => s + w, 0);
    const rows = choices.map((cs) => cs.map(() => 0));
    for (const [pid, w] of weighted) {
      const i = index.get(pid)!;
      rows[i] = choices[i]!.map((option) => (w * (party.values[pid]?.[option] ?? (option === OMIT ? 50 : 0))) / total);
    }
    contribution.push(rows);
    constant.push(total > 0 ? 0 : 50);
    reservation.push(party.reservation);
    redLines.push(party.redLines.map((l) => toPairs(l.when)).filter((l): l is [number, number][] => l !== null));
  }
  const blocking: [number, number][][] = [];
  for (const party of scenario.parties) {
    if (party.role !== 'consulted' || party.holds.length === 0) continue;
    for (const line of party.redLines) {
      if (!line.when.some((c) => party.holds.includes(c.point))) continue;
      const pairs = toPairs(line.when);
      if (pairs) blocking.push(pairs);
    }
  }
  const vetoes = rule.vetoes.map((id) => parties.indexOf(id)).filter((i) => i >= 0);
  return {
    pointIds,
    choices,
    parties,
    contribution,
    constant,
    reservation,
    redLines,
    blocking,
    vetoes,
    atLeast: rule.atLeast,
    unanimous: rule.atLeast >= parties.length,
  };
}

/** Number of final texts: the product of every point's choices (a float: it can exceed 2^53). */
export function outcomes(model: Model): number {
  return model.choices.reduce((n, c) => n * c.length, 1);
}

/** Utility of a full text (choice index per point) for party p. */
export function utilityAt(model: Model, p: number, text: readonly number[]): number {
  let u = model.constant[p]!;
  const rows = model.contribution[p]!;
  for (let i = 0; i < text.length; i++) u += rows[i]![text[i]!]!;
  return u;
}

const crosses = (line: readonly [number, number][], text: readonly number[]) => line.every(([i, c]) => text[i] === c);

/** Which parties accept a full text, and whether the rule passes. Pure; the reference the search must match. */
export function judgeText(model: Model, text: readonly number[]): { accepting: number[]; margins: number[]; passes: boolean } {
  const accepting: number[] = [];
  const margins: number[] = [];
  for (let p = 0; p < model.parties.length; p++) {
    const margin = utilityAt(model, p, text) - model.reservation[p]!;
    margins.push(margin);
    if (margin >= -EPS && !model.redLines[p]!.some((l) => crosses(l, text))) accepting.push(p);
  }
  const blocked = model.blocking.some((l) => crosses(l, text));
  const passes = !blocked && model.vetoes.every((v) => accepting.includes(v)) && accepting.length >= model.atLeast;
  return { accepting, margins, passes };
}

/** Tolerance for "at or above the reservation", against floating-point rounding. */
export const EPS = 1e-9;
