/** `accord simulate`: play N seeded games headless with a bot and summarise them. */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { BOT_NAMES } from '../../engine/bots/index.ts';
import { DIFFICULTIES, type Difficulty } from '../../engine/knowledge.ts';
import { gameSeed, playOne, simulate, type Summary } from '../../engine/simulate.ts';
import { integer, seedOption } from '../options.ts';
import { PARTY_STYLES } from '../../engine/partyStyles.ts';
import { seatsOf, type SeatHolder } from '../../engine/seats.ts';
import { progress } from '../progress.ts';
import { scenarioForCommand } from '../readScenarioFile.ts';

interface SimulateFlags {
  start?: string;
  bot: string;
  games: number;
  seed: number;
  difficulty: Difficulty;
  json?: boolean;
  save?: string;
  seat: string[];
}

/** `--seat russia=bot:stubborn`, repeatable: party seats played by machines of a style. */
function collectSeat(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The seat assignments of `--seat` flags, or a message. */
export function parseSeatFlags(scenario: Parameters<typeof seatsOf>[0], flags: readonly string[]): { ok: true; seats: Record<string, SeatHolder> } | { ok: false; message: string } {
  const seats: Record<string, SeatHolder> = {};
  for (const flag of flags) {
    const m = /^([^=]+)=bot:(.+)$/.exec(flag);
    if (!m) return { ok: false, message: `--seat ${flag}: write it as <party>=bot:<style> (styles: ${PARTY_STYLES.join(', ')})` };
    const id = m[1]!;
    const party = scenario.parties.find((p) => p.id === id);
    if (party?.role === 'mediator') return { ok: false, message: `--seat ${flag}: the mediator is played by --bot` };
    seats[id] = { bot: m[2]! };
  }
  const checked = seatsOf(scenario, { seats });
  return checked.ok ? { ok: true, seats } : { ok: false, message: `--seat: ${checked.message}` };
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('play seeded games headless with a bot and summarise the outcomes')
    .argument('<scenario.yaml>', 'the scenario to play')
    .option('--start <id>', 'which opening text to start from (default: the first)')
    .addOption(new Option('--bot <name>', 'who plays the mediator').choices(BOT_NAMES).makeOptionMandatory())
    .option('--games <n>', 'how many games', integer(1, 1_000_000), 100)
    .option('--seed <s>', 'seed of the run (same arguments ⇒ same output)', seedOption, 1)
    .addOption(new Option('--difficulty <level>', 'how much hidden information is revealed').choices(DIFFICULTIES).default('standard'))
    .option('--json', 'print one JSON object instead of text')
    .option('--save <file>', "also write the first game's save, for `accord replay`")
    .option('--seat <party=bot:style>', `a party played by a machine of another style (${PARTY_STYLES.join(', ')}); repeatable`, collectSeat, [])
    .action((file: string, flags: SimulateFlags) => {
      const scenario = scenarioForCommand('simulate', file, flags.start);
      if (!scenario) return;
      const seated = parseSeatFlags(scenario, flags.seat);
      if (!seated.ok) {
        process.stderr.write(`accord simulate: ${seated.message}\n`);
        process.exitCode = 1;
        return;
      }
      const summary = simulate(scenario, {
        bot: flags.bot,
        seats: seated.seats,
        games: flags.games,
        seed: flags.seed,
        start: flags.start,
        difficulty: flags.difficulty,
        onGame: progress(`simulate ${flags.bot}`, flags.games),
      });
      if (flags.save) {
        const game = playOne(scenario, flags.bot, gameSeed(flags.seed, 0), summary.start, flags.difficulty, seated.seats);
        writeFileSync(flags.save, `${JSON.stringify(game.save(), null, 1)}\n`);
        game.stop();
      }
      process.stdout.write(flags.json ? `${JSON.stringify(publicSummary(summary))}\n` : describe(summary, scenario.title));
    });
}

/** The summary without per-game records (they are for tests and tools). */
export function publicSummary(s: Summary): Omit<Summary, 'records'> {
  const { records: _records, ...rest } = s;
  return rest;
}

function describe(s: Summary, title: string): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, s.games)).toFixed(1)}%`;
  return [
    `${title}: start "${s.start}", bot ${s.bot}, ${s.games} game${s.games === 1 ? '' : 's'}, seed ${s.seed}, difficulty ${s.difficulty}`,
    ...(s.seats ? [`  parties played as ${Object.entries(s.seats).map(([id, style]) => `${id}=${style}`).join(', ')}`] : []),
    `  deals             ${s.deals} (${pct(s.deals)})`,
    `  collapses         ${s.collapses} (${pct(s.collapses)})`,
    `  deadline passed   ${s.timeouts} (${pct(s.timeouts)})`,
    `  mean days         ${s.meanDays.toFixed(1)}`,
    `  mean points       ${s.meanPoints === null ? '–' : s.meanPoints.toFixed(2)} (in the final texts of deals)`,
    `  mean durability   ${s.meanDurability === null ? '–' : s.meanDurability.toFixed(2)} (smallest margin above reservation)`,
    '',
  ].join('\n');
}
