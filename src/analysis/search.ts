/**
 * Exact search over every final text by branch and bound. Utilities are separable, so for
 * each party the best and worst it can still get from the undecided points are precomputed
 * suffix sums; for unanimity, weighted sums of parties' margins (Lagrangian multipliers found
 * once at the root) give much tighter bounds for the maximin and the Nash product. Red lines
 * are checked as soon as their last point is decided. Pure and deterministic.
 */
import { EPS, judgeText, type Model } from './model.ts';

export type Objective = 'maximin' | 'nash';

export interface Best {
  text: number[];
  margins: number[];
  accepting: number[];
  value: number;
}

export interface SearchStats {
  nodes: number;
}

interface Prepared {
  model: Model;
  order: number[];
  /** maxRem[p][d], minRem[p][d]: best and worst party p can still get from positions d.. */
  maxRem: Float64Array[];
  minRem: Float64Array[];
  /** For each position, the red lines (party, line) whose last point is decided there. */
  linesAt: { party: number; line: [number, number][] }[][];
  blockingAt: [number, number][][][];
  /** Lines still to be checked after each position, for the counting shortcut. */
  pendingAfter: { party: number; line: [number, number][] }[][];
  pendingBlockingAfter: [number, number][][][];
  /** Remaining texts after position d: product of choices. */
  remaining: Float64Array;
  /**
   * forbidden[i][c]: choice c of point i alone makes every text fail (a one-condition blocking
   * line, or under unanimity a one-condition red line of a signatory). Bounds skip it.
   */
  forbidden: boolean[][];
  n: number;
}

function prepare(model: Model): Prepared {
  const n = model.parties.length;
  const P = model.pointIds.length;
  // Most contested points first: the ones where parties' best and worst differ most.
  const spread = model.choices.map((cs, i) => {
    let s = 0;
    for (let p = 0; p < n; p++) {
      const row = model.contribution[p]![i]!;
      s = Math.max(s, Math.max(...row) - Math.min(...row));
    }
    return s + (model.redLines.some((ls) => ls.some((l) => l.some(([j]) => j === i))) ? 1000 : 0) + cs.length * 1e-6;
  });
  const order = model.pointIds.map((_, i) => i).sort((a, b) => spread[b]! - spread[a]! || a - b);
  const position = new Array<number>(P);
  order.forEach((i, d) => (position[i] = d));
  const maxRem: Float64Array[] = [];
  const minRem: Float64Array[] = [];
  for (let p = 0; p < n; p++) {
    const mx = new Float64Array(P + 1);
    const mn = new Float64Array(P + 1);
    for (let d = P - 1; d >= 0; d--) {
      const row = model.contribution[p]![order[d]!]!;
      mx[d] = mx[d + 1]! + Math.max(...row);
      mn[d] = mn[d + 1]! + Math.min(...row);
    }
    maxRem.push(mx);
    minRem.push(mn);
  }
  const lastPosition = (line: [number, number][]) => Math.max(...line.map(([i]) => position[i]!));
  const linesAt: Prepared['linesAt'] = order.map(() => []);
  const blockingAt: Prepared['blockingAt'] = order.map(() => []);
  model.redLines.forEach((lines, party) => lines.forEach((line) => linesAt[lastPosition(line)]!.push({ party, line })));
  model.blocking.forEach((line) => blockingAt[lastPosition(line)]!.push(line));
  const pendingAfter: Prepared['pendingAfter'] = [];
  const pendingBlockingAfter: Prepared['pendingBlockingAfter'] = [];
  for (let d = 0; d <= P; d++) {
    pendingAfter.push(linesAt.slice(d).flat());
    pendingBlockingAfter.push(blockingAt.slice(d).flat());
  }
  const remaining = new Float64Array(P + 1);
  remaining[P] = 1;
  for (let d = P - 1; d >= 0; d--) remaining[d] = remaining[d + 1]! * model.choices[order[d]!]!.length;
  const forbidden = model.choices.map((cs) => cs.map(() => false));
  const single = [...model.blocking, ...(model.unanimous ? model.redLines.flat() : [])].filter((l) => l.length === 1);
  for (const [[i, c]] of single as [[number, number]][]) forbidden[i]![c] = true;
  return { model, order, maxRem, minRem, linesAt, blockingAt, pendingAfter, pendingBlockingAfter, remaining, forbidden, n };
}

