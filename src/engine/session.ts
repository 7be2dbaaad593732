/**
 * The one bridge between the engine and whatever drives it (scenes, CLI, bots, tests):
 * send a command, read a snapshot. Creates the negotiation actor, keeps the log of commands
 * and hands out the player's view; hidden truth only through `truth()`, for the oracle and
 * the debrief.
 */
import { createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { validateCommand, type Command } from './commands.ts';
import type { Difficulty } from './knowledge.ts';
import { commandState, negotiationMachine, type NegotiationContext, type Notice } from './negotiationMachine.ts';
import { ENGINE_VERSION } from './envelope.ts';
import { commandSchema, makeSave, parseSave, type SaveFile } from './save.ts';
import { playerView, type PlayerView } from './view.ts';

export interface GameOptions {
  start?: string;
  seed: number;
  difficulty?: Difficulty;
}

export type SendResult = { ok: true; notices: Notice[] } | { ok: false; reason: string };

export interface Game {
  readonly scenario: Scenario;
  readonly start: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  view(): PlayerView;
  send(command: Command): SendResult;
  subscribe(listener: (view: PlayerView) => void): () => void;
  on(listener: (notice: Notice) => void): () => void;
  log(): readonly Command[];
  truth(): NegotiationContext;
  save(): SaveFile;
  stop(): void;
}

/** Start a game. Same scenario, options and commands ⇒ the same game. */
export function createGame(scenario: Scenario, options: GameOptions): Game {
  const start = options.start ?? scenario.starts[0]!.id;
  if (!scenario.starts.some((s) => s.id === start)) throw new Error(`scenario "${scenario.id}" has no start "${start}"`);
  const difficulty = options.difficulty ?? 'standard';
  const seed = options.seed >>> 0;
  const actor = createActor(negotiationMachine, { input: { scenario, start, seed, difficulty } });
  actor.start();
  const log: Command[] = [];
  const viewListeners = new Set<(v: PlayerView) => void>();
  const noticeListeners = new Set<(n: Notice) => void>();
  let cached: PlayerView | null = null;
  const context = () => actor.getSnapshot().context;

  return {
    scenario,
    start,
    seed,
    difficulty,
    view() {
      cached ??= playerView(context());
      return cached;
    },
    send(command) {
      const shape = commandSchema.safeParse(command);
      if (!shape.success) return { ok: false, reason: `not a command: ${shape.error.issues[0]?.message ?? 'bad shape'}` };
      const before = context();
      const reason = validateCommand(commandState(before), command);
      if (reason) return { ok: false, reason };
      const seen = before.journal.length;
      actor.send(command);
      log.push(command);
      cached = null;
      const notices = context().journal.slice(seen);
      for (const n of notices) for (const l of noticeListeners) l(n);
      if (viewListeners.size > 0) {
        const v = this.view();
        for (const l of viewListeners) l(v);
      }
      return { ok: true, notices };
    },
    subscribe(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    on(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    log: () => log,
    truth: context,
    save: () => makeSave({ scenario: { id: scenario.id, version: scenario.version }, start, seed, difficulty, log: [...log] }),
    stop: () => actor.stop(),
  };
}

export type ReplayResult = { ok: true; game: Game } | { ok: false; message: string };

/** Rebuild a game from a save, checking it belongs to this scenario and every command still applies. */
export function replay(scenario: Scenario, save: SaveFile): ReplayResult {
  if (save.scenario.id !== scenario.id) return { ok: false, message: `the save is for scenario "${save.scenario.id}", not "${scenario.id}"` };
  if (save.scenario.version !== scenario.version) {
    return { ok: false, message: `the save was made with ${scenario.id} version ${save.scenario.version}; this is version ${scenario.version}` };
  }
  if (!scenario.starts.some((s) => s.id === save.start)) return { ok: false, message: `the save's start "${save.start}" is not in the scenario` };
  const game = createGame(scenario, { start: save.start, seed: save.seed, difficulty: save.difficulty });
  for (const [i, command] of save.log.entries()) {
    const r = game.send(command);
    if (!r.ok) {
      game.stop();
      const rules = save.engine === ENGINE_VERSION ? '' : ` (it was made by an ${save.engine < ENGINE_VERSION ? 'older' : 'newer'} version of the rules)`;
      return { ok: false, message: `command ${i + 1} (${command.type}) no longer applies: ${r.reason}${rules}` };
    }
  }
  return { ok: true, game };
}

export { parseSave };
