/**
 * A live table: one negotiation run through the engine's seat API (`createTable` /
 * `restoreTable`, `view(seat)`, `send(seat, command)`, `@world` for the teacher). Every seat is
 * held by a person in the engine, so a student can take any of them at any time; the room says
 * which seats nobody is playing now, and their machines play them from here: a party answers
 * each request as its own machine advises and ends its day, a mediator's seat is played by the
 * mediator bot at about a person's pace. What the machines send is logged as the seat's own
 * commands, so the log replays exactly after a restart.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Command, SeatCommand, WorldCommand } from '../engine/commands.ts';
import type { Difficulty } from '../engine/knowledge.ts';
import { judgeNow, openPointsNow, type Notice, type Outcome } from '../engine/negotiationMachine.ts';
import { makeSave, type LogEntry } from '../engine/save.ts';
import { seatsOf as engineSeats, WORLD, type Seat, type SeatHolder } from '../engine/seats.ts';
import type { PartySeatView, SeatView } from '../engine/seatView.ts';
import { createTable, gameFor, restoreTable, type SendResult, type Table } from '../engine/table.ts';
import { BOTS, type Bot } from '../engine/bots/index.ts';
import { RngCursor, seedRng } from '../engine/rng.ts';
import { buildDebrief, type Debrief } from '../debrief/debrief.ts';

export type { LogEntry, WorldCommand };

/** One seat of a table, as the class and the teacher see it (no holder: the room knows who sits there). */
export interface SeatInfo {
  id: string;
  name: string;
  role: 'mediator' | 'signatory' | 'consulted';
}

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

/** The seats every table of this scenario has, in order: the mediator's, then every party's. */
export function seatsOf(scenario: Scenario): SeatInfo[] {
  const r = engineSeats(scenario, { split: false });
  if (!r.ok) throw new Error(r.message);
  return r.seats.map((s) => ({ id: s.id, name: s.name, role: s.role }));
}

export interface LiveTableOptions {
  start?: string;
  seed: number;
  difficulty: Difficulty;
  /**
   * 'people': every seat is a person's in the engine (the machines play the empty ones from
   * here). Absent on tables made before seats: only the mediator's seat, the parties by the engine.
   */
  seats?: 'people';
}

/** A command refused this many times in a row makes a machine mediator end its day. */
const MAX_BOT_REFUSALS = 10;

export interface LiveTable {
  readonly scenario: Scenario;
  seats(): SeatInfo[];
  /** The seat's own view: nothing another seat keeps hidden. */
  view(seat: string): SeatView;
  send(seat: string, command: SeatCommand): SendResult;
  world(command: WorldCommand): SendResult;
  /**
   * Let the machines play the `machine` seats that answer at once: each answers every request
   * waiting for it as its machine advises, and ends its day. True when anything was accepted.
   */
  settle(machine: ReadonlySet<string>): boolean;
  /** One move of a machine mediator (when the mediator's seat is in `machine`). True when accepted. */
  mediatorMove(machine: ReadonlySet<string>): boolean;
  log(): readonly LogEntry[];
  over(): boolean;
  day(): number;
  summary(): TableSummary;
  /** `maxWork`: the analyser's work budget (its default when not given). */
  debrief(maxWork?: number): Debrief;
  stop(): void;
}

/** Entries written before the seat API named the teacher `world`. */
function migrate(entry: LogEntry): LogEntry {
  return (entry.seat as string) === 'world' ? { seat: WORLD, command: entry.command } : entry;
}

/** Open a table, replaying `log` (a table restored after a restart). Throws when the log no longer applies. */
export function openLiveTable(scenario: Scenario, options: LiveTableOptions, log: readonly LogEntry[] = []): LiveTable {
  const people: Record<string, SeatHolder> = {};
  if (options.seats === 'people') for (const s of seatsOf(scenario)) people[s.id] = 'person';
  const base = { start: options.start ?? scenario.starts[0]!.id, seed: options.seed >>> 0, difficulty: options.difficulty, split: false, seats: people };
  let table: Table;
  if (log.length === 0) table = createTable(scenario, base);
  else {
    const save = makeSave({ scenario: { id: scenario.id, version: scenario.version }, ...base, log: log.map(migrate) });
    const r = restoreTable(scenario, save);
    if (!r.ok) throw new Error(r.message);
    table = r.table;
  }
  const seats = table.seats();
  const mediator = table.mediatorSeat()!;
  const personal = (s: Seat) => s.holder === 'person';
  const bot: Bot = BOTS.mediator!();
  const botGame = gameFor(table, mediator);
  const rng = new RngCursor(seedRng((options.seed ^ 0x2545f491) >>> 0));
  let botRefusals = 0;

  const over = () => table.truth().outcome !== null;
  /** Whether a request waits for a party seat's answer (what its view lists as its requests). */
  const waitingRequests = (seat: Seat) => table.truth().requests.some((r) => r.party === seat.party);

  return {
    scenario: table.scenario,
    seats: () => seats.map((s) => ({ id: s.id, name: s.name, role: s.role })),
    view: (seat) => table.view(seat),
    send: (seat, command) => (seat === WORLD ? { ok: false, reason: 'the teacher sends through the class' } : table.send(seat, command)),
    world: (command) => table.send(WORLD, command),
    settle(machine) {
      let moved = false;
      // Answers can lead to more requests (a summit's vote): go round until nothing is waiting.
      for (let round = 0; round < 8 && !over(); round++) {
        let any = false;
        for (const seat of seats) {
          if (seat.kind !== 'party' || !personal(seat) || !machine.has(seat.id)) continue;
          // The seat's view (with its machine's advice) only when a request waits for it: most commands leave it nothing to answer.
          const requests = waitingRequests(seat) ? (table.view(seat.id) as PartySeatView).requests : [];
          for (const request of requests) {
            const a = request.advice;
            if (!a) continue;
            const answer: SeatCommand = { type: 'party.answer', request: request.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) };
            let r = table.send(seat.id, answer);
            // Advice that no longer applies (a text since changed): the machine's safe answer.
            if (!r.ok) r = table.send(seat.id, { type: 'party.answer', request: request.id, reply: request.kind === 'table' ? 'reject' : 'decline', ...(request.kind === 'table' ? { points: Object.keys(request.text ?? {}).slice(0, 1) } : {}) });
            any ||= r.ok;
          }
          if (!over() && table.waitingFor().includes(seat.id) && !waitingRequests(seat)) {
            any ||= table.send(seat.id, { type: 'day.end' }).ok;
          }
        }
        moved ||= any;
        if (!any) break;
      }
      return moved;
    },
    mediatorMove(machine) {
      if (!machine.has(mediator) || over() || !table.waitingFor().includes(mediator)) return false;
      const command: Command = botRefusals >= MAX_BOT_REFUSALS ? { type: 'day.end' } : bot.next(botGame, rng);
      const r = table.send(mediator, command);
      botRefusals = r.ok ? 0 : botRefusals + 1;
      return r.ok;
    },
    log: () => table.log(),
    over,
    day: () => table.truth().day,
    summary() {
      const view = table.view(WORLD) as Extract<SeatView, { kind: 'world' }>;
      const truth = table.truth();
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
    debrief: (maxWork) => buildDebrief(botGame, maxWork),
    stop: () => table.stop(),
  };
}