/** A weighted sum of margins and its best completion from each position: Σλ·(margin) ≤ bound. */
interface Multiplier {
  lambda: Float64Array;
  suffix: Float64Array;
  /** Σ λ_p (constant_p − reservation_p) */
  offset: number;
}

function multiplier(pr: Prepared, lambda: Float64Array): Multiplier {
  const { model, order, n } = pr;
  const P = order.length;
  const suffix = new Float64Array(P + 1);
  for (let d = P - 1; d >= 0; d--) {
    const i = order[d]!;
    let best = -Infinity;
    for (let c = 0; c < model.choices[i]!.length; c++) {
      if (pr.forbidden[i]![c]) continue;
      let s = 0;
      for (let p = 0; p < n; p++) s += lambda[p]! * model.contribution[p]![i]![c]!;
      if (s > best) best = s;
    }
    // Every choice forbidden: no text passes from here; −∞ keeps the bound honest.
    suffix[d] = suffix[d + 1]! + best;
  }
  let offset = 0;
  for (let p = 0; p < n; p++) offset += lambda[p]! * (model.constant[p]! - model.reservation[p]!);
  return { lambda, suffix, offset };
}

/** Multipliers on the simplex that (nearly) minimise the root bound on the smallest margin. */
function rootMultipliers(pr: Prepared): Float64Array {
  const { n } = pr;
  let lambda = new Float64Array(n).fill(1 / n);
  let best = lambda;
  let bestBound = Infinity;
  for (let it = 0; it < 200; it++) {
    const m = multiplier(pr, lambda);
    const bound = m.offset + m.suffix[0]!;
    if (bound < bestBound) {
      bestBound = bound;
      best = lambda;
    }
    // Subgradient: each party's margin at the maximising text; shift weight toward the worst-off.
    const text = pr.order.map(() => 0);
    for (let d = 0; d < pr.order.length; d++) {
      const i = pr.order[d]!;
      let bc = 0;
      let bs = -Infinity;
      for (let c = 0; c < pr.model.choices[i]!.length; c++) {
        let s = 0;
        for (let p = 0; p < n; p++) s += lambda[p]! * pr.model.contribution[p]![i]![c]!;
        if (s > bs) {
          bs = s;
          bc = c;
        }
      }
      text[i] = bc;
    }
    const margins = Array.from({ length: n }, (_, p) => {
      let u = pr.model.constant[p]! - pr.model.reservation[p]!;
      for (let i = 0; i < text.length; i++) u += pr.model.contribution[p]![i]![text[i]!]!;
      return u;
    });
    const step = 0.5 / Math.sqrt(it + 1);
    const next = new Float64Array(n);
    let sum = 0;
    for (let p = 0; p < n; p++) {
      next[p] = lambda[p]! * Math.exp(-step * margins[p]! / 25);
      sum += next[p]!;
    }
    for (let p = 0; p < n; p++) next[p] = next[p]! / sum;
    lambda = next;
  }
  return best;
}

interface Walk {
  pr: Prepared;
  text: number[];
  sums: Float64Array;
  dead: Int32Array;
  stats: SearchStats;
}

function crossed(line: [number, number][], text: number[]): boolean {
  for (const [i, c] of line) if (text[i] !== c) return false;
  return true;
}

/** Assign position d to choice c; returns false when a blocking line is crossed. Undo with `unassign`. */
function assign(w: Walk, d: number, c: number): boolean {
  const i = w.pr.order[d]!;
  w.text[i] = c;
  for (let p = 0; p < w.pr.n; p++) w.sums[p]! += w.pr.model.contribution[p]![i]![c]!;
  for (const { party, line } of w.pr.linesAt[d]!) if (crossed(line, w.text)) w.dead[party]! += 1;
  for (const line of w.pr.blockingAt[d]!) if (crossed(line, w.text)) return false;
  return true;
}

function unassign(w: Walk, d: number, c: number): void {
  const i = w.pr.order[d]!;
  for (let p = 0; p < w.pr.n; p++) w.sums[p]! -= w.pr.model.contribution[p]![i]![c]!;
  for (const { party, line } of w.pr.linesAt[d]!) if (crossed(line, w.text)) w.dead[party]! -= 1;
  w.text[i] = -1;
}

