/**
 * How a party judges a text: pure functions, the maths behind every answer.
 * Utility is the weighted mean of the party's option values (0–100) over the points it weighs
 * that are settled in the text (deferred points are not yet settled). A text is acceptable when
 * it crosses none of the party's red lines and its utility reaches the party's threshold:
 * its current aspiration, lowered by trust, pressure and incentives, never below its reservation.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Concession, Party, Point, RedLine } from '../scenario/schema.ts';
import type { PlanText } from './text.ts';

/** The parts of a party that change during play. */
export interface PartyMood {
  trust: number;
  patience: number;
  /** Pressure applied and not yet worn off (decays each day). */
  pressure: number;
  /** Sum of incentive values granted to the party. */
  incentives: number;
  /** Shift of aspiration from events (negative = more willing). */
  shift: number;
}

export interface Contribution {
  point: string;
  option: string;
  weight: number;
  value: number;
  /** weight × (value − 50) / total weight: how far this point pulls the text up or down. */
  pull: number;
}

export interface Evaluation {
  party: string;
  utility: number;
  contributions: Contribution[];
  redLines: { id: string; reason: string }[];
  aspiration: number;
  modifiers: { trust: number; pressure: number; incentives: number };
  threshold: number;
  reservation: number;
  acceptable: boolean;
  /** utility − reservation: how much the party gains over walking away. */
  margin: number;
  /** utility − threshold: how far from acceptable now (≥ 0 means acceptable on value). */
  gap: number;
}

const BETA: Record<'boulware' | 'linear' | 'conceder', number> = { boulware: 0.3, linear: 1, conceder: 3 };

export function betaOf(c: Concession): number {
  return typeof c === 'string' ? BETA[c] : c.beta;
}

/**
 * Aspiration on a day: from opening toward reservation along the concession curve,
 * reaching the reservation at the deadline. Pure.
 */
export function aspiration(party: Party, day: number, totalDays: number, shift = 0): number {
  const t = totalDays <= 0 ? 1 : Math.min(1, Math.max(0, day / totalDays));
  const fall = Math.pow(t, 1 / betaOf(party.concession));
  const raw = party.opening - (party.opening - party.reservation) * fall + shift;
  return Math.min(100, Math.max(party.reservation, raw));
}

/** Does the text cross this red line? Deferred points are undecided and cross nothing. Pure. */
export function crossesLine(line: Pick<RedLine, 'when'>, text: PlanText): boolean {
  return line.when.every((c) => {
    const clause = text[c.point];
    return clause !== undefined && !clause.deferred && clause.option === c.option;
  });
}

/** Red lines the text crosses. Pure. */
export function crossedRedLines(party: Party, text: PlanText): RedLine[] {
  return party.redLines.filter((line) => crossesLine(line, text));
}

/** The points a party objects to most in a text it rejects: its two largest negative pulls. Pure. */
export function objectionsOf(evaluation: Evaluation): Contribution[] {
  return [...evaluation.contributions].sort((a, b) => a.pull - b.pull).slice(0, 2).filter((c) => c.pull < 0);
}

/** Weighted utility over settled, weighted points; the contributions explain it. Pure. */
export function utilityOf(party: Party, text: PlanText): { utility: number; contributions: Contribution[] } {
  let total = 0;
  let sum = 0;
  const parts: { point: string; option: string; weight: number; value: number }[] = [];
  for (const [point, weight] of Object.entries(party.weights)) {
    const clause = text[point];
    if (!clause || clause.deferred || weight <= 0) continue;
    const value = party.values[point]?.[clause.option] ?? (clause.option === OMIT ? 50 : 0);
    total += weight;
    sum += weight * value;
    parts.push({ point, option: clause.option, weight, value });
  }
  const utility = total > 0 ? sum / total : 50;
  const contributions = parts.map((p) => ({ ...p, pull: (p.weight * (p.value - 50)) / total }));
  return { utility, contributions };
}

