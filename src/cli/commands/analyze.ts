/** `accord analyze`: is a deal possible, how many texts pass, the best deals, and how bots fare. */
import { Option, type Command } from 'commander';
import type { Scenario } from '../../scenario/schema.ts';
import { DIFFICULTIES, type Difficulty } from '../../engine/knowledge.ts';
import { analyze, type Analysis, type DealReport } from '../../analysis/analyze.ts';
import { describeCondition } from '../../analysis/conflict.ts';
import { integer, seedOption } from '../options.ts';
import { progress } from '../progress.ts';
import { scenarioForCommand } from '../readScenarioFile.ts';

interface AnalyzeFlags {
  start?: string;
  games: number;
  seed: number;
  difficulty: Difficulty;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('analyze')
    .description('exact feasibility, the number of passing texts, the best deals, and bot deal rates')
    .argument('<scenario.yaml>', 'the scenario to analyse')
    .option('--start <id>', 'which opening text (default: the first)')
    .option('--games <n>', 'games per bot for the difficulty figures (0 skips them)', integer(0, 100_000), 100)
    .option('--seed <s>', 'seed of the bot games', seedOption, 1)
    .addOption(new Option('--difficulty <level>', 'difficulty the bots play at').choices(DIFFICULTIES).default('standard'))
    .option('--json', 'print one JSON object instead of text')
    .action((file: string, flags: AnalyzeFlags) => {
      const scenario = scenarioForCommand('analyze', file, flags.start);
      if (!scenario) return;
      const bars = new Map<string, (done: number) => void>();
      const result = analyze(scenario, {
        start: flags.start,
        games: flags.games,
        seed: flags.seed,
        difficulty: flags.difficulty,
        now: () => performance.now(),
        onProgress: (bot, done, total) => {
          if (!bars.has(bot)) bars.set(bot, progress(`analyze: ${bot} bot`, total));
          bars.get(bot)!(done);
        },
      });
      process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : describe(result, scenario));
    });
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
    `  a deal is possible   ${a.feasible ? 'yes' : 'no: no text passes every required signature'}`,
  ];
  if (a.conflict) {
    out.push('  why: these conditions together exclude every text (drop any one and a text passes):');
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
    out.push(`  nearest deal from this start: ${a.fromStart.changes} point${a.fromStart.changes === 1 ? '' : 's'} to redraft (${changed.map((p) => p.number ?? p.id).join(', ')})`);
    out.push(`    margins above reservation: ${Object.entries(a.fromStart.margins).map(([p, m]) => `${scenario.parties.find((x) => x.id === p)?.name ?? p} ${m.toFixed(1)}`).join(', ')}`);
  }
  if (a.maximin) {
    out.push(`  most durable deal (largest smallest margin, ${a.maximin.value.toFixed(2)}):`, ...dealLines(a.maximin, scenario));
  }
  if (a.nash) {
    out.push(`  most balanced deal (largest Nash product of margins, ${a.nash.value.toFixed(1)}):`, ...dealLines(a.nash, scenario));
  }
  const bots = Object.entries(a.bots);
  if (bots.length > 0) {
    out.push(`  bots (${bots[0]![1].games} games each):`);
    for (const [bot, r] of bots) {
      out.push(`    ${bot.padEnd(9)} deals ${String(r.deals).padStart(4)}/${r.games}  collapses ${r.collapses}  deadline ${r.timeouts}  mean days ${r.meanDays.toFixed(1)}  mean points ${r.meanPoints === null ? '–' : r.meanPoints.toFixed(1)}`);
    }
  }
  out.push(`  exact search ${a.exactSeconds.toFixed(2)} s (${a.nodes.toLocaleString('en-US')} nodes); total ${a.seconds.toFixed(2)} s`, '');
  return out.join('\n');
}
