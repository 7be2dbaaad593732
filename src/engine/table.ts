/**
 * A table: one negotiation with its seats. The one way the server, the pass-and-play screens,
 * the CLI and the single-player game drive the engine: `send(seat, command)` checks that the
 * seat may send it and that it is legal now, logs `{seat, command}` and returns the notices;
 * `view(seat)` is what that seat may see. Machines play the seats people do not hold: party
 * machines answer at once, mediator bots play their turns inside `send`. A table is rebuilt
 * exactly from its scenario, options and log (`restoreTable`).
 */
import { createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { playedScenario, type GameLength } from '../scenario/gameLength.ts';
import { BOTS, type Bot } from './bots/index.ts';
import type { Command, SeatCommand } from './commands.ts';
import type { Difficulty } from './knowledge.ts';
import { negotiationMachine, type NegotiationContext, type Notice } from './negotiationMachine.ts';
import type { PartyStyle } from './partyStyles.ts';
import { RngCursor, seedRng } from './rng.ts';
import { ENGINE_VERSION } from './envelope.ts';
import { makeSave, MEDIATOR_ALIAS, seatCommandSchema, type LogEntry, type SaveFile } from './save.ts';
import { validateSeatEvent } from './seatRules.ts';
import { awaitedSeats, botOf, isPerson, seatRefusal, seatsOf, WORLD, type Seat, type SeatHolder } from './seats.ts';
import { mediatorSeatView, partySeatView, worldView, type SeatView } from './seatView.ts';
import type { Game } from './session.ts';

export interface TableOptions {
  start?: string;
  seed: number;
  difficulty?: Difficulty;
  /** Standard, or short for one lesson: the scenario is played as `playedScenario` makes it. */
  length?: GameLength;
  /** One seat per envoy for the mediator team. */
  split?: boolean;
  /** Holders by seat id: 'person' or { bot } (a mediator bot, or a party style). */
  seats?: Readonly<Record<string, SeatHolder>>;
}

export type SendResult = { ok: true; notices: Notice[] } | { ok: false; reason: string };

/** What subscribers hear after every accepted command (including the bots' and the teacher's). */
export interface TableChange {
  entry: LogEntry;
  notices: Notice[];
}

export interface Table {
  readonly scenario: Scenario;
  readonly start: string;
  readonly seed: number;
  readonly difficulty: Difficulty;
  readonly length: GameLength;
  readonly split: boolean;
  seats(): readonly Seat[];
  /** The mediator's seat id when the team is one seat, else null. */
  mediatorSeat(): string | null;
  /** What one seat (or `@world`) may see now. Throws for a seat id that is not at this table. */
  view(seat: string): SeatView;
  /** Send a command as a seat (or as `@world`). Refusals are values, never exceptions. */
  send(seat: string, command: unknown): SendResult;
  subscribe(listener: (change: TableChange) => void): () => void;
  on(listener: (notice: Notice) => void): () => void;
  log(): readonly LogEntry[];
  /** Seats the calendar still waits for today. */
  waitingFor(): string[];
  truth(): NegotiationContext;
  save(): SaveFile;
  stop(): void;
}

/** Commands a bot may send in one run before its seat's day is ended for it. */
const MAX_BOT_COMMANDS = 4000;
const MAX_REJECTED_IN_A_ROW = 40;

/** Set a table. Same scenario, options and commands ⇒ the same game. Throws on options that make no table (unknown start or seat). */
export function createTable(scenario: Scenario, options: TableOptions): Table {
  const table = openTable(scenario, options);
  table.runBots();
  return table.api;
}

export type RestoreResult = { ok: true; table: Table } | { ok: false; message: string };

/** Rebuild a table from a save: same scenario and version, every command re-sent by its seat. Never throws. */
export function restoreTable(scenario: Scenario, save: SaveFile): RestoreResult {
  if (save.scenario.version !== scenario.version) {
    if (save.scenario.id === scenario.id) return { ok: false, message: `the save was made with ${scenario.id} version ${save.scenario.version}; this is version ${scenario.version}` };
  }
  const kept = restoreAsFarAsItGoes(scenario, save);
  if (!kept.ok) return kept;
  if (kept.stopped) {
    kept.table.stop();
    const { index, type, reason } = kept.stopped;
    const rules = save.engine === ENGINE_VERSION ? '' : ` (it was made by an ${save.engine < ENGINE_VERSION ? 'older' : 'newer'} version of the rules)`;
    return { ok: false, message: `command ${index + 1} (${type}) no longer applies: ${reason}${rules}` };
  }
  return { ok: true, table: kept.table };
}

/** Where a log stopped applying: its index in the log, the command's type, and why it was refused. */
export interface StoppedAt {
  index: number;
  type: string;
  reason: string;
}

export type KeptResult = { ok: true; table: Table; applied: number; stopped: StoppedAt | null } | { ok: false; message: string };

/**
 * Rebuild a table from a save on a scenario that may have been edited since (the studio's "play
 * from here"): the commands are re-sent in order until one no longer applies, and the table is
 * the game as it stood before that one. Any scenario version; the same id and start. Never throws.
 */
export function restoreAsFarAsItGoes(scenario: Scenario, save: SaveFile): KeptResult {
  if (save.scenario.id !== scenario.id) return { ok: false, message: `the save is for scenario "${save.scenario.id}", not "${scenario.id}"` };
  if (!scenario.starts.some((s) => s.id === save.start)) return { ok: false, message: `the save's start "${save.start}" is not in the scenario` };
  let table: ReturnType<typeof openTable>;
  try {
    table = openTable(scenario, { start: save.start, seed: save.seed, difficulty: save.difficulty, length: save.length ?? 'standard', split: save.split, seats: save.seats });
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let stopped: StoppedAt | null = null;
  for (const [index, entry] of save.log.entries()) {
    const seat = entry.seat === MEDIATOR_ALIAS ? table.api.mediatorSeat() ?? entry.seat : entry.seat;
    const r = table.deliver(seat, entry.command, true);
    if (!r.ok) {
      stopped = { index, type: entry.command.type, reason: r.reason };
      break;
    }
  }
  table.runBots();
  return { ok: true, table: table.api, applied: stopped ? stopped.index : save.log.length, stopped };
}

function openTable(authored: Scenario, options: TableOptions) {
  const start = options.start ?? authored.starts[0]!.id;
  if (!authored.starts.some((s) => s.id === start)) throw new Error(`scenario "${authored.id}" has no start "${start}"`);
  const length = options.length ?? 'standard';
  // The scenario as played: the start's settled points fixed, the calendar of the game's length.
  const scenario = playedScenario(authored, start, length);
  const difficulty = options.difficulty ?? 'standard';
  const seed = options.seed >>> 0;
  const split = options.split ?? false;
  const seated = seatsOf(scenario, { split, seats: options.seats ?? {} });
  if (!seated.ok) throw new Error(seated.message);
  const seats = seated.seats;
  const byId = new Map(seats.map((s) => [s.id, s]));
  const styles: Record<string, PartyStyle> = {};
  for (const s of seats) if (s.kind === 'party' && !isPerson(s)) styles[s.party] = botOf(s) as PartyStyle;
  const held = seats.filter((s) => s.kind === 'party' && isPerson(s)).map((s) => s.party);
  const actor = createActor(negotiationMachine, {
    input: { scenario, start, seed, difficulty, held, awaited: awaitedSeats(seats), styles },
  });
  actor.start();
  const log: LogEntry[] = [];
  const listeners = new Set<(c: TableChange) => void>();
  const noticeListeners = new Set<(n: Notice) => void>();
  const cache = new Map<string, SeatView>();
  const context = () => actor.getSnapshot().context;
  const botRng = new RngCursor(seedRng(seed ^ 0x5bd1e995));
  const bots = new Map<string, Bot>();
  for (const s of seats) if (s.kind !== 'party' && !isPerson(s)) bots.set(s.id, BOTS[botOf(s)!]!());
  const mediatorSeat = seats.find((s) => s.kind === 'mediator')?.id ?? null;
  let quiet = false;

  /**
   * Check and apply one command; `byMachine` when a bot (or a replayed log) sends for a machine-held seat.
   * `made` when the engine's own bots made the command in this process: its shape is known, so it is
   * not parsed again (anything from a seat, the network or a file is).
   */
  function deliver(seatId: string, command: unknown, byMachine: boolean, made = false): SendResult {
    let c: SeatCommand;
    if (made) c = command as SeatCommand;
    else {
      const shape = seatCommandSchema.safeParse(command);
      if (!shape.success) return { ok: false, reason: `not a command: ${shape.error.issues[0]?.message ?? 'bad shape'}` };
      c = shape.data as SeatCommand;
    }
    const seat = seatId === WORLD ? WORLD : byId.get(seatId);
    if (!seat) return { ok: false, reason: `there is no seat "${seatId}" at this table` };
    const refusal = seatRefusal(seat, c, byMachine);
    if (refusal) return { ok: false, reason: refusal };
    const event = seat === WORLD ? c : seat.kind === 'party' ? { ...c, party: seat.party, seat: seat.id } : { ...c, seat: seat.id };
    const before = context();
    if (c.type === 'day.end' && seat !== WORLD && before.ended.includes(seat.id) && !before.outcome) {
      return { ok: false, reason: 'you have already ended the day; waiting for the others' };
    }
    const reason = validateSeatEvent(before, event as Parameters<typeof validateSeatEvent>[1]);
    if (reason) return { ok: false, reason };
    const seen = before.journal.length;
    actor.send(event as Parameters<typeof actor.send>[0]);
    const entry = { seat: seatId, command: c };
    log.push(entry);
    cache.clear();
    const notices = context().journal.slice(seen);
    if (!quiet) {
      for (const n of notices) for (const l of noticeListeners) l(n);
      for (const l of listeners) l({ entry, notices });
    }
    return { ok: true, notices };
  }

  /** Let every bot in a mediator's seat play until it ends its day (or the talks end). */
  function runBots(): void {
    if (bots.size === 0) return;
    let sent = 0;
    for (;;) {
      const ctx = context();
      if (ctx.outcome) return;
      const turn = [...bots.keys()].find((id) => !ctx.ended.includes(id));
      if (!turn) return;
      const bot = bots.get(turn)!;
      const game = gameFor(api, turn);
      let rejected = 0;
      for (; !context().outcome && !context().ended.includes(turn) && sent < MAX_BOT_COMMANDS; sent++) {
        const command: Command = rejected >= MAX_REJECTED_IN_A_ROW ? { type: 'day.end' } : bot.next(game, botRng);
        const r = deliver(turn, command, true, true);
        rejected = r.ok ? 0 : rejected + 1;
        // The day may have ended for everyone (this bot was the last awaited): start over with the next day.
        if (r.ok && command.type === 'day.end') break;
      }
      if (sent >= MAX_BOT_COMMANDS) {
        if (!context().ended.includes(turn)) deliver(turn, { type: 'day.end' }, true, true);
        sent = 0;
      }
    }
  }

  const api: Table = {
    scenario,
    start,
    seed,
    difficulty,
    length,
    split,
    seats: () => seats,
    mediatorSeat: () => mediatorSeat,
    view(seatId) {
      const hit = cache.get(seatId);
      if (hit) return hit;
      const ctx = context();
      let v: SeatView;
      if (seatId === WORLD) v = worldView(ctx);
      else {
        const seat = byId.get(seatId);
        if (!seat) throw new Error(`there is no seat "${seatId}" at this table`);
        v = seat.kind === 'party' ? partySeatView(ctx, seat) : mediatorSeatView(ctx, seat);
      }
      cache.set(seatId, v);
      return v;
    },
    send(seatId, command) {
      const r = deliver(seatId, command, false);
      if (r.ok) runBots();
      return r;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    log: () => log,
    waitingFor: () => (context().outcome ? [] : context().awaited.filter((s) => !context().ended.includes(s))),
    truth: context,
    save: () => makeSave({
      scenario: { id: scenario.id, version: scenario.version },
      start,
      seed,
      difficulty,
      ...(length === 'short' ? { length } : {}),
      split,
      seats: Object.fromEntries(Object.entries(options.seats ?? {})),
      log: log.map((e) => ({ ...e })),
    }),
    stop: () => {
      actor.stop();
    },
  };
  made.set(api, (seatId, command) => {
    const r = deliver(seatId, command, false, true);
    if (r.ok) runBots();
    return r;
  });
  return {
    api,
    deliver: (seat: string, command: unknown, replaying: boolean) => {
      quiet = replaying;
      try {
        return deliver(seat, command, replaying);
      } finally {
        quiet = false;
      }
    },
    runBots,
  };
}

/** Each table's way to take a command made by the engine's own bots (see `sendMade`). */
const made = new WeakMap<Table, (seat: string, command: SeatCommand) => SendResult>();

/**
 * Send, as a seat, a command that a bot of this engine made in this process (headless play):
 * checked and applied exactly as `table.send` does, without parsing its shape again. Never for
 * a command from a seat, the network or a file: those go through `table.send`.
 */
export function sendMade(table: Table, seat: string, command: Command): SendResult {
  return made.get(table)!(seat, command);
}

/** One seat of a table seen as a one-player game (what bots and the single-player screens drive). */
export function gameFor(table: Table, seat: string): Game {
  const party = table.seats().find((s) => s.id === seat)?.party ?? seat;
  return {
    scenario: table.scenario,
    start: table.start,
    seed: table.seed,
    difficulty: table.difficulty,
    length: table.length,
    table,
    seat,
    view: () => table.view(seat) as ReturnType<Game['view']>,
    send: (command) => table.send(seat, command),
    subscribe(listener) {
      return table.subscribe(() => listener(table.view(seat) as ReturnType<Game['view']>));
    },
    on: (listener) => table.on((n) => (!n.to || n.to.includes(party) ? listener(n) : undefined)),
    log: () => table.log().filter((e) => e.seat === seat).map((e) => e.command as Command),
    truth: () => table.truth(),
    save: () => table.save(),
    stop: () => table.stop(),
  };
}
