/** `accord analyze`: is a deal possible, how many texts pass, the best deals, and how bots fare. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Scenario } from '../../scenario/schema.ts';
import { DIFFICULTIES, type Difficulty } from '../../engine/knowledge.ts';
import { analyze, ANALYSIS_BOTS, boundedWords, type Analysis, type DealReport } from '../../analysis/analyze.ts';
import { describeCondition } from '../../analysis/conflict.ts';
import { readableBalance } from '../../engine/score.ts';
import { integer, seedOption } from '../options.ts';
import { runBotGames } from '../botPool.ts';
import { scenarioForCommand } from '../readScenarioFile.ts';
import { watchFiles } from '../watch.ts';

interface AnalyzeFlags {
  start?: string;
  games?: number;
  budget: number;
  work?: number;
  workers?: number;
  seed: number;
  difficulty: Difficulty;
  json?: boolean;
  watch?: boolean;
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('exact feasibility, the number of passing texts, the best deals, and bot deal rates')
    .argument('<scenario.yaml>', 'the scenario to analyse')
    .option('--start <id>', 'which opening text (default: the first)')
    .option('--games <n>', 'games per bot, the same figures on every machine (0 skips the bots; default: as many as fit in --budget)', integer(0, 100_000))
    .option('--budget <seconds>', 'time for the bot games when --games is not given', seconds, 5)
    .option('--work <n>', 'work budget of each exact search, in nodes (default 6,000,000); past it an answer is bounded, not exact, and says so', integer(1, 1_000_000_000))
    .option('--workers <n>', 'worker threads for the bot games (default: one per core; 0 plays in the main thread)', integer(0, 256))
    .option('--seed <s>', 'seed of the bot games', seedOption, 1)
    .addOption(new Option('--difficulty <level>', 'difficulty the bots play at').choices(DIFFICULTIES).default('standard'))
    .option('--json', 'print one JSON object instead of text')
    .option('--watch', 'analyse again each time the file is saved, until Ctrl+C')
    .action(async (file: string, flags: AnalyzeFlags) => {
      if (flags.watch) await watchFiles([file], () => analyzeOnce(file, flags), { note: (line) => process.stderr.write(`${line}\n`) });
      else await analyzeOnce(file, flags);
    });
}

async function analyzeOnce(file: string, flags: AnalyzeFlags): Promise<void> {
  process.exitCode = 0;
  const scenario = scenarioForCommand('analyze', file, flags.start);
  if (!scenario) return;
  const t0 = performance.now();
  const result = analyze(scenario, { start: flags.start, games: 0, seed: flags.seed, difficulty: flags.difficulty, now: () => performance.now(), ...(flags.work === undefined ? {} : { maxWork: flags.work }) });
  if (flags.games !== 0) {
    const budgetMs = flags.budget * 1000;
    const show = progressLine(flags.games === undefined ? `within ${flags.budget} s` : `${flags.games} games each`);
    const summaries = await runBotGames(scenario, {
      bots: ANALYSIS_BOTS,
      start: result.start,
      difficulty: flags.difficulty,
      seed: flags.seed,
      ...(flags.games === undefined ? { budgetMs } : { games: flags.games }),
      ...(flags.workers === undefined ? {} : { workers: flags.workers }),
      onProgress: show,
    });
    show(null, 0);
    for (const [bot, s] of Object.entries(summaries)) {
      result.bots[bot] = { games: s.games, deals: s.deals, collapses: s.collapses, timeouts: s.timeouts, meanDays: s.meanDays, meanPoints: s.meanPoints };
    }
    result.seconds = Math.round(performance.now() - t0) / 1000;
  }
  process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : describe(result, scenario));
}

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || n > 3600) throw new InvalidArgumentError(`expected seconds from 0.1 to 3600, got "${value}"`);
  return n;
}

/**
 * Progress of the bot games on stderr: one line redrawn in place on a terminal, a line a
 * second otherwise. Called with null when the games are done.
 */
function progressLine(what: string): (done: Record<string, number> | null, elapsedMs: number) => void {
  const tty = Boolean(process.stderr.isTTY);
  let lastSecond = -1;
  let shown = false;
  return (done, elapsedMs) => {
    if (done === null) {
      if (tty && shown) process.stderr.write('\n');
      return;
    }
    const line = `analyze: bot games (${what}), ${(elapsedMs / 1000).toFixed(1)} s: ${Object.entries(done).map(([b, n]) => `${b} ${n}`).join(', ')}`;
    if (tty) {
      process.stderr.write(`\r${line}\x1b[K`);
      shown = true;
    } else if (Math.floor(elapsedMs / 1000) !== lastSecond) {
      lastSecond = Math.floor(elapsedMs / 1000);
      process.stderr.write(`${line}\n`);
    }
  };
}