/** Upper bound on each party's margin from here (−∞ once a red line is crossed). */
function potentials(w: Walk, d: number): Float64Array {
  const { model, maxRem, n } = w.pr;
  const pot = new Float64Array(n);
  for (let p = 0; p < n; p++) pot[p] = w.dead[p]! > 0 ? -Infinity : w.sums[p]! + model.constant[p]! + maxRem[p]![d]! - model.reservation[p]!;
  return pot;
}

/** Can the rule still pass, judged on the potentials alone? */
function canPass(model: Model, pot: Float64Array): boolean {
  for (const v of model.vetoes) if (pot[v]! < -EPS) return false;
  let possible = 0;
  for (let p = 0; p < pot.length; p++) if (pot[p]! >= -EPS) possible++;
  return possible >= model.atLeast;
}

function kthLargest(values: Float64Array, k: number): number {
  const sorted = Array.from(values).sort((a, b) => b - a);
  return sorted[k - 1] ?? -Infinity;
}

/** Count the texts that pass the rule. Exact. */
export function countPassing(model: Model, stats: SearchStats = { nodes: 0 }): number {
  const pr = prepare(model);
  const w: Walk = { pr, text: model.pointIds.map(() => -1), sums: new Float64Array(pr.n), dead: new Int32Array(pr.n), stats };
  const P = pr.order.length;
  const settled = (d: number): boolean | null => {
    // Every party's answer is fixed whatever the rest: safe (accepts), or out. Then the rule's result is too.
    const accepting: number[] = [];
    for (let p = 0; p < pr.n; p++) {
      if (w.dead[p]! > 0) continue;
      const lo = w.sums[p]! + model.constant[p]! + pr.minRem[p]![d]! - model.reservation[p]!;
      const hi = w.sums[p]! + model.constant[p]! + pr.maxRem[p]![d]! - model.reservation[p]!;
      if (hi < -EPS) continue;
      if (lo < -EPS) return null;
      for (const { party, line } of pr.pendingAfter[d]!) {
        if (party === p && line.every(([i, c]) => w.text[i] === -1 || w.text[i] === c)) return null;
      }
      accepting.push(p);
    }
    for (const line of pr.pendingBlockingAfter[d]!) if (line.every(([i, c]) => w.text[i] === -1 || w.text[i] === c)) return null;
    return model.vetoes.every((v) => accepting.includes(v)) && accepting.length >= model.atLeast;
  };
  const visit = (d: number): number => {
    stats.nodes++;
    if (!canPass(model, potentials(w, d))) return 0;
    if (d === P) return judgeText(model, w.text).passes ? 1 : 0;
    const fixed = settled(d);
    if (fixed !== null) return fixed ? pr.remaining[d]! : 0;
    let total = 0;
    const i = pr.order[d]!;
    for (let c = 0; c < model.choices[i]!.length; c++) {
      if (assign(w, d, c)) total += visit(d + 1);
      unassign(w, d, c);
    }
    return total;
  };
  return visit(0);
}

function objectiveOf(objective: Objective, model: Model, text: number[]): Best | null {
  const j = judgeText(model, text);
  if (!j.passes) return null;
  const ms = j.accepting.map((p) => j.margins[p]!);
  const value = objective === 'maximin' ? Math.min(...ms) : ms.reduce((a, m) => a * Math.max(0, m), 1);
  return { text: [...text], margins: j.margins, accepting: j.accepting, value };
}

/** A good first text: improve one point at a time on a smooth version of the objective. */
function incumbent(objective: Objective, model: Model, starts: number[][]): Best | null {
  let best: Best | null = null;
  const smooth = (text: number[]) => {
    const j = judgeText(model, text);
    let worst = Infinity;
    for (let p = 0; p < model.parties.length; p++) {
      const lines = model.redLines[p]!.filter((l) => l.every(([i, c]) => text[i] === c)).length;
      worst = Math.min(worst, j.margins[p]! - 100 * lines);
    }
    const penalty = 100 * model.blocking.filter((l) => l.every(([i, c]) => text[i] === c)).length;
    if (objective === 'maximin' || worst < 0) return worst - penalty;
    // Once every party is above its reservation, climb the Nash product (as a sum of logs).
    return 1000 + model.parties.reduce((s, _, p) => s + Math.log(Math.max(1e-9, j.margins[p]!)), 0) - penalty;
  };
  for (const start of starts) {
    const text = [...start];
    let current = smooth(text);
    for (let pass = 0; pass < 6; pass++) {
      let improved = false;
      for (let i = 0; i < text.length; i++) {
        const keep = text[i]!;
        for (let c = 0; c < model.choices[i]!.length; c++) {
          text[i] = c;
          const s = smooth(text);
          if (s > current + 1e-12) {
            current = s;
            improved = true;
          } else text[i] = keep;
          if (text[i] !== keep) break;
        }
      }
      if (!improved) break;
    }
    const found = objectiveOf(objective, model, text);
    if (found && (!best || found.value > best.value)) best = found;
  }
  return best;
}

