/**
 * The summit condition and what leaders settle. Pure, given a way to judge texts.
 * Leaders meet only when the deal is final or nearly so: at most `maxOpenPoints` points open,
 * where a point is open when it is deferred to the leaders, when it crosses a required party's
 * red line, or when a required party still asks for it to change.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Party, Point, Scenario } from '../scenario/schema.ts';
import { crossedRedLines, crossesLine, leaderThreshold, objectionsOf, type Change, type Evaluation } from './evaluate.ts';
import { passes, required, ruleOf } from './ratification.ts';
import { compact, type PlanText } from './text.ts';

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
  /** Set when `openPoints` stopped early (its `enough` was met): the points and parties so far, not all of them. */
  partial?: true;
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

/** Whose view decides whether a point is open, per scenario (searches ask about many texts of one scenario). */
const askedOf = new WeakMap<Scenario, { id: string; party: Party | undefined; name: string }[]>();
function asked(scenario: Scenario) {
  let list = askedOf.get(scenario);
  if (!list) {
    list = [...required(ruleOf(scenario)), ...holders(scenario)].map((id) => {
      const party = scenario.parties.find((p) => p.id === id);
      return { id, party, name: party?.name ?? id };
    });
    askedOf.set(scenario, list);
  }
  return list;
}

/**
 * How many points are open and how many parties too far apart, so far: a search that needs only
 * to know whether these reach some count can stop asking (both only grow as more parties are asked).
 */
export type EnoughOpen = (points: number, farApart: number) => boolean;

/**
 * The open points of a text. With `enough`, asking stops as soon as it says the points and
 * parties found so far are enough, and the answer is marked `partial`. Pure.
 */
