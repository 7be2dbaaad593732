/**
 * A whole class's result files at once: each file is checked (replayed against its scenario,
 * as a single result is), the class is the scenario and start most files are for, and the
 * summary holds one row per student, the spread of outcomes, which option each point ended
 * on across the class's deals beside the analyser's most durable and most balanced deals,
 * the best and worst results, and every refused file with the reason. Pure: the game, the
 * command line and the tests all build the same summary from the same files.
 */
import { analyzeExact, boundedWords } from '../analysis/analyze.ts';
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Outcome } from '../engine/negotiationMachine.ts';
import { readableBalance } from '../engine/score.ts';
import { importResult, type ImportProblem, type ResultFile } from './resultFile.ts';

export interface ClassFile {
  /** The file's name, as the teacher sees it. */
  file: string;
  text: string;
}

export interface ClassRow {
  file: string;
  /** The name in the file, or "(no name)" for files exported before names were asked. */
  name: string;
  outcome: Outcome['kind'] | 'unfinished';
  /** Days played (to the deal, collapse or deadline). */
  days: number;
  /** Points in the final text (deals only). */
  points: number | null;
  /** Each signatory's margin above its walk-away, by party id (deals only). */
  margins: Record<string, number>;
  durability: number | null;
  /** The readable balance: the margins' geometric mean (see `readableBalance`). */
  balance: number | null;
  /**
   * One figure to rank by: for a deal, the readable balance (the parties' typical margin above
   * walk-away, pulled down hard when one party barely gains); 0 without a deal.
   */
  score: number;
  seed: number;
  difficulty: string;
}

export type RefusalKind = ImportProblem | 'other-scenario';

export interface Refused {
  file: string;
  kind: RefusalKind;
  /** Why, in plain words. */
  reason: string;
}

export interface PointChoice {
  id: string;
  number?: number;
  title: string;
  /** How many of the class's deals ended on each option ("dropped" included), most chosen first. */
  chosen: { label: string; count: number }[];
  durable: string | null;
  balanced: string | null;
}

export interface ClassSummary {
  /** Null when no file could be read. */
  scenario: { id: string; title: string; version: string } | null;
  start: { id: string; title: string } | null;
  parties: { id: string; name: string }[];
  rows: ClassRow[];
  refused: Refused[];
  counts: { files: number; results: number; deal: number; collapse: number; timeout: number; unfinished: number; refused: number };
  points: PointChoice[];
  /**
   * The analyser's best deals for this start, on the same readable scale as the rows. When not
   * `exact` (the analyser stopped at its budget) they are the best found, and `bounded` says so.
   */
  bestPossible: { durability: number | null; balance: number | null; exact: boolean; bounded: string };
  best: ClassRow | null;
  worst: ClassRow | null;
}

export const OUTCOME_WORDS: Record<ClassRow['outcome'], string> = {
  deal: 'deal signed',
  collapse: 'talks collapsed',
  timeout: 'deadline passed',
  unfinished: 'not finished',
};

const NO_NAME = '(no name)';

interface Accepted {
  file: string;
  result: ResultFile;
  scenario: Scenario;
  finalText: Record<string, string> | null;
}

/** Best first: deals before the rest, then by score, durability, fewer days, then name. */
function rank(a: ClassRow, b: ClassRow): number {
  const dealA = a.outcome === 'deal' ? 1 : 0;
  const dealB = b.outcome === 'deal' ? 1 : 0;
  return dealB - dealA || b.score - a.score || (b.durability ?? -Infinity) - (a.durability ?? -Infinity) || a.days - b.days || a.name.localeCompare(b.name);
}

/**
 * The class summary of many result files. `scenarioFor` gives the scenario for an id (or null
 * when it is not available here). Never throws: every file is either a row or a refusal.
 */
