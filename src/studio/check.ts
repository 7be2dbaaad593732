/**
 * What the studio's live panel shows for a scenario text: problems (with those folded under
 * them), lint warnings, feasibility with the best deal or why none exists, and bot deal rates
 * per start. Pure apart from the clock it is given; runs in a Web Worker.
 */
import { formatProblem, loadScenarioText, type Locator } from '../scenario/load.ts';
import { problemCount } from '../scenario/problems.ts';
import type { ExplainedProblem } from '../scenario/explain.ts';
import { formatWarning, lintSource } from '../analysis/lintText.ts';
import { analyzeExact, boundedWords } from '../analysis/analyze.ts';
import { describeCondition } from '../analysis/conflict.ts';
import { simulate } from '../engine/simulate.ts';

export interface Mark {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  /** The message as the panel lists it, with file:line:col. */
  text: string;
  /** The message alone, for the underline's tooltip. */
  message: string;
  /** How many problems the line stands for (more than 1 for "…and M more of the same kind"). */
  count: number;
}

export interface ExactPart {
  title: string;
  starts: { id: string; title: string }[];
  /** Null: not settled within the analyser's budget. */
  feasible: boolean | null;
  /** False when the analyser stopped at its budget; `bounded` says what is proven, in words. */
  exact: boolean;
  bounded: string;
  outcomes: number;
  feasibleCount: number | null;
  /** Most durable deal: each point's title and chosen option's label; and each party's margin. */
  best: { points: [string, string][]; margins: [string, number][] } | null;
  /** Why no text passes, in words, and each signatory's best against its walk-away. */
  why: { conditions: string[]; minimal: boolean; reach: [string, number | null, number][] } | null;
  seconds: number;
}

export interface BotRates {
  start: string;
  bot: string;
  games: number;
  deals: number;
}

/** `errors`: how many errors the marks stand for (see {@link errorCount}). */
export type CheckResult = { ok: false; marks: Mark[]; errors: number } | { ok: true; marks: Mark[]; errors: 0; exact: ExactPart };

/** How many errors the marks stand for: each listed line once, a "…and M more" line M times. */
export function errorCount(marks: readonly Mark[]): number {
  return marks.filter((m) => m.severity === 'error').reduce((n, m) => n + m.count, 0);
}

/** Load, lint and analyse exactly. */
export function checkText(text: string, file: string, now: () => number = () => 0, maxWork?: number): CheckResult {
  const places: { locate?: Locator } = {};
  const loaded = loadScenarioText(text, file, places);
  if (!loaded.ok) {
    const marks: Mark[] = [];
    for (const p of loaded.problems as ExplainedProblem[]) {
      marks.push({ line: p.line, column: p.column, severity: 'error', text: formatProblem(p), message: p.message, count: problemCount(p) });
      for (const f of p.folded ?? []) marks.push({ line: f.line, column: f.column, severity: 'error', text: `    ${formatProblem(f)}`, message: `${f.message} (follows from line ${p.line})`, count: problemCount(f) });
    }
    return { ok: false, marks, errors: errorCount(marks) };
  }
  const s = loaded.scenario;
  const t0 = now();
  const warnings = lintSource(s, text, file, places.locate).map((w): Mark => ({ line: w.line, column: w.column, severity: 'warning', text: formatWarning(w), message: w.message, count: 1 }));
  const exact = analyzeExact(s, undefined, maxWork);
  const name = (id: string) => s.parties.find((p) => p.id === id)?.name ?? id;
  const best = exact.maximin
    ? {
        points: s.points.map((p): [string, string] => {
          const o = exact.maximin!.text[p.id];
          return [p.title, o === null || o === undefined ? '(dropped)' : p.options.find((x) => x.id === o)?.label ?? o];
        }),
        margins: Object.entries(exact.maximin.margins).map(([p, m]): [string, number] => [name(p), m]),
      }
    : null;
  const why = exact.conflict
    ? {
        conditions: exact.conflict.conditions.map((c) => describeCondition(c, s)),
        minimal: exact.conflict.minimal,
        reach: exact.conflict.reach.map((r): [string, number | null, number] => [name(r.party), r.best, r.walkAway]),
      }
    : null;
  return {
    ok: true,
    marks: warnings,
    errors: 0,
    exact: {
      title: s.title,
      starts: s.starts.map((st) => ({ id: st.id, title: st.title })),
      feasible: exact.feasible,
      exact: exact.exact,
      bounded: boundedWords(exact.exact, exact.maximin, exact.feasible),
      outcomes: exact.outcomes,
      feasibleCount: exact.feasibleCount,
      best,
      why,
      seconds: (now() - t0) / 1000,
    },
  };
}

/** Bot deal rates for every start, a few games each: mediator (plays on what it knows) and oracle (reads the truth). */
export function botRates(text: string, file: string, games: number, onRate: (r: BotRates) => void): void {
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) return;
  for (const st of loaded.scenario.starts) {
    for (const bot of ['mediator', 'oracle']) {
      const s = simulate(loaded.scenario, { bot, games, seed: 1, start: st.id });
      onRate({ start: st.id, bot, games: s.games, deals: s.deals });
    }
  }
}
