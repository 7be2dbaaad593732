/**
 * Headless play: N seeded games of one bot on one scenario, summarised. Deterministic:
 * same scenario, bot, start, seed and difficulty ⇒ the same summary.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { GameLength } from '../scenario/gameLength.ts';
import { BOTS } from './bots/index.ts';
import type { Difficulty } from './knowledge.ts';
import type { Outcome } from './negotiationMachine.ts';
import { RngCursor, seedRng } from './rng.ts';
import { createGame, type Game } from './session.ts';
import type { SeatHolder } from './seats.ts';
import { sendMade } from './table.ts';

export interface SimulateOptions {
  bot: string;
  games: number;
  seed: number;
  start?: string;
  difficulty?: Difficulty;
  /** Party seats played by machines of a given style, e.g. { russia: { bot: 'stubborn' } } (see partyStyles.ts). */
  seats?: Readonly<Record<string, SeatHolder>>;
  /** Game length (default standard). */
  length?: GameLength;
  /** Called after each game, for progress indicators. */
  onGame?: (done: number, total: number) => void;
}

export interface GameRecord {
  seed: number;
  outcome: Outcome['kind'];
  days: number;
  points: number;
  commands: number;
  durability: number | null;
}

export interface Summary {
  scenario: string;
  start: string;
  bot: string;
  /** Party seats played in a style other than the scenario's model (absent when none). */
  seats?: Record<string, string>;
  difficulty: Difficulty;
  seed: number;
  games: number;
  deals: number;
  collapses: number;
  timeouts: number;
  dealRate: number;
  /** Mean days played (to the deal, collapse or deadline). */
  meanDays: number;
  /** Mean number of points in the final texts of deals (null without deals). */
  meanPoints: number | null;
  meanDurability: number | null;
  records: GameRecord[];
}

/** Commands a bot may send in one game before it is stopped (guards against a bot that never ends a day). */
const MAX_COMMANDS = 4000;
const MAX_REJECTED_IN_A_ROW = 40;

/** Play one game to its end with a bot. Returns the game (not stopped). */
export function playOne(
  scenario: Scenario, botName: string, seed: number, start?: string, difficulty: Difficulty = 'standard', seats: Readonly<Record<string, SeatHolder>> = {},
  length: GameLength = 'standard',
): Game {
  const factory = BOTS[botName];
  if (!factory) throw new Error(`unknown bot "${botName}"`);
  const bot = factory();
  const game = createGame(scenario, { seed, start, difficulty, seats, length });
  const rng = new RngCursor(seedRng(seed ^ 0x5bd1e995));
  let rejected = 0;
  for (let i = 0; i < MAX_COMMANDS && game.view().outcome === null; i++) {
    const command = rejected >= MAX_REJECTED_IN_A_ROW ? { type: 'day.end' as const } : bot.next(game, rng);
    // The bot's own command: checked and applied as any, its shape not parsed again.
    const r = sendMade(game.table, game.seat, command);
    rejected = r.ok ? 0 : rejected + 1;
  }
  while (game.view().outcome === null) game.send({ type: 'day.end' });
  return game;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const mean = (xs: number[]) => (xs.length > 0 ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

/** Seed of the i-th game of a run. */
export function gameSeed(seed: number, i: number): number {
  return (Math.imul(seed >>> 0, 2654435761) + i * 40503) >>> 0;
}

/** Play the i-th game of a run (seed from `gameSeed`) and record how it ended. */
export function playRecord(
  scenario: Scenario, bot: string, runSeed: number, i: number, start: string, difficulty: Difficulty, seats: Readonly<Record<string, SeatHolder>> = {},
  length: GameLength = 'standard',
): GameRecord {
  const seed = gameSeed(runSeed, i);
  const game = playOne(scenario, bot, seed, start, difficulty, seats, length);
  const outcome = game.view().outcome!;
  const record: GameRecord = {
    seed,
    outcome: outcome.kind,
    days: outcome.day + 1,
    points: outcome.kind === 'deal' ? outcome.score.points : game.view().pointsInText,
    commands: game.log().length,
    durability: outcome.kind === 'deal' ? outcome.score.durability : null,
  };
  game.stop();
  return record;
}

export function simulate(scenario: Scenario, options: SimulateOptions): Summary {
  const difficulty = options.difficulty ?? 'standard';
  const start = options.start ?? scenario.starts[0]!.id;
  const records: GameRecord[] = [];
  for (let i = 0; i < options.games; i++) {
    records.push(playRecord(scenario, options.bot, options.seed, i, start, difficulty, options.seats, options.length));
    options.onGame?.(i + 1, options.games);
  }
  const summary = summarize(scenario, options.bot, start, difficulty, options.seed, records);
  const styled = Object.entries(options.seats ?? {});
  return styled.length > 0 ? { ...summary, seats: Object.fromEntries(styled.map(([id, h]) => [id, h === 'person' ? 'person' : h.bot])) } : summary;
}

/** The summary of a run's records (games 0…n−1 of the run, in order). */
export function summarize(scenario: Scenario, bot: string, start: string, difficulty: Difficulty, seed: number, records: GameRecord[]): Summary {
  const deals = records.filter((r) => r.outcome === 'deal');
  return {
    scenario: scenario.id,
    start,
    bot,
    difficulty,
    seed,
    games: records.length,
    deals: deals.length,
    collapses: records.filter((r) => r.outcome === 'collapse').length,
    timeouts: records.filter((r) => r.outcome === 'timeout').length,
    dealRate: records.length > 0 ? round(deals.length / records.length) : 0,
    meanDays: mean(records.map((r) => r.days)) ?? 0,
    meanPoints: mean(deals.map((r) => r.points)),
    meanDurability: mean(deals.map((r) => r.durability!)),
    records,
  };
}
