/**
 * Bots play the mediator through the same commands a player has. A bot is asked for one
 * command at a time until the game is over; it gets its own seeded generator so a
 * simulation is reproducible.
 */
import type { Command } from '../commands.ts';
import type { RngCursor } from '../rng.ts';
import type { Game } from '../session.ts';

export interface Bot {
  readonly name: string;
  /** The next command. Fair bots read only `game.view()` and the scenario's public structure. */
  next(game: Game, rng: RngCursor): Command;
}

export type BotFactory = () => Bot;
