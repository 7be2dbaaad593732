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
import { bestText, closestText, countPassing, type Best } from './search.ts';
import { explainInfeasible, type Conflict } from './conflict.ts';

/** Largest space counted exactly, in texts. */
export const COUNT_LIMIT = 10_000_000;

export interface DealReport {
  /** Point id → option id, or null when the point is dropped. */
  text: Record<string, string | null>;
  /** Margin above reservation of every signatory (negative: it does not accept). */
  margins: Record<string, number>;
  /** Signatories that accept the text. */
  accepting: string[];
  value: number;
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
  feasible: boolean;
  outcomes: number;
  feasibleCount: number | null;
  maximin: DealReport | null;
  nash: DealReport | null;
  /**
   * How far the chosen start is from a deal: the passing text with the fewest points redrafted
   * from it (`changes`), exact. The same space of final texts is open from every start; this is
   * what makes one start harder than another.
   */
  fromStart: (DealReport & { changes: number }) | null;
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
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function report(model: Model, best: Best | null): DealReport | null {
  if (!best) return null;
  return {
    text: Object.fromEntries(model.pointIds.map((id, i) => {
      const option = model.choices[i]![best.text[i]!]!;
      return [id, option === 'omit' ? null : option];
    })),
    margins: Object.fromEntries(model.parties.map((p, k) => [p, round(best.margins[k]!)])),
    accepting: best.accepting.map((k) => model.parties[k]!),
    value: round(best.value),
  };
}

/** The exact parts only. */
export function analyzeExact(authored: Scenario, start?: string) {
  // From a start that settles points, the best deals keep them as settled.
  const scenario = start === undefined ? authored : playedScenario(authored, start);
  const model = compile(scenario);
  const stats = { nodes: 0 };
  const startTexts = scenario.starts
    .filter((s) => start === undefined || s.id === start)
    .map((s) => model.pointIds.map((id, i) => Math.max(0, model.choices[i]!.indexOf(s.text[id] ?? 'omit'))));
  const total = countOutcomes(model);
  const maximin = bestText(model, 'maximin', startTexts, stats);
  const nash = maximin ? bestText(model, 'nash', [maximin.text, ...startTexts], stats) : null;
  const feasibleCount = total <= COUNT_LIMIT ? (maximin ? countPassing(model, stats) : 0) : null;
  const chosen = startTexts[0];
  const closest = maximin && chosen ? closestText(model, chosen, stats) : null;
  const fromStart = closest ? { ...report(model, closest)!, changes: -closest.value } : null;
  const conflict = maximin ? null : explainInfeasible(scenario, model);
  return { model, feasible: maximin !== null, outcomes: total, feasibleCount, maximin: report(model, maximin), nash: report(model, nash), fromStart, conflict, nodes: stats.nodes };
}

export const ANALYSIS_BOTS = ['random', 'greedy', 'mediator', 'oracle'] as const;

export function analyze(scenario: Scenario, options: AnalyzeOptions): Analysis {
  const now = options.now ?? (() => 0);
  const t0 = now();
  const start = options.start ?? scenario.starts[0]!.id;
  const exact = analyzeExact(scenario, start);
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