export function summarizeClass(files: readonly ClassFile[], scenarioFor: (id: string) => Scenario | null, maxWork?: number): ClassSummary {
  const refused: Refused[] = [];
  const accepted: Accepted[] = [];
  for (const f of files) {
    const imported = importResult(f.text, scenarioFor);
    if (!imported.ok) {
      refused.push({ file: f.file, kind: imported.problem, reason: imported.message });
      continue;
    }
    const outcome = imported.game.view().outcome;
    const finalText = outcome?.kind === 'deal'
      ? Object.fromEntries(Object.entries(outcome.text).map(([p, v]) => [p, v.option]))
      : null;
    accepted.push({ file: f.file, result: imported.result, scenario: imported.game.scenario, finalText });
    imported.game.stop();
  }

  // The class: the scenario and start most files are for (the first such file breaks a tie).
  const tally = new Map<string, number>();
  for (const a of accepted) tally.set(`${a.result.scenario.id} ${a.result.start}`, (tally.get(`${a.result.scenario.id} ${a.result.start}`) ?? 0) + 1);
  let classKey: string | null = null;
  for (const a of accepted) {
    const key = `${a.result.scenario.id} ${a.result.start}`;
    if (classKey === null || tally.get(key)! > tally.get(classKey)!) classKey = key;
  }
  const inClass = accepted.filter((a) => `${a.result.scenario.id} ${a.result.start}` === classKey);
  const first = inClass[0];
  for (const a of accepted) {
    if (inClass.includes(a)) continue;
    const sameScenario = first && a.result.scenario.id === first.result.scenario.id;
    refused.push({
      file: a.file,
      kind: 'other-scenario',
      reason: sameScenario
        ? `for another start (“${a.result.start}”); this class played “${first.result.start}”`
        : `for another scenario (“${a.result.scenario.title}”); this class played “${first?.result.scenario.title ?? ''}”`,
    });
  }
  const order = new Map(files.map((f, i) => [f.file, i]));
  refused.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));

  const scenario = first?.scenario ?? null;
  const signatories = scenario ? scenario.ratification.signatories : [];
  const parties = signatories.map((id) => ({ id, name: scenario?.parties.find((p) => p.id === id)?.name ?? id }));
  const rows: ClassRow[] = inClass.map(({ file, result }) => {
    const s = result.score;
    const balance = s ? readableBalance(s.margins) : null;
    return {
      file,
      name: result.name && result.name.trim() !== '' ? result.name : NO_NAME,
      outcome: result.outcome,
      days: s ? s.days : result.day + 1,
      points: s ? s.points : null,
      margins: s ? { ...s.margins } : {},
      durability: s ? s.durability : null,
      balance,
      score: balance ?? 0,
      seed: result.seed,
      difficulty: result.difficulty,
    };
  });
  rows.sort(rank);

  const counts = { files: files.length, results: rows.length, deal: 0, collapse: 0, timeout: 0, unfinished: 0, refused: refused.length };
  for (const r of rows) counts[r.outcome] += 1;

  let points: PointChoice[] = [];
  let bestPossible: ClassSummary['bestPossible'] = { durability: null, balance: null, exact: true, bounded: '' };
  if (scenario && first) {
    const exact = analyzeExact(scenario, first.result.start, maxWork);
    const label = (pointId: string, option: string | null | undefined): string => {
      if (option === undefined || option === null || option === OMIT) return 'dropped';
      return scenario.points.find((p) => p.id === pointId)?.options.find((o) => o.id === option)?.label ?? option;
    };
    const deals = inClass.filter((a) => a.finalText !== null);
    points = scenario.points.map((p) => {
      const counted = new Map<string, number>();
      for (const d of deals) {
        const l = label(p.id, d.finalText![p.id]);
        counted.set(l, (counted.get(l) ?? 0) + 1);
      }
      return {
        id: p.id,
        ...(p.number !== undefined ? { number: p.number } : {}),
        title: p.title,
        chosen: [...counted].map(([l, count]) => ({ label: l, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
        durable: exact.maximin ? label(p.id, exact.maximin.text[p.id]) : null,
        balanced: exact.nash ? label(p.id, exact.nash.text[p.id]) : null,
      };
    });
    bestPossible = {
      durability: exact.maximin ? exact.maximin.value : null,
      balance: exact.nash ? readableBalance(exact.nash.margins) : null,
      exact: exact.exact,
      bounded: boundedWords(exact.exact, exact.maximin, exact.feasible),
    };
  }

  return {
    scenario: first ? { id: first.result.scenario.id, title: first.result.scenario.title, version: first.result.scenario.version } : null,
    start: first && scenario ? { id: first.result.start, title: scenario.starts.find((s) => s.id === first.result.start)?.title ?? first.result.start } : null,
    parties,
    rows,
    refused,
    counts,
    points,
    bestPossible,
    best: rows[0] ?? null,
    worst: rows.length > 1 ? rows.at(-1)! : null,
  };
}

/**
 * A cell as a spreadsheet will not run it: text starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return) is prefixed with an apostrophe, so a name like `=HYPERLINK("x")` stays text.
 * Numbers are written as numbers. The one cell writer for every CSV export (class results and the
 * live class debrief). Pure.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  // Quoted too when it has spaces at either end, which spreadsheets would otherwise trim.
  return /[",\n\r]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The balance column's name wherever a table of results is written out: what its figures are. */
export const BALANCE_COLUMN = 'balance (typical margin)';

/** The class table as CSV (one row per student, then the refused files). Pure. */
export function classCsv(summary: ClassSummary): string {
  const head = ['name', 'file', 'outcome', 'days', 'points', ...summary.parties.map((p) => `margin: ${p.name}`), 'durability', BALANCE_COLUMN, 'score', 'seed', 'difficulty'];
  const lines = [head.map(csvCell).join(',')];
  for (const r of summary.rows) {
    lines.push([
      r.name, r.file, OUTCOME_WORDS[r.outcome], r.days, r.points,
      ...summary.parties.map((p) => r.margins[p.id] ?? null),
      r.durability, r.balance, r.score, r.seed, r.difficulty,
    ].map(csvCell).join(','));
  }
  for (const x of summary.refused) lines.push(['', x.file, `refused: ${x.reason}`].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