/** The outcome of a search that may stop early: the best text found and what is proven about the best. */
export interface Bounded {
  best: Best | null;
  /**
   * Proven upper bound on the objective over every passing text: equal to `best.value` when the
   * search finished. When it stopped early, the true best lies in [best.value, upper] (and when no
   * text was found, a text may still pass if `upper` ≥ 0).
   */
  upper: number;
  /** True when the search finished: `best` is the best text (or null: no text passes). */
  exact: boolean;
}

export interface SearchOptions {
  /** Texts that seed the incumbent (e.g. the scenario's opening texts). */
  starts?: number[][];
  stats?: SearchStats;
  /** Return the first passing text found (a feasibility check), not the best. */
  firstOnly?: boolean;
  /**
   * Work budget (nodes visited plus bound refinements, each counted in nodes): past it the
   * search stops and returns the best text found with a proven bound. Deterministic, unlike a
   * clock. Unlimited when absent.
   */
  maxWork?: number;
}

/**
 * The passing text with the largest smallest margin (maximin) or the largest product of
 * margins (nash), over the parties that accept it. Exact; null when no text passes.
 * `starts` seed the incumbent (any texts, e.g. the scenario's opening texts). With `firstOnly`,
 * the first passing text found is returned (a feasibility check), not the best.
 */
export function bestText(model: Model, objective: Objective, starts: number[][] = [], stats: SearchStats = { nodes: 0 }, firstOnly = false): Best | null {
  return searchBest(model, objective, { starts, stats, firstOnly }).best;
}

/**
 * `bestText` within an optional work budget: exact when it finishes, otherwise the best text
 * found and a proven upper bound on the best (the largest bound of the branches left open).
 */
