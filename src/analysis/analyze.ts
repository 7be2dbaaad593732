/**
 * The analyser: is any deal possible, how many texts pass, which are the best (most durable:
 * largest smallest margin; most balanced: largest Nash product), and how do the bots fare.
 * The exact parts are exhaustive in effect (branch and bound), not sampled.
 */
import type { Scenario } from '../scenario/schema.ts';
import { playedScenario } from '../scenario/gameLength.ts';
import { simulate } from '../engine/simulate.ts';
import type { Difficulty } from '../engine/knowledge.ts';
import { compile, outcomes as countOutcomes, type Model } from './model.ts';
import { countPassing, nearestText, searchBest, type Best, type Bounded } from './search.ts';
import { explainInfeasible, type Conflict } from './conflict.ts';

/** Largest space counted exactly, in texts. */
export const COUNT_LIMIT = 10_000_000;

/**
 * Work budget of each best-deal search (nodes, plus bound refinements counted in nodes; the
 * nearest-deal search gets a third of it, its nodes being cheaper): far above what every shipped
 * scenario needs (Geneva: under 20,000) and about twice what the most durable deal of the 60-point,
 * 8-party bench scenario needs, so those answers are exact; past it a search stops and its answer
 * is reported as bounded (best found, proven bound), a few seconds on a 2-core machine.
 */
export const EXACT_WORK = 6_000_000;

export interface DealReport {
  /** Point id → option id, or null when the point is dropped. */
  text: Record<string, string | null>;
  /** Margin above reservation of every signatory (negative: it does not accept). */
  margins: Record<string, number>;
  /** Signatories that accept the text. */
  accepting: string[];
  value: number;
  /** False when the search stopped at its budget: this is the best text found, not proven best. */
  exact: boolean;
  /**
   * When not exact: proven upper bound on `value` over every passing text (the best lies
   * between `value` and `atMost`). Null when exact.
   */
  atMost: number | null;
}

export interface BotReport {
  games: number;
  deals: number;
  collapses: number;
  timeouts: number;
  meanDays: number;
  meanPoints: number | null;
}

export interface Analysis {
  scenario: string;
  version: string;
  start: string;
  /** Null when the search stopped at its budget before finding or excluding a passing text. */
  feasible: boolean | null;
  /** True when every answer below is exact; false when any stopped at the budget and is bounded. */
  exact: boolean;
  outcomes: number;
  feasibleCount: number | null;
  maximin: DealReport | null;
  nash: DealReport | null;
  /**
   * How far the chosen start is from a deal: the passing text with the fewest points redrafted
   * from it (`changes`), exact. The same space of final texts is open from every start; this is
   * what makes one start harder than another. When not exact (budget spent), `changes` is
   * that of the nearest passing text known and `atLeast` the proven fewest.
   */
  fromStart: (DealReport & { changes: number; atLeast: number }) | null;
  /**
   * When no text passes: a minimal set of conditions (walk-aways, red lines, blocking lines,
   * signature rules) that together exclude every text, and each signatory's best reachable
   * value against its walk-away. Null when a deal is possible.
   */
  conflict: Conflict | null;
  /** Seconds spent on the exact parts (feasibility, count, best deals). */
  exactSeconds: number;
  nodes: number;
  bots: Record<string, BotReport>;
  seconds: number;
}

