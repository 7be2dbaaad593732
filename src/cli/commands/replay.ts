/**
 * `accord replay <file.json>`: replay a saved game or a result file and print its timeline and
 * outcome. A result file's claims are checked against its log; a scenario is looked up by id only
 * among the shipped scenarios (or given with --scenario), never as a path from the file.
 */
import type { Command } from 'commander';
import { formatProblem } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { parseSave, replay, type Game } from '../../engine/session.ts';
import { MAX_SAVE_CHARS } from '../../engine/save.ts';
import { readableBalance } from '../../engine/score.ts';
import type { PlayerView } from '../../engine/view.ts';
import { importResult, MAX_RESULT_CHARS, RESULT_FORMAT } from '../../debrief/resultFile.ts';
import { shippedScenarioFile } from '../catalogue.ts';
import { readScenarioFile, readTextFile } from '../readScenarioFile.ts';

interface ReplayFlags {
  scenario?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('replay')
    .description('replay a saved game or a result file: its timeline and outcome (a result is checked against its log)')
    .argument('<file.json>', 'a save written by the game or by `accord simulate --save`, or a result file exported from the debrief')
    .option('--scenario <file>', "the scenario file (default: the shipped scenario with the file's scenario id)")
    .option('--json', 'print one JSON object instead of text')
    .action((file: string, flags: ReplayFlags) => {
      const fail = (message: string) => {
        process.stderr.write(`accord replay: ${message}\n`);
        process.exitCode = 1;
      };
      const raw = readTextFile(file, file, Math.max(MAX_SAVE_CHARS, MAX_RESULT_CHARS), 'a save or result file');
      if (!raw.ok) return fail(`${file}: ${raw.problems[0]?.message ?? 'cannot be read'}`);

      // The scenario: --scenario, else the shipped one of that id; problems are printed once.
      let scenarioFailed = false;
      const scenarioFor = (id: string): Scenario | null => {
        const path = flags.scenario ?? shippedScenarioFile(id);
        if (!path) return null;
        const loaded = readScenarioFile(path);
        if (!loaded.ok) {
          for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
          scenarioFailed = true;
          return null;
        }
        return loaded.scenario;
      };
      const missing = (id: string) =>
        scenarioFailed ? (process.exitCode = 1, undefined) : fail(`"${short(id)}" is not a shipped scenario; pass its file with --scenario <file>`);

      let game: Game;
      let checked = false;
      if (isResult(raw.text)) {
        let wanted = '';
        const imported = importResult(raw.text, (id) => {
          wanted = id;
          return scenarioFor(id);
        });
        if (!imported.ok) return /is not available here/.test(imported.message) ? missing(wanted) : fail(`${file}: ${imported.message}`);
        game = imported.game;
        checked = true;
      } else {
        const parsed = parseSave(raw.text);
        if (!parsed.ok) return fail(`${file}: ${parsed.message}`);
        const scenario = scenarioFor(parsed.save.scenario.id);
        if (!scenario) return missing(parsed.save.scenario.id);
        const result = replay(scenario, parsed.save);
        if (!result.ok) return fail(`${file}: ${result.message}`);
        game = result.game;
      }
      const view = game.view();
      const commands = game.log().length;
      game.stop();
      if (flags.json) {
        process.stdout.write(`${JSON.stringify({
          scenario: { id: game.scenario.id, version: game.scenario.version },
          start: game.start,
          seed: game.seed,
          difficulty: game.difficulty,
          commands,
          ...(checked ? { resultChecked: true } : {}),
          outcome: view.outcome,
          timeline: view.journal,
        })}\n`);
        return;
      }
      process.stdout.write(describe(view, game.scenario.title, commands, game.seed, checked));
    });
}

/** A result file says so in its format; anything else is read as a save (and judged as one). */
function isResult(text: string): boolean {
  return new RegExp(`^\\s*\\{\\s*"format"\\s*:\\s*"${RESULT_FORMAT}"`).test(text.slice(0, 200));
}

function short(id: string): string {
  return id.length > 48 ? `${id.slice(0, 48)}…` : id;
}

function describe(view: PlayerView, title: string, commands: number, seed: number, checked: boolean): string {
  const lines = [`${title} ${view.scenario.version}: start "${view.start.id}", seed ${seed}, difficulty ${view.difficulty}, ${commands} commands`, ''];
  for (const n of view.journal) if (n.kind !== 'day.ended') lines.push(`day ${String(n.day + 1).padStart(2)}  ${n.date}  ${n.text}`);
  lines.push('');
  const o = view.outcome;
  const name = (id: string) => view.parties.find((p) => p.id === id)?.name ?? id;
  if (!o) lines.push(`Outcome: still in play on day ${view.day + 1} (${view.date}); ${view.daysLeft} days to the deadline.`);
  else if (o.kind === 'deal') {
    lines.push(`Outcome: deal on day ${o.day + 1}, ${o.score.points} points, signed by ${o.signers.map(name).join(', ')}.`);
    lines.push(`  margins above reservation: ${Object.entries(o.score.margins).map(([p, m]) => `${name(p)} ${m.toFixed(1)}`).join(', ')}`);
    lines.push(`  durability ${o.score.durability.toFixed(2)} (smallest margin), balance ${readableBalance(o.score.margins).toFixed(2)} (typical margin: the geometric mean of the margins)`);
  } else lines.push(`Outcome: ${o.kind === 'collapse' ? 'talks collapsed' : 'deadline passed'} on day ${o.day + 1}. ${o.reason}`);
  if (checked) lines.push('Result file checked: its checksum holds and every claim (outcome, day, points, score, title) follows from its log.');
  return `${lines.join('\n')}\n`;
}