export function searchBest(model: Model, objective: Objective, options: SearchOptions = {}): Bounded {
  const { starts = [], stats = { nodes: 0 }, firstOnly = false, maxWork = Infinity } = options;
  const pr = prepare(model);
  const w: Walk = { pr, text: model.pointIds.map(() => -1), sums: new Float64Array(pr.n), dead: new Int32Array(pr.n), stats };
  const P = pr.order.length;
  const rootLambda = model.unanimous ? rootMultipliers(pr) : null;
  const lambdaText = rootLambda
    ? model.choices.map((cs, i) => {
        let bc = 0;
        let bs = -Infinity;
        cs.forEach((_, c) => {
          let s = 0;
          for (let p = 0; p < pr.n; p++) s += rootLambda[p]! * model.contribution[p]![i]![c]!;
          if (s > bs) {
            bs = s;
            bc = c;
          }
        });
        return bc;
      })
    : model.choices.map(() => 0);
  let best = incumbent(objective, model, [...starts, lambdaText]);
  if (firstOnly && best) return { best, upper: best.value, exact: true };
  if (objective === 'maximin' && model.unanimous && !firstOnly) return maximinUnanimous(pr, w, rootLambda!, best, maxWork);
  const multipliers: Multiplier[] = [];
  if (model.unanimous) {
    multipliers.push(multiplier(pr, rootLambda!));
    multipliers.push(multiplier(pr, new Float64Array(pr.n).fill(1 / pr.n)));
  }
  // At the Nash point the tangent weights are 1/margin, where the AM–GM bound is tight: keep
  // them following the best text found so far.
  const tangentSlot = multipliers.length;
  const retarget = () => {
    if (objective === 'nash' && model.unanimous && best) {
      multipliers[tangentSlot] = multiplier(pr, Float64Array.from(best.margins, (m) => 1 / Math.max(m, 0.5)));
    }
  };
  retarget();
  const n = pr.n;
  const upper = (d: number): number => {
    const pot = potentials(w, d);
    if (!canPass(model, pot)) return -Infinity;
    if (objective === 'maximin') {
      let ub = model.unanimous ? Math.min(...pot) : Math.min(kthLargest(pot, model.atLeast), ...model.vetoes.map((v) => pot[v]!));
      if (model.unanimous) {
        for (const m of multipliers) {
          let s = m.offset + m.suffix[d]!;
          for (let p = 0; p < n; p++) s += m.lambda[p]! * w.sums[p]!;
          // Σλ·margin ≥ min margin when λ is on the simplex.
          const norm = m.lambda.reduce((a, b) => a + b, 0);
          ub = Math.min(ub, s / norm);
        }
      }
      return ub;
    }
    if (!model.unanimous) {
      let ub = 1;
      for (let p = 0; p < n; p++) {
        const isVeto = model.vetoes.includes(p);
        ub *= isVeto ? Math.max(0, pot[p]!) : Math.max(1, pot[p]!);
      }
      return ub;
    }
    let ub = 1;
    for (let p = 0; p < n; p++) ub *= Math.max(0, pot[p]!);
    for (const m of multipliers) {
      let s = m.offset + m.suffix[d]!;
      for (let p = 0; p < n; p++) s += m.lambda[p]! * w.sums[p]!;
      // AM–GM: Π m_p ≤ (Σ λ_p m_p / n)^n / Π λ_p, for margins ≥ 0.
      if (s <= 0) return 0;
      let logB = n * Math.log(s / n);
      for (let p = 0; p < n; p++) logB -= Math.log(m.lambda[p]!);
      ub = Math.min(ub, Math.exp(logB));
    }
    return ub;
  };
  const better = (ub: number) => (best === null ? ub >= -EPS : ub > best.value + 1e-9 * Math.max(1, Math.abs(best.value)));
  let open = -Infinity;
  let work = 0;
  const visit = (d: number): void => {
    stats.nodes++;
    if (firstOnly && best) return;
    const ub = upper(d);
    if (!better(ub)) return;
    if (++work > maxWork) {
      open = Math.max(open, ub);
      return;
    }
    if (d === P) {
      const found = objectiveOf(objective, model, w.text);
      if (found && (!best || found.value > best.value + 1e-12)) {
        best = found;
        retarget();
      }
      return;
    }
    const i = pr.order[d]!;
    // Try the choices that look best for everyone first, so good texts are found early.
    const lambda = rootLambda ?? new Float64Array(n).fill(1);
    const ordered = model.choices[i]!.map((_, c) => c).sort((a, b) => {
      let sa = 0;
      let sb = 0;
      for (let p = 0; p < n; p++) {
        sa += lambda[p]! * model.contribution[p]![i]![a]!;
        sb += lambda[p]! * model.contribution[p]![i]![b]!;
      }
      return sb - sa || a - b;
    });
    for (const c of ordered) {
      if (assign(w, d, c)) visit(d + 1);
      unassign(w, d, c);
    }
  };
  visit(0);
  return settle(best, open);
}

/** Slack below which an upper bound does not beat a value: the same rounding allowance everywhere. */
const slack = (value: number) => 1e-9 * Math.max(1, Math.abs(value));

/** The answer of a search that left branches of upper bound at most `open` unexplored (−∞: none). */
function settle(best: Best | null, open: number): Bounded {
  const closed = best === null ? open < -EPS : open <= best.value + slack(best.value);
  if (closed) return { best, upper: best ? best.value : -Infinity, exact: true };
  return { best, upper: Math.max(open, best ? best.value : -Infinity), exact: false };
}

/** Euclidean projection of v onto the simplex {λ ≥ 0, Σλ = 1}, into `out`; `scratch` is as long as v. */
function projectSimplex(v: Float64Array, out: Float64Array, scratch: Float64Array): void {
  scratch.set(v);
  scratch.sort();
  let sum = 0;
  let theta = 0;
  for (let k = 0; k < scratch.length; k++) {
    const u = scratch[scratch.length - 1 - k]!;
    sum += u;
    const t = (sum - 1) / (k + 1);
    if (u - t > 0) theta = t;
  }
  for (let p = 0; p < v.length; p++) out[p] = Math.max(0, v[p]! - theta);
}

/** Bound refinements per node, and how many undecided points a node needs to be worth refining. */
const REFINE_STEPS = 4;
const REFINE_MIN_POINTS = 4;