export function modifiersOf(party: Party, mood: PartyMood) {
  return {
    trust: (mood.trust - 50) * 0.1,
    pressure: mood.pressure * party.sensitivity.pressure,
    incentives: mood.incentives * party.sensitivity.incentives,
  };
}

/** The full judgement of a text by a party, with its reasons. Pure. */
export function evaluate(party: Party, mood: PartyMood, text: PlanText, day: number, totalDays: number): Evaluation {
  const { utility, contributions } = utilityOf(party, text);
  const asp = party.role === 'mediator' ? party.reservation : aspiration(party, day, totalDays, mood.shift);
  const modifiers = party.role === 'mediator' ? { trust: 0, pressure: 0, incentives: 0 } : modifiersOf(party, mood);
  const threshold = Math.max(party.reservation, asp - modifiers.trust - modifiers.pressure - modifiers.incentives);
  const lines = crossedRedLines(party, text).map((l) => ({ id: l.id, reason: l.reason }));
  const gap = utility - threshold;
  return {
    party: party.id,
    utility,
    contributions,
    redLines: lines,
    aspiration: asp,
    modifiers,
    threshold,
    reservation: party.reservation,
    acceptable: lines.length === 0 && gap >= -1e-9,
    margin: utility - party.reservation,
    gap,
  };
}

/** A party's acceptance threshold now, exactly as `evaluate` computes it. Pure. */
export function thresholdOf(party: Party, mood: PartyMood, day: number, totalDays: number): number {
  const asp = party.role === 'mediator' ? party.reservation : aspiration(party, day, totalDays, mood.shift);
  const modifiers = party.role === 'mediator' ? { trust: 0, pressure: 0, incentives: 0 } : modifiersOf(party, mood);
  return Math.max(party.reservation, asp - modifiers.trust - modifiers.pressure - modifiers.incentives);
}

/**
 * The numbers of `evaluate` without its reasons, for search loops: utility (the same sums in the
 * same order, so the same bits), gap and the count of red lines crossed, for `text` with one
 * point optionally set to another option (no copy of the text is made). Pure.
 */
/** A party's weighed points in `weights` order, with their value rows: built once per party. */
const weighed = new WeakMap<Party, readonly (readonly [string, number, Readonly<Record<string, number>> | undefined])[]>();
function weighedPoints(party: Party) {
  let list = weighed.get(party);
  if (!list) {
    list = Object.entries(party.weights).filter(([, w]) => w > 0).map(([id, w]) => [id, w, party.values[id]] as const);
    weighed.set(party, list);
  }
  return list;
}

export function quickJudge(party: Party, threshold: number, text: PlanText, point?: string, option?: string): { utility: number; gap: number; lines: number; acceptable: boolean } {
  let total = 0;
  let sum = 0;
  for (const [id, weight, values] of weighedPoints(party)) {
    const clause = text[id];
    if (!clause || clause.deferred) continue;
    const chosen = id === point ? option! : clause.option;
    const value = values?.[chosen] ?? (chosen === OMIT ? 50 : 0);
    total += weight;
    sum += weight * value;
  }
  const utility = total > 0 ? sum / total : 50;
  const lines = crossingsAt(party.redLines, text, point, option);
  const gap = utility - threshold;
  return { utility, gap, lines, acceptable: lines === 0 && gap >= -1e-9 };
}

/**
 * `quickJudge(party, threshold, ·)` for the many texts of one search, which share most of their
 * clauses (the same objects) with the text judged before: a point's value is looked up again only
 * where its clause is new. The same additions in the same order: the same numbers, bit for bit.
 */
