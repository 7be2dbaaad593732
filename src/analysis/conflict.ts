/**
 * Why a scenario cannot be won: a minimal set of conditions — walk-away levels, red lines,
 * consulted parties' blocking lines, signature rules — that together exclude every final text,
 * found by a deletion filter; and each signatory's best reachable value against its walk-away.
 *
 * Every condition only ever narrows the set of passing texts, so dropping conditions can only
 * make a scenario feasible: the deletion filter (drop each condition in turn; keep it dropped
 * while the rest stay infeasible) ends with a set that is itself infeasible and where dropping
 * any one member makes it feasible. Pure and deterministic.
 */
import type { Scenario } from '../scenario/schema.ts';
import { compile, type Model } from './model.ts';
import { bestText, searchBest, type SearchStats } from './search.ts';

export type Clause = { point: string; option: string };

/** One condition a text must meet to pass. */
export type Condition =
  | { kind: 'walkAway'; party: string; reservation: number }
  | { kind: 'redLine'; party: string; line: string; when: Clause[] }
  | { kind: 'blocking'; party: string; line: string; when: Clause[] }
  | { kind: 'signature'; party: string }
  | { kind: 'atLeast'; count: number; of: number };

export interface PartyReach {
  party: string;
  /** The most the party can get from any text that crosses none of its red lines (and no blocking line); null if none exists. */
  best: number | null;
  walkAway: number;
}

export interface Conflict {
  /**
   * A set of conditions that no text meets together: minimal (dropping any one lets a text
   * pass) when `minimal`; otherwise the work budget ran out before every condition was tried,
   * and some of these may not be needed.
   */
  conditions: Condition[];
  minimal: boolean;
  /** Each signatory's best reachable value against its walk-away. */
  reach: PartyReach[];
  /** Feasibility checks the deletion filter ran. */
  checks: number;
  /** Search nodes those checks visited (what the work budget counts). */
  nodes: number;
}

/** A condition tied to the model's indices, so it can be switched off. */
interface Bound {
  condition: Condition;
  party: number;
  pairs: [number, number][];
}

function conditionsOf(scenario: Scenario, model: Model): Bound[] {
  const out: Bound[] = [];
  const pairsOf = (when: Clause[]): [number, number][] | null => {
    const pairs: [number, number][] = [];
    for (const c of when) {
      const i = model.pointIds.indexOf(c.point);
      const k = i < 0 ? -1 : model.choices[i]!.indexOf(c.option);
      if (k < 0) return null;
      pairs.push([i, k]);
    }
    return pairs;
  };
  model.parties.forEach((id, p) => {
    const party = scenario.parties.find((x) => x.id === id)!;
    for (const line of party.redLines) {
      const when = line.when.map((c) => ({ point: c.point, option: c.option }));
      const pairs = pairsOf(when);
      if (pairs) out.push({ condition: { kind: 'redLine', party: id, line: line.id, when }, party: p, pairs });
    }
  });
  for (const party of scenario.parties) {
    if (party.role !== 'consulted' || party.holds.length === 0) continue;
    for (const line of party.redLines) {
      if (!line.when.some((c) => party.holds.includes(c.point))) continue;
      const when = line.when.map((c) => ({ point: c.point, option: c.option }));
      const pairs = pairsOf(when);
      if (pairs) out.push({ condition: { kind: 'blocking', party: party.id, line: line.id, when }, party: -1, pairs });
    }
  }
  model.parties.forEach((id, p) => out.push({ condition: { kind: 'walkAway', party: id, reservation: model.reservation[p]! }, party: p, pairs: [] }));
  if (model.atLeast >= model.parties.length) {
    model.parties.forEach((id, p) => out.push({ condition: { kind: 'signature', party: id }, party: p, pairs: [] }));
  } else {
    model.vetoes.forEach((p) => out.push({ condition: { kind: 'signature', party: model.parties[p]! }, party: p, pairs: [] }));
    if (model.atLeast > 0) out.push({ condition: { kind: 'atLeast', count: model.atLeast, of: model.parties.length }, party: -1, pairs: [] });
  }
  return out;
}

/** Below every utility the party can have: a walk-away that never binds. */
function floorOf(model: Model, p: number): number {
  let u = model.constant[p]!;
  for (const row of model.contribution[p]!) u += Math.min(...row);
  return u - 1;
}