/**
 * Maximin under unanimity: the same depth-first order as `searchBest`, with a stronger bound.
 * A text's smallest margin is at most any weighted mean of its margins, so for weights λ on the
 * simplex, max over completions of Σλ·margin bounds every completion (the Lagrangian dual of
 * the linear relaxation). The root's λ loses its grip deeper in the tree, so each node that
 * the cheap bounds do not cut re-fits λ to its own sub-problem by projected subgradient steps
 * (Polyak's step toward the best value known), starting from its parent's λ, and hands the
 * result down. Each step's maximising completion is also tried as a text: when it passes and
 * beats the best known value it becomes a floor for cutting, while the reported best stays
 * the first best text in search order (so ties resolve as the plain search resolves them).
 */
function maximinUnanimous(pr: Prepared, w: Walk, rootLambda: Float64Array, start: Best | null, maxWork: number): Bounded {
  const { model, order, n } = pr;
  const P = order.length;
  const stats = w.stats;
  let best = start;
  let floor: Best | null = null;
  let work = 0;
  let open = -Infinity;
  const base = Float64Array.from(model.constant, (c, p) => c - model.reservation[p]!);
  // Contributions by position, choice-major, and the choices worth trying (root-λ order, the forbidden left out).
  const U = order.map((i) => {
    const cs = model.choices[i]!.length;
    const row = new Float64Array(cs * n);
    for (let c = 0; c < cs; c++) for (let p = 0; p < n; p++) row[c * n + p] = model.contribution[p]![i]![c]!;
    return row;
  });
  const tryOrder = order.map((i, d) => {
    const score = (c: number) => {
      let s = 0;
      for (let p = 0; p < n; p++) s += rootLambda[p]! * U[d]![c * n + p]!;
      return s;
    };
    return model.choices[i]!.map((_, c) => c).filter((c) => !pr.forbidden[i]![c]).sort((a, b) => score(b) - score(a) || a - b);
  });
  const roots = [multiplier(pr, rootLambda), multiplier(pr, new Float64Array(n).fill(1 / n))];
  const margin = new Float64Array(n);
  const completion = new Int32Array(P);
  const cut = (ub: number): boolean => {
    if (ub < -EPS) return true;
    if (best !== null && ub <= best.value + slack(best.value)) return true;
    return floor !== null && ub < floor.value - slack(floor.value);
  };
  const weighted = (m: Multiplier, d: number): number => {
    let s = m.offset + m.suffix[d]!;
    let norm = 0;
    for (let p = 0; p < n; p++) {
      s += m.lambda[p]! * w.sums[p]!;
      norm += m.lambda[p]!;
    }
    return s / norm;
  };
  /** Σλ·margin maximised over the completions from position d, with the maximising completion in `completion` and its margins in `margin`. */
  const relax = (lambda: Float64Array, d: number, suffix: Float64Array | null): number => {
    let total = 0;
    let norm = 0;
    for (let p = 0; p < n; p++) {
      margin[p] = base[p]! + w.sums[p]!;
      total += lambda[p]! * margin[p]!;
      norm += lambda[p]!;
    }
    if (suffix) suffix[P] = 0;
    for (let e = P - 1; e >= d; e--) {
      const row = U[e]!;
      let bc = -1;
      let bs = -Infinity;
      for (const c of tryOrder[e]!) {
        let s = 0;
        for (let p = 0; p < n; p++) s += lambda[p]! * row[c * n + p]!;
        if (s > bs) {
          bs = s;
          bc = c;
        }
      }
      if (bc < 0) return -Infinity;
      completion[e] = bc;
      total += bs;
      if (suffix) suffix[e] = suffix[e + 1]! + bs;
      for (let p = 0; p < n; p++) margin[p]! += row[bc * n + p]!;
    }
    return total / norm;
  };
  // Per depth: the refitted multiplier handed to the children (its arrays reused, as a node's
  // multiplier is only read below it while it is on the stack), and scratch for the steps.
  const mine = order.map((): Multiplier => ({ lambda: new Float64Array(n), suffix: new Float64Array(P + 1), offset: 0 }));
  const lambda = new Float64Array(n);
  const moved = new Float64Array(n);
  const scratch = new Float64Array(n);
  /** Refit λ at position d from `from`; returns the bound, with the multiplier for the children in `mine[d]` (unless cut). */
  const refine = (d: number, from: Float64Array, steps: number): number => {
    lambda.set(from);
    const kept = mine[d]!;
    kept.lambda.set(from);
    let bestUb = Infinity;
    for (let k = 0; k < steps; k++) {
      const ub = relax(lambda, d, null);
      work += Math.ceil(((P - d) * n) / 16);
      if (ub < bestUb) {
        bestUb = ub;
        kept.lambda.set(lambda);
      }
      if (ub === -Infinity) return ub;
      // The maximising completion is a text: keep it as a floor when it passes and does better.
      let low = Infinity;
      for (let p = 0; p < n; p++) low = Math.min(low, margin[p]!);
      const known = Math.max(best?.value ?? -EPS, floor?.value ?? -EPS);
      if (low > known + slack(known)) {
        const text = [...w.text];
        for (let e = d; e < P; e++) text[order[e]!] = completion[e]!;
        const found = objectiveOf('maximin', model, text);
        if (found && found.value > known) floor = found;
      }
      if (cut(bestUb)) return bestUb;
      const target = Math.max(best?.value ?? -EPS, floor?.value ?? -EPS);
      let mean = 0;
      for (let p = 0; p < n; p++) mean += margin[p]! / n;
      let norm2 = 0;
      for (let p = 0; p < n; p++) norm2 += (margin[p]! - mean) ** 2;
      if (norm2 < 1e-12) break;
      const step = Math.max(ub - target, 1e-3) / norm2;
      for (let p = 0; p < n; p++) moved[p] = lambda[p]! - step * margin[p]!;
      projectSimplex(moved, lambda, scratch);
    }
    relax(kept.lambda, d, kept.suffix);
    kept.offset = 0;
    for (let p = 0; p < n; p++) kept.offset += kept.lambda[p]! * base[p]!;
    return bestUb;
  };
  const visit = (d: number, inherited: Multiplier | null): void => {
    stats.nodes++;
    work++;
    let ub = Infinity;
    for (let p = 0; p < n; p++) {
      const pot = w.dead[p]! > 0 ? -Infinity : base[p]! + w.sums[p]! + pr.maxRem[p]![d]!;
      if (pot < ub) ub = pot;
    }
    for (const m of roots) ub = Math.min(ub, weighted(m, d));
    if (inherited) ub = Math.min(ub, weighted(inherited, d));
    if (cut(ub)) return;
    if (d === P) {
      const found = objectiveOf('maximin', model, w.text);
      if (found && (!best || found.value > best.value + 1e-12)) best = found;
      return;
    }
    if (work > maxWork) {
      // Out of budget: this branch stays open; tighten its bound once more so the gap is honest but small.
      open = Math.max(open, Math.min(ub, refine(d, inherited?.lambda ?? rootLambda, REFINE_STEPS * 2)));
      return;
    }
    let handed = inherited;
    if (P - d >= REFINE_MIN_POINTS) {
      if (cut(refine(d, inherited?.lambda ?? rootLambda, REFINE_STEPS))) return;
      handed = mine[d]!;
    }
    for (const c of tryOrder[d]!) {
      if (assign(w, d, c)) visit(d + 1, handed);
      unassign(w, d, c);
    }
  };
  visit(0, null);
  const found: Best | null = floor !== null && (best === null || (floor as Best).value > best.value + slack(best.value)) ? floor : best;
  return settle(found, open);
}