export interface AnalyzeOptions {
  start?: string;
  /** Games per bot (0 skips the bots). */
  games: number;
  seed: number;
  difficulty?: Difficulty;
  bots?: readonly string[];
  onProgress?: (what: string, done: number, total: number) => void;
  /** Clock for timing, injected so the module itself stays deterministic. */
  now?: () => number;
  /** Work budget of each exact search (default `EXACT_WORK`). */
  maxWork?: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function report(model: Model, best: Best | null, bounded?: Bounded): DealReport | null {
  if (!best) return null;
  const exact = bounded?.exact ?? true;
  return {
    text: Object.fromEntries(model.pointIds.map((id, i) => {
      const option = model.choices[i]![best.text[i]!]!;
      return [id, option === 'omit' ? null : option];
    })),
    margins: Object.fromEntries(model.parties.map((p, k) => [p, round(best.margins[k]!)])),
    accepting: best.accepting.map((k) => model.parties[k]!),
    value: round(best.value),
    exact,
    // Rounded up, so the reported bound stays a bound.
    atMost: exact ? null : Math.ceil(bounded!.upper * 1000) / 1000,
  };
}

/**
 * The exact parts only, each search within `maxWork` (default `EXACT_WORK`): exact when it
 * finishes, otherwise bounded and marked so (`exact: false`, with the proven bounds).
 */
export function analyzeExact(authored: Scenario, start?: string, maxWork = EXACT_WORK) {
  // From a start that settles points, the best deals keep them as settled.
  const scenario = start === undefined ? authored : playedScenario(authored, start);
  const model = compile(scenario);
  const stats = { nodes: 0 };
  const startTexts = scenario.starts
    .filter((s) => start === undefined || s.id === start)
    .map((s) => model.pointIds.map((id, i) => Math.max(0, model.choices[i]!.indexOf(s.text[id] ?? 'omit'))));
  const total = countOutcomes(model);
  const maximin = searchBest(model, 'maximin', { starts: startTexts, stats, maxWork });
  const found = maximin.best;
  const nash = found ? searchBest(model, 'nash', { starts: [found.text, ...startTexts], stats, maxWork }) : null;
  // Counting needs every passing text; only when the space is small and feasibility is settled.
  const feasibleCount = total <= COUNT_LIMIT && maximin.exact ? (found ? countPassing(model, stats) : 0) : null;
  const chosen = startTexts[0];
  const near = found && chosen ? nearestText(model, chosen, { stats, maxWork: maxWork / 3 }) : null;
  let fromStart: Analysis['fromStart'] = null;
  if (near && chosen) {
    // Budget spent: the nearest passing text known (of the best deals found) stands in, marked bounded.
    const known = near.best ?? [found!, nash?.best].filter((b): b is Best => !!b).map((b) => ({ ...b, value: -b.text.filter((c, i) => c !== chosen[i]).length })).sort((a, b) => b.value - a.value)[0]!;
    const changes = -known.value;
    fromStart = { ...report(model, known)!, exact: near.exact, changes, atLeast: near.exact ? changes : near.atLeast, atMost: near.exact ? null : -near.atLeast };
  }
  const feasible = found ? true : maximin.exact ? false : null;
  const conflict = feasible === false ? explainInfeasible(scenario, model, maxWork) : null;
  const exact = maximin.exact && (nash?.exact ?? true) && (near?.exact ?? true);
  return { model, feasible, exact, outcomes: total, feasibleCount, maximin: report(model, found, maximin), nash: report(model, nash?.best ?? null, nash ?? undefined), fromStart, conflict, nodes: stats.nodes + (conflict?.nodes ?? 0) };
}

/**
 * Plain words for an answer that is not exact, the same on every screen and in the CLI: empty
 * when exact. `durability` is the most durable deal found, with its proven bound.
 */
export function boundedWords(exact: boolean, durability: { value: number; atMost: number | null } | null, feasible: boolean | null = true): string {
  if (exact) return '';
  if (feasible === null) return 'Not settled: the analyser stopped at its work budget before it found a text every required party signs, or proved there is none. This does not mean no deal is possible.';
  const range = durability?.atMost !== null && durability?.atMost !== undefined ? ` The most durable deal possible leaves the worst-off party between ${durability.value.toFixed(2)} and ${durability.atMost.toFixed(2)} above its walk-away.` : '';
  return `Best found, not proven best: the analyser stopped at its work budget before it had checked every text, so the deals shown are the best it found and a slightly better one may exist.${range}`;
}

export const ANALYSIS_BOTS = ['random', 'greedy', 'mediator', 'oracle'] as const;

export function analyze(scenario: Scenario, options: AnalyzeOptions): Analysis {
  const now = options.now ?? (() => 0);
  const t0 = now();
  const start = options.start ?? scenario.starts[0]!.id;
  const exact = analyzeExact(scenario, start, options.maxWork);
  const exactSeconds = (now() - t0) / 1000;
  const bots: Record<string, BotReport> = {};
  if (options.games > 0) {
    for (const bot of options.bots ?? ANALYSIS_BOTS) {
      const s = simulate(scenario, {
        bot,
        games: options.games,
        seed: options.seed,
        start,
        difficulty: options.difficulty,
        onGame: (done, total) => options.onProgress?.(bot, done, total),
      });
      bots[bot] = { games: s.games, deals: s.deals, collapses: s.collapses, timeouts: s.timeouts, meanDays: s.meanDays, meanPoints: s.meanPoints };
    }
  }
  return {
    scenario: scenario.id,
    version: scenario.version,
    start,
    feasible: exact.feasible,
    exact: exact.exact,
    outcomes: exact.outcomes,
    feasibleCount: exact.feasibleCount,
    maximin: exact.maximin,
    nash: exact.nash,
    fromStart: exact.fromStart,
    conflict: exact.conflict,
    exactSeconds: round(exactSeconds),
    nodes: exact.nodes,
    bots,
    seconds: round((now() - t0) / 1000),
  };
}