export function quickJudger(party: Party, threshold: number): (text: PlanText) => ReturnType<typeof quickJudge> {
  const list = weighedPoints(party);
  const clauses: (PlanText[string] | undefined)[] = list.map(() => undefined);
  const valueAt: number[] = list.map(() => 0);
  return (text) => {
    let total = 0;
    let sum = 0;
    for (let i = 0; i < list.length; i++) {
      const [id, weight, values] = list[i]!;
      const clause = text[id];
      if (!clause || clause.deferred) continue;
      let value: number;
      if (clauses[i] === clause) value = valueAt[i]!;
      else {
        value = values?.[clause.option] ?? (clause.option === OMIT ? 50 : 0);
        clauses[i] = clause;
        valueAt[i] = value;
      }
      total += weight;
      sum += weight * value;
    }
    const utility = total > 0 ? sum / total : 50;
    const lines = crossingsAt(party.redLines, text);
    const gap = utility - threshold;
    return { utility, gap, lines, acceptable: lines === 0 && gap >= -1e-9 };
  };
}

/** What `judgeChange` needs of a party, built once per party. */
interface ChangeIndex {
  /** Every weight and every option value is a whole number, so weighted sums are exact in any order. */
  exact: boolean;
  weight: ReadonlyMap<string, readonly [number, Readonly<Record<string, number>> | undefined]>;
  linesAt: ReadonlyMap<string, readonly RedLine[]>;
}
const changeIndexes = new WeakMap<Party, ChangeIndex>();
function changeIndex(party: Party): ChangeIndex {
  let index = changeIndexes.get(party);
  if (!index) {
    const list = weighedPoints(party);
    const exact = list.every(([, w, values]) => Number.isInteger(w) && Object.values(values ?? {}).every((v) => Number.isInteger(v)));
    const linesAt = new Map<string, RedLine[]>();
    for (const line of party.redLines) for (const point of new Set(line.when.map((c) => c.point))) (linesAt.get(point) ?? linesAt.set(point, []).get(point)!).push(line);
    index = { exact, weight: new Map(list.map(([id, w, values]) => [id, [w, values]] as const)), linesAt };
    changeIndexes.set(party, index);
  }
  return index;
}

function crossingsAt(lines: readonly RedLine[], text: PlanText, point?: string, option?: string): number {
  let n = 0;
  for (const line of lines) {
    let crosses = true;
    for (const c of line.when) {
      const clause = text[c.point];
      if (clause === undefined || clause.deferred || (c.point === point ? option : clause.option) !== c.option) {
        crosses = false;
        break;
      }
    }
    if (crosses) n++;
  }
  return n;
}

/**
 * `quickJudge(party, threshold, text, point, option)` for many single changes of one text: the
 * text is summed once and each change adjusts the sum by its one point, and recounts only the red
 * lines that name that point. The adjusted sum is the same number, bit for bit, as summing afresh
 * when every weight and value is a whole number (sums of whole numbers this small are exact in
 * any order); otherwise each change is judged afresh. Pure.
 */
export function judgeChange(party: Party, threshold: number, text: PlanText): (point: string, option: string) => ReturnType<typeof quickJudge> {
  const index = changeIndex(party);
  if (!index.exact) return (point, option) => quickJudge(party, threshold, text, point, option);
  let total = 0;
  let sum = 0;
  for (const [id, weight, values] of weighedPoints(party)) {
    const clause = text[id];
    if (!clause || clause.deferred) continue;
    total += weight;
    sum += weight * (values?.[clause.option] ?? (clause.option === OMIT ? 50 : 0));
  }
  const lines = crossingsAt(party.redLines, text);
  return (point, option) => {
    const clause = text[point];
    if (!clause || clause.deferred) return quickJudge(party, threshold, text, point, option);
    let s = sum;
    const weighed = index.weight.get(point);
    if (weighed) {
      const [weight, values] = weighed;
      s = s - weight * (values?.[clause.option] ?? (clause.option === OMIT ? 50 : 0)) + weight * (values?.[option] ?? (option === OMIT ? 50 : 0));
    }
    const utility = total > 0 ? s / total : 50;
    const at = index.linesAt.get(point);
    const crossed = at ? lines - crossingsAt(at, text) + crossingsAt(at, text, point, option) : lines;
    const gap = utility - threshold;
    return { utility, gap, lines: crossed, acceptable: crossed === 0 && gap >= -1e-9 };
  };
}