/**
 * Σλ·margin bound for completions that redraft at most r more points from `start`: from
 * position d, keep[d] is the weighted value of keeping every later point as drafted (a point
 * whose drafting is forbidden must change: counted in forced[d], at its best choice) and
 * top[d][r] the r largest gains from redrafting the others. Unanimity only.
 */
function keepingBound(pr: Prepared, lambda: Float64Array, start: readonly number[]) {
  const { model, order, n } = pr;
  const P = order.length;
  const weighted = (i: number, c: number) => {
    let s = 0;
    for (let p = 0; p < n; p++) s += lambda[p]! * model.contribution[p]![i]![c]!;
    return s;
  };
  const keep = new Float64Array(P + 1);
  const forced = new Int32Array(P + 1);
  const gains: number[] = [];
  const top: Float64Array[] = new Array<Float64Array>(P + 1);
  top[P] = new Float64Array(1);
  for (let d = P - 1; d >= 0; d--) {
    const i = order[d]!;
    let best = -Infinity;
    for (let c = 0; c < model.choices[i]!.length; c++) if (!pr.forbidden[i]![c]) best = Math.max(best, weighted(i, c));
    const kept = start[i]!;
    if (pr.forbidden[i]![kept]) {
      keep[d] = keep[d + 1]! + best;
      forced[d] = forced[d + 1]! + 1;
    } else {
      keep[d] = keep[d + 1]! + weighted(i, kept);
      forced[d] = forced[d + 1]!;
      gains.push(Math.max(0, best - weighted(i, kept)));
    }
    const sorted = [...gains].sort((a, b) => b - a);
    const row = new Float64Array(sorted.length + 1);
    for (let r = 0; r < sorted.length; r++) row[r + 1] = row[r]! + sorted[r]!;
    top[d] = row;
  }
  let offset = 0;
  for (let p = 0; p < n; p++) offset += lambda[p]! * (model.constant[p]! - model.reservation[p]!);
  return { lambda, keep, forced, top, offset };
}