function dealLines(deal: DealReport, scenario: Scenario): string[] {
  const name = (id: string) => scenario.parties.find((p) => p.id === id)?.name ?? id;
  const lines = scenario.points.map((p) => {
    const option = deal.text[p.id];
    const label = option === null || option === undefined ? '(dropped)' : p.options.find((o) => o.id === option)?.label ?? option;
    return `    ${String(p.number ?? '').padStart(3)} ${p.title.padEnd(40).slice(0, 40)} ${label}`;
  });
  lines.push(`    margins above reservation: ${Object.entries(deal.margins).map(([p, m]) => `${name(p)} ${m.toFixed(1)}`).join(', ')}`);
  return lines;
}

function describe(a: Analysis, scenario: Scenario): string {
  const pct = a.feasibleCount !== null ? ` (${((100 * a.feasibleCount) / a.outcomes).toPrecision(3)}%)` : '';
  const out = [
    `${scenario.title} ${a.version}, start "${a.start}"`,
    `  final texts in all   ${a.outcomes.toLocaleString('en-US')}`,
    `  texts that pass      ${a.feasibleCount === null ? 'not counted (more than 10 million texts)' : `${a.feasibleCount.toLocaleString('en-US')}${pct}`}`,
    `  a deal is possible   ${a.feasible ? 'yes' : a.feasible === null ? 'not settled: no passing text found within the work budget' : 'no: no text passes every required signature'}`,
  ];
  if (!a.exact) out.push(`  ${boundedWords(a.exact, a.maximin, a.feasible)}`);
  if (a.conflict) {
    out.push(a.conflict.minimal
      ? '  why: these conditions together exclude every text (drop any one and a text passes):'
      : '  why: these conditions together exclude every text (the work budget ran out before each was shown to be needed: some may not be):');
    for (const c of a.conflict.conditions) out.push(`    - ${describeCondition(c, scenario)}`);
    out.push('  best each signatory can reach (any text free of its red lines) against its walk-away:');
    for (const r of a.conflict.reach) {
      const name = scenario.parties.find((p) => p.id === r.party)?.name ?? r.party;
      const best = r.best === null ? 'nothing (its red lines exclude every text)' : r.best.toFixed(1);
      const flag = r.best === null || r.best < r.walkAway ? '  <- can never sign' : '';
      out.push(`    ${name.padEnd(24)} best ${best}, walk-away ${r.walkAway}${flag}`);
    }
  }
  if (a.fromStart) {
    const changed = scenario.points.filter((p) => {
      const start = scenario.starts.find((st) => st.id === a.start)!.text[p.id] ?? 'omit';
      return (a.fromStart!.text[p.id] ?? 'omit') !== start;
    });
    const fewest = a.fromStart.exact ? '' : ` (bounded, not exact: the nearest found; at least ${a.fromStart.atLeast} needed)`;
    out.push(`  nearest deal from this start: ${a.fromStart.changes} point${a.fromStart.changes === 1 ? '' : 's'} to redraft (${changed.map((p) => p.number ?? p.id).join(', ')})${fewest}`);
    out.push(`    margins above reservation: ${Object.entries(a.fromStart.margins).map(([p, m]) => `${scenario.parties.find((x) => x.id === p)?.name ?? p} ${m.toFixed(1)}`).join(', ')}`);
  }
  if (a.maximin) {
    const bound = a.maximin.exact ? '' : `; bounded, not exact: the best is at most ${a.maximin.atMost!.toFixed(2)}`;
    out.push(`  most durable deal${a.maximin.exact ? '' : ' found'} (largest smallest margin, ${a.maximin.value.toFixed(2)}${bound}):`, ...dealLines(a.maximin, scenario));
  }
  if (a.nash) {
    // Balance as players read it: the typical margin (geometric mean), not the raw Nash product.
    out.push(`  most balanced deal${a.nash.exact ? '' : ' found (bounded, not exact)'} (balance ${readableBalance(Object.fromEntries(a.nash.accepting.map((id) => [id, a.nash!.margins[id]!]))).toFixed(1)}: the typical margin, the geometric mean of the margins):`, ...dealLines(a.nash, scenario));
  }
  const bots = Object.entries(a.bots);
  if (bots.length > 0) {
    const counts = new Set(bots.map(([, r]) => r.games));
    out.push(counts.size === 1 ? `  bots (${bots[0]![1].games} games each):` : '  bots (games played in the time budget):');
    for (const [bot, r] of bots) {
      out.push(`    ${bot.padEnd(9)} deals ${String(r.deals).padStart(5)}/${r.games}  collapses ${r.collapses}  deadline ${r.timeouts}  mean days ${r.meanDays.toFixed(1)}  mean points ${r.meanPoints === null ? '–' : r.meanPoints.toFixed(1)}`);
    }
  }
  out.push(`  ${a.exact ? 'exact' : 'bounded'} search ${a.exactSeconds.toFixed(2)} s (${a.nodes.toLocaleString('en-US')} nodes); total ${a.seconds.toFixed(2)} s`, '');
  return out.join('\n');
}