export function openPoints(scenario: Scenario, text: PlanText, judge: Judge, counter: Counter, absent: ReadonlySet<string>, enough?: EnoughOpen): OpenPoints {
  const reasons: Record<string, string[]> = {};
  let count = 0;
  const add = (point: string, why: string) => {
    const list = reasons[point];
    if (list) list.push(why);
    else {
      reasons[point] = [why];
      count++;
    }
  };
  for (const point in text) if (text[point]!.deferred) add(point, 'deferred to the leaders');
  const farApart: string[] = [];
  for (const { id, party, name } of asked(scenario)) {
    if (enough?.(count, farApart.length)) return { points: Object.keys(reasons), reasons, farApart, partial: true };
    if (absent.has(id)) {
      // A consulted party that has left can no longer be asked; its red lines still stand.
      if (party?.role !== 'consulted') {
        farApart.push(id);
        continue;
      }
    }
    if (party) for (const line of party.redLines) {
      if (!crossesLine(line, text) || (party.role === 'consulted' && !line.when.some((c) => party.holds.includes(c.point)))) continue;
      for (const c of line.when) add(c.point, `${name}: red line — ${line.reason}`);
    }
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
  const fastBase = compact(base);

  // A settlement is worth its smallest margin, and only one worth more than the best so far is
  // kept: once a party accepts with a margin at or below `beat`, the rest need not be judged.
  const assess = (candidate: PlanText, beat = -Infinity): SummitResult | null => {
    const accepting = new Set<string>();
    const margins: Record<string, number> = {};
    for (const id of rule.signatories) {
      if (absent.has(id)) continue;
      const ev = judge(id, candidate);
      if (ev.redLines.length === 0 && ev.utility >= leaderThreshold(ev, leaderFlex) - 1e-9) {
        if (ev.margin <= beat) return null;
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
  // The best one's worth, kept rather than worked out again for every candidate.
  let bestWorth = worth(best);
  if (total <= EXHAUSTIVE_LIMIT) {
    const index = choices.map(() => 0);
    for (let n = 0; n < total; n++) {
      const candidate = { ...fastBase };
      open.forEach((p, i) => (candidate[p] = { option: choices[i]![index[i]!]!, deferred: false }));
      const r = assess(candidate, bestWorth);
      const w = worth(r);
      if (w > bestWorth) {
        best = r;
        bestWorth = w;
      }
      for (let i = 0; i < index.length; i++) {
        index[i]! += 1;
        if (index[i]! < choices[i]!.length) break;
        index[i] = 0;
      }
    }
    return best;
  }
  // Too many combinations: improve one point at a time from the current text.
  const current = { ...fastBase };
  best = assess(current);
  bestWorth = worth(best);
  for (let round = 0; round < 3; round++) {
    open.forEach((p, i) => {
      for (const option of choices[i]!) {
        const candidate = { ...current, [p]: { option, deferred: false } };
        const r = assess(candidate, bestWorth);
        const w = worth(r);
        if (w > bestWorth) {
          best = r;
          bestWorth = w;
          current[p] = { option, deferred: false };
        }
      }
    });
  }
  return best;
}

// ---- the played summit: leaders answer proposals in rounds -------------------------------------

/** How a leader answers a proposal at the summit. */
export type LeaderReply = 'accept' | 'demand' | 'reject' | 'walkout';

export interface LeaderAnswer {
  party: string;
  reply: LeaderReply;
  /** A last demand: "we sign if these points move so" (empty unless `reply` is `demand`). */
  demand: Change[];
  /** The leader's reasons, in words (no hidden numbers). */
  reasons: string[];
  /** Red lines it cites (said at the table: every seat learns them). */
  redLines: string[];
  by: 'machine' | 'person';
}

/** A party's preferred option on a point: the one it values most (ties: the first listed). Pure. */
export function preferredOption(party: Party, point: Point): string | null {
  if (!(party.weights[point.id]! > 0)) return null;
  const row = party.values[point.id] ?? {};
  const options = [...point.options.map((o) => o.id), ...(point.omittable ? [OMIT] : [])];
  let best: string | null = null;
  let value = -Infinity;
  for (const o of options) {
    const v = row[o] ?? (o === OMIT ? 50 : 0);
    if (v > value + 1e-9) {
      best = o;
      value = v;
    }
  }
  return best;
}

function optionsOf(point: Point): string[] {
  return [...point.options.map((o) => o.id), ...(point.omittable ? [OMIT] : [])];
}

/**
 * The smallest change on the open points that satisfies `ok`: a single change if one does (the one
 * the leader values least, so it asks for no more than it needs), else a pair. Null when none. Pure.
 */
export function smallestDemand(
  scenario: Scenario,
  text: PlanText,
  open: readonly string[],
  ok: (t: PlanText) => boolean,
  value: (t: PlanText) => number,
): Change[] | null {
  const set = (t: PlanText, point: string, option: string): PlanText => ({ ...t, [point]: { option, deferred: false } });
  const moves: Change[] = [];
  for (const id of open) {
    const point = scenario.points.find((p) => p.id === id);
    if (!point) continue;
    for (const option of optionsOf(point)) if (text[id]?.option !== option) moves.push({ point: id, option });
  }
  let best: { changes: Change[]; value: number } | null = null;
  for (const m of moves) {
    const t = set(text, m.point, m.option);
    if (ok(t) && (!best || value(t) < best.value - 1e-9)) best = { changes: [m], value: value(t) };
  }
  if (best) return best.changes;
  for (let i = 0; i < moves.length; i++) {
    for (let j = i + 1; j < moves.length; j++) {
      const a = moves[i]!;
      const b = moves[j]!;
      if (a.point === b.point) continue;
      const t = set(set(text, a.point, a.option), b.point, b.option);
      if (ok(t) && (!best || value(t) < best.value - 1e-9)) best = { changes: [a, b], value: value(t) };
    }
  }
  return best?.changes ?? null;
}

/** Whether a leader signs a text at the summit: no red line crossed, value at its leader-level threshold. Pure. */
export function leaderSigns(ev: Judgement, leaderFlex: number): boolean {
  return ev.redLines.length === 0 && ev.utility >= leaderThreshold(ev, leaderFlex) - 1e-9;
}

export interface LeaderContext {
  scenario: Scenario;
  party: Party;
  /** The leader's judgement of any text now. */
  judge: (text: PlanText) => Evaluation;
  leaderFlex: number;
  open: readonly string[];
  /** Whether it has already made its last demand at this summit. */
  demanded: boolean;
  /** Its value of the last proposal it refused here, or null. */
  lastRefused: number | null;
}

const title = (scenario: Scenario, id: string) => `“${scenario.points.find((p) => p.id === id)?.title ?? id}”`;
const label = (scenario: Scenario, point: string, option: string) =>
  option === OMIT ? 'dropped' : `‘${scenario.points.find((p) => p.id === point)?.options.find((o) => o.id === option)?.label ?? option}’`;

/** Words for a demand: “Territory” → ‘…’, and “X” → ‘…’. */
export function demandWords(scenario: Scenario, changes: readonly Change[]): string {
  return changes.map((c) => `${title(scenario, c.point)} moves to ${label(scenario, c.point, c.option)}`).join(' and ');
}

/**
 * A leader's answer to a proposal, as its machine gives it. It signs what clears its red lines and
 * its leader-level demand. Otherwise: offered nothing better than a proposal it already refused, it
 * walks out; else, once, it makes a last demand (the smallest change on the open points that would
 * make it sign), and after that it refuses, saying why. A consulted party that holds points only guards its red lines on them, and never walks
 * out. Pure.
 */
export function machineLeaderAnswer(lc: LeaderContext, text: PlanText): LeaderAnswer {
  const { scenario, party } = lc;
  const base = { party: party.id, demand: [] as Change[], by: 'machine' as const, redLines: [] as string[] };
  if (party.role === 'consulted') {
    const lines = blockingLines(scenario, party.id, text);
    if (lines.length === 0) return { ...base, reply: 'accept', reasons: ['Nothing it holds is crossed.'] };
    const demand = smallestDemand(scenario, text, lc.open, (t) => blockingLines(scenario, party.id, t).length === 0, () => 0);
    return {
      ...base,
      reply: demand && !lc.demanded ? 'demand' : 'reject',
      demand: demand && !lc.demanded ? demand : [],
      reasons: lines.map((l) => `Red line: ${l.reason}`),
      redLines: lines.map((l) => l.id),
    };
  }
  const ev = lc.judge(text);
  if (leaderSigns(ev, lc.leaderFlex)) {
    const liked = [...ev.contributions].filter((c) => lc.open.includes(c.point) && c.pull > 0).sort((a, b) => b.pull - a.pull)[0];
    return { ...base, reply: 'accept', reasons: [liked ? `It can sign: ${title(scenario, liked.point)} reads as it can live with.` : 'It can sign this text.'] };
  }
  const cited = { redLines: ev.redLines.map((l) => l.id) };
  const reasons = ev.redLines.length > 0
    ? ev.redLines.map((l) => `Red line: ${l.reason}`)
    : [`The text gives it too little${objectionsOf(ev).length > 0 ? `; it objects most to ${objectionsOf(ev).map((c) => title(scenario, c.point)).join(' and ')}` : ''}.`];
  if (lc.lastRefused !== null && ev.utility <= lc.lastRefused + 1e-9) {
    return { ...base, ...cited, reply: 'walkout', reasons: [...reasons, 'It is offered nothing better than what it already refused; it leaves the summit.'] };
  }
  if (lc.demanded) return { ...base, ...cited, reply: 'reject', reasons: [...reasons, 'It has made its last demand; this is still not enough.'] };
  const demand = smallestDemand(scenario, text, lc.open, (t) => leaderSigns(lc.judge(t), lc.leaderFlex), (t) => lc.judge(t).utility);
  if (demand) return { ...base, ...cited, reply: 'demand', demand, reasons: [...reasons, `It signs if ${demandWords(scenario, demand)}.`] };
  return { ...base, ...cited, reply: 'reject', reasons: [...reasons, 'Nothing on the open points would bring it to sign.'] };
}