/** Leaders at a summit move part of the way from their envoys' aspiration toward their reservation. */
export function leaderThreshold(evaluation: Pick<Evaluation, 'threshold' | 'reservation'>, leaderFlex: number): number {
  return Math.max(evaluation.reservation, evaluation.threshold - leaderFlex * (evaluation.threshold - evaluation.reservation));
}

export interface Change {
  point: string;
  option: string;
}

/**
 * The smallest change that makes the text acceptable to the party: first a single
 * redraft (exact), else the smallest package of two or three (`smallestPackage`, exact). Among sufficient single changes the
 * one the party values least is proposed (it asks for no more than it needs).
 * Deferred points, leaders-only points and the party's own `leaderPoints` are left to the leaders. Returns null when no such change exists. Pure.
 */
export function counterProposal(
  party: Party,
  mood: PartyMood,
  text: PlanText,
  points: readonly Point[],
  day: number,
  totalDays: number,
): Change[] | null {
  // The same search as judging every candidate with `evaluate`, on the numbers alone (quickJudge,
  // adjusted per change by judgeChange): no reasons built and no text copied per candidate; the
  // outcome-identity test holds it to that.
  const threshold = thresholdOf(party, mood, day, totalDays);
  if (quickJudge(party, threshold, text).acceptable) return [];
  type Candidate = { change: Change; utility: number; score: number; acceptable: boolean };
  const candidates = (t: PlanText, skip: readonly Change[]): Candidate[] => {
    const out: Candidate[] = [];
    const judge = judgeChange(party, threshold, t);
    for (const point of points) {
      const clause = t[point.id];
      // Points the party settles only at leader level are not for its envoys to ask about.
      if (!clause || clause.deferred || point.leadersOnly || party.leaderPoints.includes(point.id)) continue;
      if (skip.some((ch) => ch.point === point.id)) continue;
      const options = point.options.map((o) => o.id);
      if (point.omittable) options.push(OMIT);
      for (const option of options) {
        if (option === clause.option) continue;
        const j = judge(point.id, option);
        out.push({ change: { point: point.id, option }, utility: j.utility, score: j.gap - 100 * j.lines, acceptable: j.acceptable });
      }
    }
    return out;
  };
  const single = candidates(text, []).filter((c) => c.acceptable);
  if (single.length > 0) {
    single.sort((a, b) => a.utility - b.utility || a.change.point.localeCompare(b.change.point));
    return [single[0]!.change];
  }
  return smallestPackage(party, threshold, text, points, PACKAGE_MAX, 2);
}

/** The most changes "what it would take" and a party's packages hold. */
export const PACKAGE_MAX = 3;

/** A change a party's envoys may ask for, with what it does to the party's weighted sum. */
interface Askable {
  change: Change;
  /** weight × (new value − current value): the change to the party's weighted sum. */
  delta: number;
}

/**
 * The changes a party's envoys may ask for on this text, per point in scenario order (options in
 * their order, then dropping): points in the text, not deferred, not for the leaders. Pure.
 */
export function askableChanges(party: Party, text: PlanText, points: readonly Point[]): Askable[][] {
  const out: Askable[][] = [];
  for (const point of points) {
    const clause = text[point.id];
    if (!clause || clause.deferred || point.leadersOnly || party.leaderPoints.includes(point.id)) continue;
    const weight = party.weights[point.id] ?? 0;
    const values = party.values[point.id];
    const valueOf = (o: string) => values?.[o] ?? (o === OMIT ? 50 : 0);
    const options = point.options.map((o) => o.id);
    if (point.omittable) options.push(OMIT);
    const row: Askable[] = [];
    for (const option of options) {
      if (option === clause.option) continue;
      row.push({ change: { point: point.id, option }, delta: weight > 0 ? weight * (valueOf(option) - valueOf(clause.option)) : 0 });
    }
    if (row.length > 0) out.push(row);
  }
  return out;
}

