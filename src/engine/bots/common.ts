/**
 * What every bot needs: where the parties are, how to get envoys there, and estimates of
 * a party's value of a text from what the player knows. Pure.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Command } from '../commands.ts';
import { crossesLine } from '../evaluate.ts';
import { mid, type PartyKnowledge } from '../knowledge.ts';
import { required } from '../ratification.ts';
import type { PlanText } from '../text.ts';
import type { PlayerView } from '../view.ts';

/**
 * Signatories other than the mediator whose yes the envoys must win: all of them when every
 * signature is needed or a k-of-n vote must be gathered, veto holders first.
 */
export function counterparts(view: PlayerView): string[] {
  const vetoes = new Set(required(view.rule));
  const signatories = view.parties.filter((p) => p.role === 'signatory' && view.rule.signatories.includes(p.id));
  return [...signatories.filter((p) => vetoes.has(p.id)), ...signatories.filter((p) => !vetoes.has(p.id))].map((p) => p.id);
}

/** Each envoy's assigned party: envoys spread over the counterparts' venues, round robin. */
export function assignments(view: PlayerView): Record<string, string> {
  const targets = counterparts(view);
  const homes: string[] = [];
  const firstAt = new Map<string, string>();
  for (const id of targets) {
    const home = view.parties.find((p) => p.id === id)!.home;
    if (!firstAt.has(home)) {
      firstAt.set(home, id);
      homes.push(home);
    }
  }
  const out: Record<string, string> = {};
  view.envoys.forEach((e, i) => {
    if (homes.length > 0) out[e.id] = firstAt.get(homes[i % homes.length]!)!;
  });
  return out;
}

/**
 * What bots work out from a scenario's travel graph, by scenario (never changed once loaded): the
 * next hop between two venues and the days from a venue to every venue. Bots ask the same
 * questions at every step of every game.
 */
const travelMemo = new WeakMap<Scenario, { hops: Map<string, string | null>; days: Map<string, ReadonlyMap<string, number>> }>();

function travelOf(scenario: Scenario) {
  let memo = travelMemo.get(scenario);
  if (!memo) travelMemo.set(scenario, (memo = { hops: new Map(), days: new Map() }));
  return memo;
}

/** Next hop from one venue toward another over the travel graph (fewest days), or null. */
export function nextHop(scenario: Scenario, from: string, to: string): string | null {
  const hops = travelOf(scenario).hops;
  const key = `${from}\n${to}`;
  let hop = hops.get(key);
  if (hop === undefined) hops.set(key, (hop = findNextHop(scenario, from, to)));
  return hop;
}

function findNextHop(scenario: Scenario, from: string, to: string): string | null {
  if (from === to) return null;
  const dist = new Map<string, number>([[to, 0]]);
  const queue = [to];
  // Dijkstra from the destination backwards; graphs are small.
  while (queue.length > 0) {
    queue.sort((a, b) => dist.get(a)! - dist.get(b)!);
    const v = queue.shift()!;
    for (const r of scenario.travel) {
      const w = r.from === v ? r.to : r.to === v ? r.from : null;
      if (w === null) continue;
      const d = dist.get(v)! + Math.max(1, r.days);
      if (d < (dist.get(w) ?? Infinity)) {
        dist.set(w, d);
        queue.push(w);
      }
    }
  }
  let best: string | null = null;
  let bestD = Infinity;
  for (const r of scenario.travel) {
    const w = r.from === from ? r.to : r.to === from ? r.from : null;
    if (w === null) continue;
    const d = Math.max(1, r.days) + (dist.get(w) ?? Infinity);
    if (d < bestD) {
      best = w;
      bestD = d;
    }
  }
  return best;
}

/** Move an envoy one hop toward a venue, if it is free to travel. */
export function travelToward(view: PlayerView, scenario: Scenario, envoyId: string, venue: string): Command | null {
  const envoy = view.envoys.find((e) => e.id === envoyId);
  if (!envoy || envoy.to !== null || envoy.at === venue || envoy.actionsLeft <= 0) return null;
  const hop = nextHop(scenario, envoy.at, venue);
  return hop ? { type: 'envoy.travel', envoy: envoyId, to: hop } : null;
}

/** Estimated utility of a text for a party from what the player knows (range midpoints). */
export function estimateUtility(pk: PartyKnowledge, text: PlanText): number {
  return estimator(pk)(text);
}

/**
 * `estimateUtility` for one party's knowledge over many texts: the midpoints worked out once,
 * then the same sums in the same order (the same number, bit for bit).
 */
