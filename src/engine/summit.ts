/**
 * The summit condition and what leaders settle. Pure, given a way to judge texts.
 * Leaders meet only when the deal is final or nearly so: at most `maxOpenPoints` points open,
 * where a point is open when it is deferred to the leaders, when it crosses a required party's
 * red line, or when a required party still asks for it to change.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { crossedRedLines, leaderThreshold, type Change, type Evaluation } from './evaluate.ts';
import { passes, required, ruleOf } from './ratification.ts';
import type { PlanText } from './text.ts';

/** What the summit rules read of a judgement: an `Evaluation`, or the numbers alone (`quickJudgeNow`). */
export type Judgement = Pick<Evaluation, 'utility' | 'gap' | 'threshold' | 'reservation' | 'margin'> & { redLines: { readonly length: number } };
export type Judge = (partyId: string, text: PlanText) => Judgement;
export type Counter = (partyId: string, text: PlanText) => Change[] | null;

export interface OpenPoints {
  points: string[];
  /** Why each point is open, for the player. */
  reasons: Record<string, string[]>;
  /** Required parties too far from the text for any small change to satisfy. */
  farApart: string[];
}

/** Parties whose red lines matter for ratification: required signatories, and consulted parties on what they hold. */
function blockingLines(scenario: Scenario, partyId: string, text: PlanText) {
  const party = scenario.parties.find((p) => p.id === partyId);
  if (!party) return [];
  const lines = crossedRedLines(party, text);
  return party.role === 'consulted' ? lines.filter((l) => l.when.some((c) => party.holds.includes(c.point))) : lines;
}

export function holders(scenario: Scenario): string[] {
  return scenario.parties.filter((p) => p.role === 'consulted' && p.holds.length > 0).map((p) => p.id);
}

/** The open points of a text. Pure. */
export function openPoints(scenario: Scenario, text: PlanText, judge: Judge, counter: Counter, absent: ReadonlySet<string>): OpenPoints {
  const reasons: Record<string, string[]> = {};
  const add = (point: string, why: string) => (reasons[point] ??= []).push(why);
  for (const [point, clause] of Object.entries(text)) if (clause.deferred) add(point, 'deferred to the leaders');
  const farApart: string[] = [];
  for (const id of [...required(ruleOf(scenario)), ...holders(scenario)]) {
    const name = scenario.parties.find((p) => p.id === id)?.name ?? id;
    if (absent.has(id)) {
      // A consulted party that has left can no longer be asked; its red lines still stand.
      if (scenario.parties.find((p) => p.id === id)?.role !== 'consulted') {
        farApart.push(id);
        continue;
      }
    }
    for (const line of blockingLines(scenario, id, text)) for (const c of line.when) add(c.point, `${name}: red line — ${line.reason}`);
    const party = scenario.parties.find((p) => p.id === id);
    if (party?.role === 'consulted') continue;
    const ev = judge(id, text);
    if (ev.redLines.length === 0 && ev.gap < 0) {
      const changes = counter(id, text);
      if (changes === null) farApart.push(id);
      else for (const c of changes) add(c.point, `${name} asks for a change`);
    }
  }
  return { points: Object.keys(reasons), reasons, farApart };
}

export interface SummitResult {
  text: PlanText;
  signers: string[];
  /** Leader-level margin of each party that signs (utility − reservation). */
  margins: Record<string, number>;
}

/** Largest number of texts a summit examines exhaustively; beyond it leaders improve one point at a time. */
const EXHAUSTIVE_LIMIT = 50_000;

/**
 * What the leaders can agree on: every open point is settled (deferred points undeferred),
 * choosing the options for which the ratification rule passes at leader level with the
 * largest smallest margin. Null when no settlement passes. Pure.
 */
export function settleAtSummit(scenario: Scenario, text: PlanText, open: readonly string[], judge: Judge, leaderFlex: number, absent: ReadonlySet<string>): SummitResult | null {
  const rule = ruleOf(scenario);
  const holderIds = holders(scenario);
  const choices = open.map((pointId) => {
    const point = scenario.points.find((p) => p.id === pointId)!;
    return [...point.options.map((o) => o.id), ...(point.omittable ? [OMIT] : [])];
  });
  const base: Record<string, { option: string; deferred: boolean }> = {};
  for (const [p, c] of Object.entries(text)) base[p] = { option: c.option, deferred: false };

  const assess = (candidate: PlanText): SummitResult | null => {
    const accepting = new Set<string>();
    const margins: Record<string, number> = {};
    for (const id of rule.signatories) {
      if (absent.has(id)) continue;
      const ev = judge(id, candidate);
      if (ev.redLines.length === 0 && ev.utility >= leaderThreshold(ev, leaderFlex) - 1e-9) {
        accepting.add(id);
        margins[id] = ev.margin;
      }
    }
    if (holderIds.some((h) => blockingLines(scenario, h, candidate).length > 0)) return null;
    if (!passes(rule, accepting)) return null;
    return { text: candidate, signers: [...accepting], margins };
  };
  const worth = (r: SummitResult | null) => (r ? Math.min(...Object.values(r.margins)) : -Infinity);

  const total = choices.reduce((n, c) => n * c.length, 1);
  let best: SummitResult | null = null;
  if (total <= EXHAUSTIVE_LIMIT) {
    const index = choices.map(() => 0);
    for (let n = 0; n < total; n++) {
      const candidate = { ...base };
      open.forEach((p, i) => (candidate[p] = { option: choices[i]![index[i]!]!, deferred: false }));
      const r = assess(candidate);
      if (worth(r) > worth(best)) best = r;
      for (let i = 0; i < index.length; i++) {
        index[i]! += 1;
        if (index[i]! < choices[i]!.length) break;
        index[i] = 0;
      }
    }
    return best;
  }
  // Too many combinations: improve one point at a time from the current text.
  const current = { ...base };
  best = assess(current);
  for (let round = 0; round < 3; round++) {
    open.forEach((p, i) => {
      for (const option of choices[i]!) {
        const candidate = { ...current, [p]: { option, deferred: false } };
        const r = assess(candidate);
        if (worth(r) > worth(best)) {
          best = r;
          current[p] = { option, deferred: false };
        }
      }
    });
  }
  return best;
}