/** The text with the changes made (each point stays in or out of deferral as it was). Pure. */
export function withChanges(text: PlanText, changes: readonly Change[]): PlanText {
  const out: Record<string, PlanText[string]> = { ...text };
  for (const c of changes) out[c.point] = { option: c.option, deferred: false };
  return out;
}

/** The party's total weight over the settled points it weighs in the text. */
function settledWeight(party: Party, text: PlanText): number {
  let total = 0;
  for (const [id, weight] of weighedPoints(party)) {
    const clause = text[id];
    if (clause && !clause.deferred) total += weight;
  }
  return total;
}

/**
 * The smallest package (set of changes, at most one per point) that makes the text acceptable to
 * the party, searched exactly over every combination of `from`..`max` changes, smallest first.
 * Among packages of that size it asks for no more than it needs: the one it values least, then
 * by point ids. Only changes that raise its value, or touch a point of one of its red lines, can
 * belong to a smallest package (dropping any other change from an acceptable package leaves it
 * acceptable), so only those are searched, and a combination whose best possible value falls
 * short is cut. `[]` when the text is acceptable already; null when no package of up to `max`
 * changes would do. Deterministic. Pure.
 */
export function smallestPackage(party: Party, threshold: number, text: PlanText, points: readonly Point[], max = PACKAGE_MAX, from = 1): Change[] | null {
  if (quickJudge(party, threshold, text).acceptable) return [];
  const linePoints = new Set(party.redLines.flatMap((l) => l.when.map((c) => c.point)));
  const groups = askableChanges(party, text, points)
    .map((row) => row.filter((a) => a.delta > 0 || linePoints.has(a.change.point)))
    .filter((row) => row.length > 0);
  const total = settledWeight(party, text);
  const base = total > 0 ? quickJudge(party, threshold, text).utility * total : 0;
  // Σ delta must reach this (with room for rounding: the final judgement decides).
  const need = threshold * total - base - 1e-6 * Math.max(1, total);
  const best = groups.map((row) => Math.max(0, ...row.map((a) => a.delta)));
  // upTo[i][r]: the largest Σ of r best deltas among groups i.. (a bound for what is left).
  const sortedFrom = best.map((_, i) => best.slice(i).sort((a, b) => b - a));
  const bound = (i: number, r: number) => {
    const list = sortedFrom[i] ?? [];
    let s = 0;
    for (let j = 0; j < r && j < list.length; j++) s += list[j]!;
    return s;
  };
  for (let k = Math.max(1, from); k <= max; k++) {
    if (groups.length < k || bound(0, k) < need) continue;
    let found: { changes: Change[]; utility: number; key: string } | null = null;
    const chosen: Change[] = [];
    const visit = (start: number, sum: number) => {
      const left = k - chosen.length;
      if (left === 0) {
        if (sum < need) return;
        const j = quickJudge(party, threshold, withChanges(text, chosen));
        if (!j.acceptable) return;
        const key = chosen.map((c) => c.point).join(',');
        if (!found || j.utility < found.utility || (j.utility === found.utility && key.localeCompare(found.key) < 0)) found = { changes: [...chosen], utility: j.utility, key };
        return;
      }
      for (let i = start; i <= groups.length - left; i++) {
        if (sum + bound(i, left) < need) return;
        for (const a of groups[i]!) {
          chosen.push(a.change);
          visit(i + 1, sum + a.delta);
          chosen.pop();
        }
      }
    };
    visit(0, 0);
    if (found) return (found as { changes: Change[] }).changes;
  }
  return null;
}

/** How one change of a package reads to a party: it gains, gives way, is indifferent, or the text would cross its red line there. */
export interface PointReason {
  point: string;
  option: string;
  stance: 'gains' | 'loses' | 'same' | 'redLine';
  /** The red line's reason, when the change crosses one. */
  reason?: string;
}