/** The model with only the active conditions. */
function relax(model: Model, all: readonly Bound[], active: readonly boolean[]): Model {
  const on = (b: Bound, i: number) => active[i];
  const reservation = model.parties.map((_, p) => floorOf(model, p));
  const redLines: [number, number][][][] = model.parties.map(() => []);
  const blocking: [number, number][][] = [];
  const signatures: number[] = [];
  let atLeast = 0;
  const unanimous = model.atLeast >= model.parties.length;
  all.forEach((b, i) => {
    if (!on(b, i)) return;
    const c = b.condition;
    if (c.kind === 'walkAway') reservation[b.party] = c.reservation;
    else if (c.kind === 'redLine') redLines[b.party]!.push(b.pairs);
    else if (c.kind === 'blocking') blocking.push(b.pairs);
    else if (c.kind === 'signature') signatures.push(b.party);
    else atLeast = c.count;
  });
  // Under unanimity a party whose signature is not required is out of the deal altogether: keeping
  // the relaxed model unanimous over the others keeps the search's strong bound for unanimity.
  if (unanimous && signatures.length > 0) return onlyParties({ ...model, reservation, redLines, blocking }, signatures);
  // The search needs at least one signature to judge a text by; it changes nothing, since a
  // scenario with no walk-away and no red line in force has every party accept every text.
  atLeast = Math.max(1, atLeast, signatures.length);
  return { ...model, reservation, redLines, blocking, vetoes: signatures, atLeast, unanimous: atLeast >= model.parties.length };
}

/** The model over some of its parties only, all of whom must sign. */
function onlyParties(model: Model, keep: readonly number[]): Model {
  const pick = <T>(xs: readonly T[]) => keep.map((p) => xs[p]!);
  return {
    ...model,
    parties: pick(model.parties),
    contribution: pick(model.contribution),
    constant: pick(model.constant),
    reservation: pick(model.reservation),
    redLines: pick(model.redLines),
    vetoes: keep.map((_, i) => i),
    atLeast: keep.length,
    unanimous: true,
  };
}

/** Does some text pass? Null when the work budget ran out first. */
function feasible(model: Model, stats: SearchStats, maxWork: number): boolean | null {
  const r = searchBest(model, 'maximin', { stats, firstOnly: true, maxWork });
  return r.best ? true : r.exact ? false : null;
}

/** The most party p can get from a text that crosses none of its red lines nor a blocking line. */
function bestFor(model: Model, p: number): number | null {
  const floor = floorOf(model, p);
  const single: Model = {
    ...model,
    parties: [model.parties[p]!],
    contribution: [model.contribution[p]!],
    constant: [model.constant[p]!],
    reservation: [floor],
    redLines: [model.redLines[p]!],
    vetoes: [0],
    atLeast: 1,
    unanimous: true,
  };
  const best = bestText(single, 'maximin');
  return best ? Math.round((best.value + floor) * 1000) / 1000 : null;
}

/** Each signatory's best reachable value against its walk-away. */
export function reachOf(scenario: Scenario, model: Model = compile(scenario)): PartyReach[] {
  return model.parties.map((party, p) => ({ party, best: bestFor(model, p), walkAway: model.reservation[p]! }));
}

/**
 * Why no text passes: a conflicting set of conditions, or null when some text passes (or when
 * the work budget ran out before that was settled). Each check is the analyser's own exhaustive
 * search, all of them within `maxWork` nodes together (unlimited when absent): a check the
 * budget cut short keeps its condition, so the set always excludes every text, and is marked
 * not minimal.
 */
export function explainInfeasible(scenario: Scenario, model: Model = compile(scenario), maxWork = Infinity): Conflict | null {
  const all = conditionsOf(scenario, model);
  const active = all.map(() => true);
  const stats: SearchStats = { nodes: 0 };
  const left = () => Math.max(0, maxWork - stats.nodes);
  let checks = 1;
  if (feasible(relax(model, all, active), stats, left()) !== false) return null;
  let minimal = true;
  for (let i = 0; i < all.length; i++) {
    // Budget spent: the conditions not yet tried stay in (the set still excludes every text).
    if (left() === 0) {
      minimal = false;
      break;
    }
    active[i] = false;
    checks++;
    const passes = feasible(relax(model, all, active), stats, left());
    if (passes !== false) active[i] = true;
    if (passes === null) minimal = false;
  }
  return { conditions: all.filter((_, i) => active[i]).map((b) => b.condition), minimal, reach: reachOf(scenario, model), checks, nodes: stats.nodes };
}

/** A condition in words, naming parties by name and options by label. */
export function describeCondition(c: Condition, scenario: Scenario): string {
  const name = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const clause = (w: Clause) => {
    const point = scenario.points.find((p) => p.id === w.point);
    const option = w.option === 'omit' ? 'dropped' : point?.options.find((o) => o.id === w.option)?.label ?? w.option;
    return `${point?.title ?? w.point}: ${option}`;
  };
  switch (c.kind) {
    case 'walkAway':
      return `${name(c.party)}'s walk-away: it signs no text worth less than ${c.reservation} to it`;
    case 'redLine':
      return `${name(c.party)}'s red line "${c.line}": never signs ${c.when.map(clause).join(' with ')}`;
    case 'blocking':
      return `${name(c.party)} (consulted) blocks any text with ${c.when.map(clause).join(' with ')} (red line "${c.line}")`;
    case 'signature':
      return `${name(c.party)}'s signature is required`;
    case 'atLeast':
      return `at least ${c.count} of the ${c.of} signatories must sign`;
  }
}
