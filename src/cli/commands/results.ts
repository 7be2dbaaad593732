/**
 * `accord results FILE…`: a class's result files summarised, as "Open class results" shows them
 * in the game: one row per student, the spread of outcomes, each point's options across the
 * class's deals beside the analyser's best deals, and every refused file with the reason.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { Scenario } from '../../scenario/schema.ts';
import { BALANCE_COLUMN, classCsv, OUTCOME_WORDS, summarizeClass, type ClassFile, type ClassSummary } from '../../debrief/classResults.ts';
import { formatProblem } from '../../scenario/load.ts';
import { packageRoot } from '../packageRoot.ts';
import { readScenarioFile, readScenarioText } from '../readScenarioFile.ts';

interface ResultsFlags {
  scenario?: string[];
  json?: boolean;
  csv?: boolean;
}

function shippedPath(id: string): string | null {
  if (!/^[a-z0-9][a-z0-9_-]{0,47}$/.test(id)) return null;
  const candidates = [
    join(process.cwd(), 'scenarios', id, 'scenario.yaml'),
    join(packageRoot(), 'scenarios', id, 'scenario.yaml'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

const fmt = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));

/** The summary as text for a terminal. Pure. */
export function describeClass(s: ClassSummary): string {
  const lines: string[] = [];
  if (s.scenario && s.start) lines.push(`${s.scenario.title} ${s.scenario.version}, start “${s.start.title}”`);
  const c = s.counts;
  lines.push(`${c.files} files: ${c.results} results (${c.deal} deals, ${c.collapse} collapsed, ${c.timeout} past the deadline, ${c.unfinished} unfinished), ${c.refused} refused`);
  if (s.rows.length > 0) {
    lines.push('', ['name', 'outcome', 'days', 'points', ...s.parties.map((p) => p.name), 'durability', BALANCE_COLUMN, 'score'].join(' | '));
    for (const r of s.rows) {
      lines.push([r.name, OUTCOME_WORDS[r.outcome], r.days, r.points ?? '–', ...s.parties.map((p) => fmt(r.margins[p.id] ?? null)), fmt(r.durability), fmt(r.balance), fmt(r.score)].join(' | '));
    }
  }
  if (s.best) lines.push('', `Best: ${s.best.name} (${OUTCOME_WORDS[s.best.outcome]}, score ${fmt(s.best.score)})`);
  if (s.worst) lines.push(`Worst: ${s.worst.name} (${OUTCOME_WORDS[s.worst.outcome]}, score ${fmt(s.worst.score)})`);
  if (s.bestPossible.durability !== null) lines.push(`${s.bestPossible.exact ? 'Best possible' : 'Best found (bounded, not exact)'}: durability ${fmt(s.bestPossible.durability)}, balance ${fmt(s.bestPossible.balance)}`);
  if (!s.bestPossible.exact) lines.push(s.bestPossible.bounded);
  if (s.points.some((p) => p.chosen.length > 0)) {
    lines.push('', 'Point by point (the class’s deals; most durable; most balanced):');
    for (const p of s.points) {
      const chosen = p.chosen.map((x) => `${x.label} ×${x.count}`).join(', ') || '–';
      lines.push(`  ${p.number ?? ''} ${p.title}: ${chosen}; ${p.durable ?? '–'}; ${p.balanced ?? '–'}`.replace(/ {2}\s+/, '  '));
    }
  }
  if (s.refused.length > 0) {
    lines.push('', 'Refused:');
    for (const r of s.refused) lines.push(`  ${r.file}: ${r.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('results')
    .description("summarise a class's result files: table, outcomes, choices per point, refused files")
    .argument('<files...>', 'result files exported from the debrief')
    .option('--scenario <file...>', 'scenario files for results of scenarios not shipped in scenarios/')
    .option('--json', 'print one JSON object')
    .option('--csv', 'print the class table as CSV (formula-like cells neutralised)')
    .action((paths: string[], flags: ResultsFlags) => {
      if (flags.json && flags.csv) {
        process.stderr.write('accord results: choose --json or --csv, not both\n');
        process.exitCode = 2;
        return;
      }
      const extra = new Map<string, Scenario>();
      for (const file of flags.scenario ?? []) {
        const loaded = readScenarioFile(file);
        if (!loaded.ok) {
          for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
          process.exitCode = 1;
          return;
        }
        extra.set(loaded.scenario.id, loaded.scenario);
      }
      const cache = new Map<string, Scenario | null>();
      const scenarioFor = (id: string): Scenario | null => {
        if (extra.has(id)) return extra.get(id)!;
        if (!cache.has(id)) {
          const path = shippedPath(id);
          const loaded = path ? readScenarioFile(path) : null;
          cache.set(id, loaded?.ok ? loaded.scenario : null);
        }
        return cache.get(id)!;
      };
      const files: ClassFile[] = paths.map((path) => {
        const read = readScenarioText(path);
        // An unreadable file is summarised as damaged, like one that is not JSON.
        return { file: basename(path), text: read.ok ? read.text : '' };
      });
      const summary = summarizeClass(files, scenarioFor);
      if (flags.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else if (flags.csv) process.stdout.write(classCsv(summary));
      else process.stdout.write(describeClass(summary));
      if (summary.rows.length === 0) process.exitCode = 1;
    });
}
