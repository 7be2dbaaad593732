/**
 * The server's one door into the engine: a table's game seen per seat. Rooms call only this
 * interface (`view(seat)`, `send(seat, command)`, world commands, the log and its replay), so
 * the server never reaches into engine internals. Built on the engine's session bridge.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Command } from '../engine/commands.ts';
import type { Difficulty } from '../engine/knowledge.ts';
import { judgeNow, openPointsNow, type Notice, type Outcome } from '../engine/negotiationMachine.ts';
import { createGame, type Game } from '../engine/session.ts';
import { WORLD } from '../engine/seats.ts';
import type { PlayerView } from '../engine/view.ts';
import { BOTS } from '../engine/bots/index.ts';
import { RngCursor, seedRng } from '../engine/rng.ts';
import { buildDebrief, type Debrief } from '../debrief/debrief.ts';

/** One accepted entry of a table's log: who sent what (`world` for the teacher's clock and steering). */
export type LogEntry = { seat: string; command: Command } | { seat: 'world'; command: WorldCommand };

/** Commands from outside the table: the teacher and the clock (the engine's world commands). */
import type { WorldCommand } from '../engine/commands.ts';
export type { WorldCommand };

export interface SeatInfo {
  id: string;
  name: string;
  role: 'mediator' | 'signatory' | 'consulted';
}

export type Result = { ok: true } | { ok: false; reason: string };

/** What the teacher sees of one table, hidden truth included (the teacher is not a seat). */
export interface TableSummary {
  day: number;
  date: string;
  daysLeft: number;
  pointsInText: number;
  /** Titles of the points still open, judged by the hidden truth. */
  openPoints: string[];
  /** Each required party: would it sign the current text now? */
  wouldSign: { party: string; name: string; yes: boolean }[];
  /** The latest moves, answers, statements and events, newest last. */
  latest: Notice[];
  outcome: Outcome['kind'] | null;
}

export interface TableGame {
  readonly scenario: Scenario;
  seats(): SeatInfo[];
  /** The seat's own view: nothing hidden from that seat. */
  view(seat: string): PlayerView;
  send(seat: string, command: Command): Result;
  world(command: WorldCommand): Result;
  /** A person holds the seat (true) or its machine plays it (false). */
  setPerson(seat: string, person: boolean): void;
  /** Let the machines move for the seats they hold; true when anything happened. */
  machinesMove(): boolean;
  log(): readonly LogEntry[];
  over(): boolean;
  summary(): TableSummary;
  debrief(): Debrief;
  stop(): void;
}

export interface TableOptions {
  start?: string;
  seed: number;
  difficulty: Difficulty;
}

/** The seats a table of this scenario has, in order (the same at every table). */
export function seatsOf(scenario: Scenario): SeatInfo[] {
  const mediator = scenario.parties.find((p) => p.role === 'mediator')!;
  return [{ id: mediator.id, name: mediator.name, role: 'mediator' }];
}

/** Most machine moves in one `machinesMove` call (a machine mediator ends its day well before). */
const MACHINE_BURST = 1;

/**
 * A table today: the engine has one player seat, the mediator; every other party is its
 * machine. Replays `log` first (restoring a table after a restart).
 */
export function openTable(scenario: Scenario, options: TableOptions, log: readonly LogEntry[] = []): TableGame {
  const game: Game = createGame(scenario, options);
  const mediator = scenario.parties.find((p) => p.role === 'mediator')!;
  const entries: LogEntry[] = [];
  const people = new Set<string>([mediator.id]);
  const bot = BOTS.mediator!();
  const rng = new RngCursor(seedRng(options.seed ^ 0x2545f491));

  const seats = (): SeatInfo[] => seatsOf(scenario);

  const apply = (entry: LogEntry): Result => {
    if (entry.seat === 'world') {
      // The teacher and the clock act through the seat API's world seat.
      const r = game.table.send(WORLD, entry.command);
      if (r.ok) entries.push(entry);
      return r.ok ? { ok: true } : r;
    }
    if (entry.seat !== mediator.id) return { ok: false, reason: `there is no seat "${entry.seat}"` };
    const r = game.send(entry.command as Command);
    if (r.ok) entries.push(entry);
    return r.ok ? { ok: true } : r;
  };

  for (const [i, entry] of log.entries()) {
    const r = apply(entry);
    if (!r.ok) throw new Error(`entry ${i + 1} of the table's log no longer applies: ${r.reason}`);
  }

  return {
    scenario,
    seats,
    view(seat) {
      if (seat !== mediator.id) throw new Error(`there is no seat "${seat}"`);
      return game.view();
    },
    send: (seat, command) => apply({ seat, command }),
    world: (command) => apply({ seat: 'world', command }),
    setPerson(seat, person) {
      if (person) people.add(seat);
      else people.delete(seat);
    },
    machinesMove() {
      if (people.has(mediator.id) || game.view().outcome) return false;
      let moved = false;
      for (let i = 0; i < MACHINE_BURST && !game.view().outcome; i++) {
        const command = bot.next(game, rng);
        const r = apply({ seat: mediator.id, command });
        moved ||= r.ok;
        if (!r.ok || command.type === 'day.end') break;
      }
      return moved;
    },
    log: () => entries,
    over: () => game.view().outcome !== null,
    summary() {
      const view = game.view();
      const truth = game.truth();
      const open = view.outcome ? [] : openPointsNow(truth).points;
      const titles = new Map(scenario.points.map((p) => [p.id, p.title]));
      return {
        day: view.day,
        date: view.date,
        daysLeft: view.daysLeft,
        pointsInText: view.pointsInText,
        openPoints: open.map((p) => titles.get(p) ?? p),
        wouldSign: scenario.parties.filter((p) => p.role === 'signatory').map((p) => ({
          party: p.id,
          name: p.name,
          yes: view.outcome ? view.outcome.kind === 'deal' && view.outcome.signers.includes(p.id) : judgeNow(truth, p.id, view.text).acceptable,
        })),
        latest: view.journal.slice(-6),
        outcome: view.outcome?.kind ?? null,
      };
    },
    debrief: () => buildDebrief(game),
    stop: () => game.stop(),
  };
}
