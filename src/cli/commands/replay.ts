/** `accord replay <save.json>`: replay a saved game and print its timeline and outcome. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { formatProblem } from '../../scenario/load.ts';
import { parseSave, replay } from '../../engine/session.ts';
import type { PlayerView } from '../../engine/view.ts';
import { packageRoot } from '../packageRoot.ts';
import { readScenarioFile, readScenarioText } from '../readScenarioFile.ts';

interface ReplayFlags {
  scenario?: string;
  json?: boolean;
}

/** Where a save's scenario is looked for when --scenario is not given. */
function findScenario(id: string): string | null {
  const candidates = [
    join(process.cwd(), 'scenarios', id, 'scenario.yaml'),
    join(packageRoot(), 'scenarios', id, 'scenario.yaml'),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

export function register(program: Command): void {
  program
    .command('replay')
    .description('replay a saved game: its timeline and outcome')
    .argument('<save.json>', 'a save written by the game or by `accord simulate --save`')
    .option('--scenario <file>', "the scenario file (default: scenarios/<id>/scenario.yaml for the save's scenario id)")
    .option('--json', 'print one JSON object instead of text')
    .action((file: string, flags: ReplayFlags) => {
      const fail = (message: string) => {
        process.stderr.write(`accord replay: ${message}\n`);
        process.exitCode = 1;
      };
      const raw = readScenarioText(file);
      if (!raw.ok) return fail(`${file}: ${raw.problems[0]?.message ?? 'cannot be read'}`);
      const parsed = parseSave(raw.text);
      if (!parsed.ok) return fail(`${file}: ${parsed.message}`);
      const save = parsed.save;
      const scenarioFile = flags.scenario ?? findScenario(save.scenario.id);
      if (!scenarioFile) return fail(`cannot find scenario "${save.scenario.id}"; pass it with --scenario <file>`);
      const loaded = readScenarioFile(scenarioFile);
      if (!loaded.ok) {
        for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
        process.exitCode = 1;
        return;
      }
      const result = replay(loaded.scenario, save);
      if (!result.ok) return fail(`${file}: ${result.message}`);
      const view = result.game.view();
      result.game.stop();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({
          scenario: save.scenario,
          start: save.start,
          seed: save.seed,
          difficulty: save.difficulty,
          commands: save.log.length,
          outcome: view.outcome,
          timeline: view.journal,
        })}\n`);
        return;
      }
      process.stdout.write(describe(view, loaded.scenario.title, save.log.length, save.seed));
    });
}

function describe(view: PlayerView, title: string, commands: number, seed: number): string {
  const lines = [`${title} ${view.scenario.version}: start "${view.start.id}", seed ${seed}, difficulty ${view.difficulty}, ${commands} commands`, ''];
  for (const n of view.journal) if (n.kind !== 'day.ended') lines.push(`day ${String(n.day + 1).padStart(2)}  ${n.date}  ${n.text}`);
  lines.push('');
  const o = view.outcome;
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  if (!o) lines.push(`Outcome: still in play on day ${view.day + 1} (${view.date}); ${view.daysLeft} days to the deadline.`);
  else if (o.kind === 'deal') {
    lines.push(`Outcome: deal on day ${o.day + 1}, ${o.score.points} points, signed by ${o.signers.map(name).join(', ')}.`);
    lines.push(`  margins above reservation: ${Object.entries(o.score.margins).map(([p, m]) => `${name(p)} ${m.toFixed(1)}`).join(', ')}`);
    lines.push(`  durability ${o.score.durability.toFixed(2)} (smallest margin), balance ${o.score.balance.toFixed(2)} (Nash product)`);
  } else lines.push(`Outcome: ${o.kind === 'collapse' ? 'talks collapsed' : 'deadline passed'} on day ${o.day + 1}. ${o.reason}`);
  return `${lines.join('\n')}\n`;
}