/** A package judged point by point: what each change does for the party (the whole is judged by `evaluate`). Pure. */
export function packageReasons(party: Party, text: PlanText, changes: readonly Change[]): PointReason[] {
  const after = withChanges(text, changes);
  const crossed = crossedRedLines(party, after);
  return changes.map((c) => {
    const line = crossed.find((l) => l.when.some((w) => w.point === c.point));
    if (line) return { point: c.point, option: c.option, stance: 'redLine', reason: line.reason };
    const values = party.values[c.point];
    const valueOf = (o: string | undefined) => (o === undefined ? 0 : values?.[o] ?? (o === OMIT ? 50 : 0));
    const weight = party.weights[c.point] ?? 0;
    const d = weight > 0 ? valueOf(c.option) - valueOf(text[c.point]?.option) : 0;
    return { point: c.point, option: c.option, stance: d > 0 ? 'gains' : d < 0 ? 'loses' : 'same' };
  });
}

/** How much the other signatories together gain from a change (each one's weighted pull, summed). */
/** `totals`: each rival's `settledWeight` of the text, worked out once for all the changes asked about. */
function rivalGain(rivals: readonly Party[], totals: readonly number[], text: PlanText, change: Change): number {
  let g = 0;
  for (const [i, r] of rivals.entries()) {
    const total = totals[i]!;
    const weight = r.weights[change.point] ?? 0;
    if (total <= 0 || weight <= 0) continue;
    const values = r.values[change.point];
    const valueOf = (o: string | undefined) => (o === undefined ? 0 : values?.[o] ?? (o === OMIT ? 50 : 0));
    g += (weight * (valueOf(change.option) - valueOf(text[change.point]?.option))) / total;
  }
  return g;
}

/**
 * A linked counter: "we accept X on one point if another moves to Y". The party asks for a
 * change it gains on and pays for it with a change it loses on, where the others are known to
 * want it (their public positions: `rivals`, the other signatories), and the pair is acceptable
 * to it and crosses no one's red line. Of all such pairs, the one the others gain most from; it
 * is offered only when the others gain more from it than from the party's plain counter (`plain`).
 * Null when there is none. Deterministic. Pure.
 */
export function linkedPackage(
  party: Party,
  threshold: number,
  text: PlanText,
  points: readonly Point[],
  rivals: readonly Party[],
  plain: readonly Change[] | null,
): Change[] | null {
  if (quickJudge(party, threshold, text).acceptable || rivals.length === 0) return null;
  const all = askableChanges(party, text, points).flat();
  const totals = rivals.map((r) => settledWeight(r, text));
  const gains = all.filter((a) => a.delta > 0);
  const gives = all.filter((a) => a.delta < 0).map((a) => ({ ...a, rivals: rivalGain(rivals, totals, text, a.change) })).filter((a) => a.rivals > 0);
  if (gains.length === 0 || gives.length === 0) return null;
  const total = settledWeight(party, text);
  const need = threshold * total - quickJudge(party, threshold, text).utility * total - 1e-6 * Math.max(1, total);
  const plainGain = (plain ?? []).reduce((s, c) => s + rivalGain(rivals, totals, text, c), 0);
  let found: { changes: Change[]; others: number; utility: number } | null = null;
  for (const g of gains) {
    const gRivals = rivalGain(rivals, totals, text, g.change);
    for (const c of gives) {
      if (c.change.point === g.change.point || g.delta + c.delta < need) continue;
      const others = gRivals + c.rivals;
      if (others <= plainGain + 1e-9) continue;
      if (found && others < found.others) continue;
      const changes = [g.change, c.change];
      const after = withChanges(text, changes);
      const j = quickJudge(party, threshold, after);
      if (!j.acceptable) continue;
      if (rivals.some((r) => crossedRedLines(r, after).length > crossedRedLines(r, text).length)) continue;
      if (!found || others > found.others || j.utility < found.utility) found = { changes, others, utility: j.utility };
    }
  }
  return found ? found.changes : null;
}
