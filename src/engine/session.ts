/**
 * The single-player bridge, kept for everything that drives one seat (the mediator's screens,
 * bots, the CLI, tests): a `Game` is one seat of a table (see table.ts) — by default the
 * mediator's, with every party played by its machine. `game.table` reaches the whole table.
 * Hidden truth only through `truth()`, for the oracle and the debrief.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { GameLength } from '../scenario/gameLength.ts';
import type { Command } from './commands.ts';
import type { Difficulty } from './knowledge.ts';
import type { NegotiationContext, Notice } from './negotiationMachine.ts';
import { parseSave, type SaveFile } from './save.ts';
import { createTable, gameFor, restoreTable, type SendResult, type Table, type TableOptions } from './table.ts';
import type { PlayerView } from './view.ts';

export interface GameOptions {
  start?: string;
  seed: number;
  difficulty?: Difficulty;
  /** A short game halves the calendar and the actions per day (scenario/gameLength.ts). */
  length?: GameLength;
}

export type { SendResult };

export interface Game {
  readonly scenario: Scenario;
  readonly start: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  /** Standard, or short for one lesson (scenario/gameLength.ts). */
  readonly length: GameLength;
  /** The table this game is one seat of. */
  readonly table: Table;
  /** The seat this game plays. */
  readonly seat: string;
  view(): PlayerView;
  send(command: Command): SendResult;
  subscribe(listener: (view: PlayerView) => void): () => void;
  on(listener: (notice: Notice) => void): () => void;
  /** This seat's commands, in order. */
  log(): readonly Command[];
  truth(): NegotiationContext;
  save(): SaveFile;
  stop(): void;
}

/** Start a one-player game (the mediator's seat; options may also seat people or bots elsewhere). Same scenario, options and commands ⇒ the same game. */
export function createGame(scenario: Scenario, options: GameOptions & Pick<TableOptions, 'seats' | 'split'>): Game {
  const table = createTable(scenario, options);
  return gameFor(table, playerSeat(table));
}

/** The seat a one-seat game plays: the mediator's, else the first held by a person, else the first. */
export function playerSeat(table: Table): string {
  const seats = table.seats();
  return table.mediatorSeat() ?? seats.find((s) => s.holder === 'person')?.id ?? seats[0]!.id;
}

export type ReplayResult = { ok: true; game: Game } | { ok: false; message: string };

/** Rebuild a game from a save, checking it belongs to this scenario and every command still applies. */
export function replay(scenario: Scenario, save: SaveFile): ReplayResult {
  const restored = restoreTable(scenario, save);
  if (!restored.ok) return restored;
  return { ok: true, game: gameFor(restored.table, playerSeat(restored.table)) };
}

export { parseSave };