/**
 * The passing text reached from `start` with the fewest points redrafted: exact, by iterative
 * deepening on the number of changes, each depth a branch and bound that keeps the start's
 * drafting wherever it can and cuts branches that can no longer pass. Its `value` is minus the
 * number of changes. Null when no text passes.
 */
export function closestText(model: Model, start: readonly number[], stats: SearchStats = { nodes: 0 }): Best | null {
  return nearestText(model, start, { stats }).best;
}

/**
 * `closestText` within an optional work budget (nodes). When the budget runs out at depth k,
 * every text with fewer than k changes has been ruled out: `atLeast` is k and `best` is null
 * (the caller may offer any passing text it knows as an upper bound).
 */
export function nearestText(model: Model, start: readonly number[], options: { stats?: SearchStats; maxWork?: number } = {}): { best: Best | null; atLeast: number; exact: boolean } {
  const { stats = { nodes: 0 }, maxWork = Infinity } = options;
  const pr = prepare(model);
  const w: Walk = { pr, text: model.pointIds.map(() => -1), sums: new Float64Array(pr.n), dead: new Int32Array(pr.n), stats };
  const P = pr.order.length;
  const lambdas = model.unanimous ? [rootMultipliers(pr), new Float64Array(pr.n).fill(1 / pr.n)] : [];
  const multipliers = lambdas.map((l) => multiplier(pr, l));
  const keeping = lambdas.map((l) => keepingBound(pr, l, start));
  const mayPass = (d: number, changes: number): boolean => {
    if (!canPass(model, potentials(w, d))) return false;
    for (const m of multipliers) {
      let s = m.offset + m.suffix[d]!;
      for (let p = 0; p < pr.n; p++) s += m.lambda[p]! * w.sums[p]!;
      if (s < -EPS) return false;
    }
    // With at most `changes` more points redrafted: keep the rest, redraft the ones that gain most.
    for (const k of keeping) {
      if (changes < k.forced[d]!) return false;
      let s = k.offset + k.keep[d]! + k.top[d]![Math.min(changes - k.forced[d]!, k.top[d]!.length - 1)]!;
      for (let p = 0; p < pr.n; p++) s += k.lambda[p]! * w.sums[p]!;
      if (s < -EPS) return false;
    }
    return true;
  };
  let found: Best | null = null;
  let work = 0;
  let stopped = false;
  const visit = (d: number, budget: number): void => {
    stats.nodes++;
    if (found || stopped || !mayPass(d, budget)) return;
    if (++work > maxWork) {
      stopped = true;
      return;
    }
    if (d === P) {
      const j = objectiveOf('maximin', model, w.text);
      if (j) found = j;
      return;
    }
    const i = pr.order[d]!;
    const keep = start[i]!;
    if (assign(w, d, keep)) visit(d + 1, budget);
    unassign(w, d, keep);
    if (budget === 0) return;
    for (let c = 0; c < model.choices[i]!.length && !found; c++) {
      if (c === keep) continue;
      if (assign(w, d, c)) visit(d + 1, budget - 1);
      unassign(w, d, c);
    }
  };
  let k = 0;
  for (; k <= P && !found && !stopped; k++) visit(0, k);
  if (!found) return stopped ? { best: null, atLeast: k - 1, exact: false } : { best: null, atLeast: P + 1, exact: true };
  const best: Best = found;
  const changes = best.text.filter((c, i) => c !== start[i]).length;
  return { best: { ...best, value: -changes }, atLeast: changes, exact: true };
}