export function estimator(pk: PartyKnowledge): (text: PlanText) => number {
  const weight = new Map<string, number>();
  const value = new Map<string, Map<string, number>>();
  for (const [point, w] of Object.entries(pk.weights)) weight.set(point, mid(w));
  for (const [point, row] of Object.entries(pk.values)) value.set(point, new Map(Object.entries(row).map(([o, r]) => [o, mid(r)])));
  // Searches ask about texts that differ from the last one in a point or two, sharing the other
  // clauses (the same objects): each point's weight and value are looked up again only where its
  // clause is new. The sums are the same additions in the same order (the same number, bit for bit).
  const points: string[] = [];
  const clauses: PlanText[string][] = [];
  const weights: number[] = [];
  const values: number[] = [];
  return (text) => {
    let total = 0;
    let sum = 0;
    let i = 0;
    for (const point in text) {
      const clause = text[point]!;
      let w: number;
      let v: number;
      if (points[i] === point && clauses[i] === clause) {
        w = weights[i]!;
        v = values[i]!;
      } else {
        w = weight.get(point) ?? 50;
        v = value.get(point)?.get(clause.option) ?? (clause.option === OMIT ? 50 : 0);
        points[i] = point;
        clauses[i] = clause;
        weights[i] = w;
        values[i] = v;
      }
      i++;
      if (clause.deferred) continue;
      total += w;
      sum += w * v;
    }
    return total > 0 ? sum / total : 50;
  };
}

/** How many red lines the player knows of the text crosses, for the given parties. */
export function knownLinesCrossed(view: PlayerView, text: PlanText, parties: readonly string[]): number {
  let n = 0;
  for (const p of view.parties) {
    if (!parties.includes(p.id)) continue;
    for (const l of p.knownRedLines) {
      if (crossesLine(l, text)) n++;
    }
  }
  return n;
}

/** All option ids of a point, "omit" included when it may be dropped. */
export function optionsOf(scenario: Scenario, pointId: string): string[] {
  const point = scenario.points.find((p) => p.id === pointId);
  if (!point) return [];
  return [...point.options.map((o) => o.id), ...(point.omittable ? [OMIT] : [])];
}

/** Parties whose red lines a deal must respect: required signatories and consulted holders. */
export function guardians(view: PlayerView, scenario: Scenario): string[] {
  const holders = scenario.parties.filter((p) => p.role === 'consulted' && p.holds.length > 0).map((p) => p.id);
  return [...new Set([...required(view.rule), ...holders])];
}

/** Days of travel from a venue to every venue (each hop at least a day, as the bots travel). Shared: never mutate it. */
export function travelDaysFrom(scenario: Scenario, from: string): ReadonlyMap<string, number> {
  const days = travelOf(scenario).days;
  let dist = days.get(from);
  if (!dist) days.set(from, (dist = findTravelDays(scenario, from)));
  return dist;
}

function findTravelDays(scenario: Scenario, from: string): Map<string, number> {
  const dist = new Map<string, number>([[from, 0]]);
  const queue = [from];
  while (queue.length > 0) {
    queue.sort((a, b) => dist.get(a)! - dist.get(b)!);
    const v = queue.shift()!;
    for (const r of scenario.travel) {
      const w = r.from === v ? r.to : r.to === v ? r.from : null;
      if (w === null) continue;
      const d = dist.get(v)! + Math.max(1, r.days);
      if (d < (dist.get(w) ?? Infinity)) {
        dist.set(w, d);
        queue.push(w);
      }
    }
  }
  return dist;
}

/**
 * Where each envoy should be: the venues of the counterparts that still need an envoy
 * (`needs`), each covered by one envoy, every envoy going to the nearest venue not yet
 * covered. Works whatever the layout: several parties at one venue (one envoy serves them
 * all), more venues than envoys (envoys move on when a venue's parties need nothing more),
 * parties far from the envoys' start. An envoy with nowhere to go stays where it is. Pure.
 */
export function routes(view: PlayerView, scenario: Scenario, needs: (partyId: string) => boolean): Record<string, string> {
  const homeOf = new Map(view.parties.map((p) => [p.id, p.home]));
  const pending: string[] = [];
  for (const id of counterparts(view)) {
    const home = homeOf.get(id);
    if (home !== undefined && needs(id) && !pending.includes(home)) pending.push(home);
  }
  const out: Record<string, string> = {};
  const covered = new Set<string>();
  // An envoy already at (or on its way to) a venue that needs it keeps it.
  for (const e of view.envoys) {
    const at = e.to ?? e.at;
    if (pending.includes(at) && !covered.has(at)) {
      covered.add(at);
      out[e.id] = at;
    }
  }
  for (const e of view.envoys) {
    if (out[e.id] !== undefined) continue;
    const dist = travelDaysFrom(scenario, e.to ?? e.at);
    const open = pending.filter((v) => !covered.has(v)).sort((a, b) => (dist.get(a) ?? Infinity) - (dist.get(b) ?? Infinity));
    const target = open[0] ?? e.to ?? e.at;
    covered.add(target);
    out[e.id] = target;
  }
  // In the envoys' own order, whichever was placed first.
  return Object.fromEntries(view.envoys.map((e) => [e.id, out[e.id]!]));
}
