/**
 * One table of a live class: runs one game authoritatively. A student joins with the seat pass
 * the class handed out; a command is accepted only from the client holding that seat, checked
 * for size and shape, written to the table's log on disk, and then every seat is sent its own
 * view as a message (no shared state: nothing hidden is ever broadcast). The teacher steers it
 * through the class room, over presence (so the class and its tables may live on different
 * processes).
 */
import { Room, type Client } from '@colyseus/core';
import type { Scenario } from '../scenario/schema.ts';
import type { Difficulty } from '../engine/knowledge.ts';
import { checkMessage, tableJoinSchema, tableMessages, type SeatStatus, type TableReport, type TableStatus } from './protocol.ts';
import { SeatSender } from './viewPatch.ts';
import { readPass, type SeatPass } from './secrets.ts';
import { openLiveTable, type LiveTable, type LogEntry, type WorldCommand } from './liveTable.ts';
import type { ServerContext } from './context.ts';
import { trimDebrief } from './classDebrief.ts';

/** What a table is, as written to disk when it is first created. */
export interface TableMeta {
  tableId: string;
  classId: string;
  index: number;
  scenario: string;
  start?: string;
  seed: number;
  difficulty: Difficulty;
  /** The class's key for checking seat passes. */
  key: string;
  paused: boolean;
  dayMinutes: number | null;
  ended: boolean;
  /** A table starts when its first student sits down: until then no machine plays and no clock runs. */
  started?: boolean;
  /** 'people': any seat may be a student's (absent on tables made before seats: the mediator's only). */
  seats?: 'people';
  /** Who the class seated where (seat id → student), so a restarted table keeps their seats through the grace period. */
  holders?: Record<string, { student: string; name: string }>;
}

/** Class → table, over presence. */
export type TableOrder =
  | { type: 'pause'; paused: boolean }
  | { type: 'dayLength'; minutes: number | null }
  | { type: 'world'; command: WorldCommand }
  | { type: 'end' }
  | { type: 'report' }
  /** Who holds which seat, as the class assigned them (seat id → student). */
  | { type: 'seats'; seats: Record<string, { student: string; name: string }> }
  | { type: 'debrief'; requestId: string };

export const tableChannel = (tableId: string) => `accord:table:${tableId}`;
export const classChannel = (classId: string) => `accord:class:${classId}`;

interface Holder {
  student: string;
  name: string;
  client: Client | null;
  /** What this connection was sent last (each message is a patch against it). */
  sent: SeatSender;
  /** When the seat was last left empty (ms), or null while connected. */
  awaySince: number | null;
}

interface UserData {
  seat: string;
  student: string;
}

const TICK_MS = 250;
const REPORT_MS = 1000;

export class TableRoom extends Room {
  private ctx!: ServerContext;
  private meta!: TableMeta;
  private game!: LiveTable;
  private scenario!: Scenario;
  private readonly holders = new Map<string, Holder>();
  private dayStartedAt = 0;
  private ticks = 0;
  private dayElapsedBeforePause = 0;
  private lastDay = -1;
  private reportDue = 0;
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private onOrder: ((order: TableOrder) => void) | null = null;

  override async onCreate(options: { tableId: string; meta?: TableMeta }) {
    this.ctx = (this.constructor as typeof TableRoom).context;
    this.autoDispose = false;
    this.roomId = options.tableId;
    const stored = this.ctx.store.readTable(options.tableId) as TableMeta | null;
    const meta = stored ?? options.meta;
    if (!meta) throw new Error(`no table "${options.tableId}"`);
    this.meta = meta;
    if (!stored) this.ctx.store.writeTable(meta.tableId, meta);
    const scenario = this.ctx.scenarios(meta.scenario);
    if (!scenario) throw new Error(`no scenario "${meta.scenario}"`);
    this.scenario = scenario;
    const log = this.ctx.store.readLog(meta.tableId) as LogEntry[];
    this.game = openLiveTable(scenario, { start: meta.start, seed: meta.seed, difficulty: meta.difficulty, ...(meta.seats ? { seats: meta.seats } : {}) }, log);
    // Rewrite the log as replayed: drops a torn last line left by a killed write.
    this.ctx.store.rewriteLog(meta.tableId, this.game.log());
    // After a restart the students get their grace period again before any machine plays for them.
    for (const [seat, h] of Object.entries(meta.holders ?? {})) this.holders.set(seat, { ...h, client: null, sent: new SeatSender(), awaySince: Date.now() });
    this.startDay();
    this.setMetadata({ classId: meta.classId, index: meta.index });

    this.onMessage('command', (client, message) => this.onCommand(client, message));
    // A client asks for its view once its handlers are in place (messages sent during the join could arrive first).
    this.onMessage('sync', (client: Client<UserData>) => this.sendViews(client, undefined, true));
    this.onMessage('*', (client, type) => this.refuse(client, `unknown message "${String(type).slice(0, 40)}"`));

    this.onOrder = (order) => this.handleOrder(order);
    await this.presence.subscribe(tableChannel(meta.tableId), this.onOrder);
    // No schema state to sync (each seat's view goes as a message): no patch loop every 50 ms, only the table's own tick.
    this.patchRate = 0;
    this.setSimulationInterval(() => this.tick(), TICK_MS);
    this.report();
  }

  override onAuth(_client: Client, options: unknown) {
    const checked = checkMessage(tableJoinSchema, options);
    if (!checked.ok) throw new Error(checked.reason);
    const pass = readPass(this.meta.key, checked.value.pass);
    if (!pass || pass.c !== this.meta.classId || pass.t !== this.meta.index) throw new Error('that seat pass is not for this table');
    if (!this.game.seats().some((s) => s.id === pass.seat)) throw new Error(`there is no seat "${pass.seat}" at this table`);
    if (this.meta.ended) throw new Error('the lesson has ended');
    const holder = this.holders.get(pass.seat);
    if (holder && holder.student !== pass.s) throw new Error('that seat is now someone else’s');
    return pass;
  }

  override onJoin(client: Client<UserData>, _options: unknown, pass: SeatPass) {
    const previous = this.holders.get(pass.seat);
    // The newest holder of a pass wins (a reload, a second tab, or the teacher moving the seat).
    if (previous?.client && previous.client.sessionId !== client.sessionId) {
      previous.client.leave(4101, 'This seat was opened somewhere else.');
    }
    client.userData = { seat: pass.seat, student: pass.s };
    if (!this.meta.started) {
      this.meta.started = true;
      this.ctx.store.writeTable(this.meta.tableId, this.meta);
      this.startDay();
    }
    this.holders.set(pass.seat, { student: pass.s, name: pass.n, client, sent: new SeatSender(), awaySince: null });
    if (this.machinesPlay()) this.accepted();
    this.sendViews();
    this.report();
  }

  override async onLeave(client: Client<UserData>, consented: boolean) {
    const seat = client.userData?.seat;
    const holder = seat ? this.holders.get(seat) : undefined;
    if (!seat || !holder || holder.client?.sessionId !== client.sessionId) return;
    holder.client = null;
    holder.awaySince = Date.now();
    this.report();
    if (consented) return;
    try {
      const back = await this.allowReconnection(client, this.ctx.reconnectSeconds);
      const now = this.holders.get(seat);
      if (now && now.awaySince !== null && now.student === holder.student) {
        now.client = back;
        now.sent = new SeatSender();
        now.awaySince = null;
        this.sendViews();
        this.report();
      }
    } catch {
      // Not back in time: the seat waits for its pass; the machine takes it after the grace period.
    }
  }

  override async onDispose() {
    if (this.onOrder) await this.presence.unsubscribe(tableChannel(this.meta.tableId), this.onOrder);
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.game?.stop();
    if (this.meta) this.ctx.store.closeLog(this.meta.tableId);
  }

  // ---- commands -------------------------------------------------------------------------

  private refuse(client: Client, reason: string, ref?: number): void {
    client.send('refused', ref === undefined ? { reason } : { reason, ref });
  }

  private onCommand(client: Client<UserData>, message: unknown): void {
    const checked = checkMessage(tableMessages.command, message);
    if (!checked.ok) return this.refuse(client, checked.reason);
    const { command, ref } = checked.value;
    const seat = client.userData?.seat;
    if (!seat || this.holders.get(seat)?.client?.sessionId !== client.sessionId) return this.refuse(client, 'you do not hold a seat at this table', ref);
    if (this.meta.ended) return this.refuse(client, 'the lesson has ended', ref);
    if (this.meta.paused) return this.refuse(client, 'the teacher has paused the class', ref);
    const r = this.game.send(seat, command);
    if (!r.ok) return this.refuse(client, r.reason, ref);
    this.machinesPlay();
    this.accepted();
    // The sender sees its command's result at once; the other seats on the table's next tick.
    this.sendViews(client, ref, false, true);
  }

  /** Seats nobody plays now: never taken, or left empty longer than the grace period. */
  private machineSeats(): Set<string> {
    return new Set(this.game.seats().filter((s) => {
      const holder = this.holders.get(s.id);
      return !holder || holder.client === null && this.machineHas(holder);
    }).map((s) => s.id));
  }

  /** The machines in the empty seats answer what waits for them and end their day. */
  private machinesPlay(): boolean {
    if (!this.meta.started || this.meta.ended || this.meta.paused) return false;
    return this.game.settle(this.machineSeats());
  }

  /** After the game moved: write what was accepted, restart the day clock on a new day. */
  private written = 0;
  private accepted(): void {
    const log = this.game.log();
    for (; this.written < log.length; this.written++) this.ctx.store.appendEntry(this.meta.tableId, log[this.written]!);
    if (this.game.day() !== this.lastDay) this.startDay();
    this.report();
  }

  private startDay(): void {
    this.lastDay = this.game.day();
    this.dayStartedAt = Date.now();
    this.dayElapsedBeforePause = 0;
    this.written = Math.max(this.written, this.game.log().length);
  }

  private status(): TableStatus {
    const dayMs = this.meta.dayMinutes === null ? null : this.meta.dayMinutes * 60_000;
    const elapsed = this.meta.paused ? this.dayElapsedBeforePause : this.dayElapsedBeforePause + (Date.now() - this.dayStartedAt);
    return {
      paused: this.meta.paused,
      ended: this.meta.ended,
      dayMinutes: this.meta.dayMinutes,
      dayLeftMs: dayMs === null || this.meta.paused || !this.meta.started || this.game.over() ? null : Math.max(0, dayMs - elapsed),
    };
  }

  private seatStatus(): SeatStatus[] {
    const machine = this.machineSeats();
    return this.game.seats().map((s) => {
      const holder = this.holders.get(s.id);
      return { ...s, holder: holder?.name ?? null, connected: holder?.client != null, machine: machine.has(s.id) };
    });
  }

  private machineHas(holder: Holder): boolean {
    return holder.awaySince !== null && Date.now() - holder.awaySince >= this.ctx.seatGraceSeconds * 1000;
  }

  /** Whether the other seats have not yet been sent what changed since a command (they are, on the next tick). */
  private viewsDue = false;

  /**
   * Each connected seat gets its own view: what changed in it since its last message (a seat
   * whose view, clock and table did not change gets nothing), or the whole view when `whole`
   * (a `sync`). `ref` goes back to the client whose command it was. `onlyTo`: only `to` now,
   * the other seats on the next tick (a busy table then sends each seat one message a tick,
   * built from the latest state, however many commands came in between).
   */
  private sendViews(to?: Client, ref?: number, whole = false, onlyTo = false): void {
    const status = this.status();
    const seats = this.seatStatus();
    if (!whole && !onlyTo) this.viewsDue = false;
    else if (onlyTo) this.viewsDue = true;
    for (const [seat, holder] of this.holders) {
      if (!holder.client) continue;
      const isTo = to !== undefined && holder.client.sessionId === to.sessionId;
      if ((whole || onlyTo) && !isTo) continue;
      const message = holder.sent.next(seat, this.game.view(seat), status, seats, isTo ? ref : undefined, whole);
      if (message) holder.client.send('view', message);
    }
  }

  // ---- the clock, the machines and the teacher ------------------------------------------

  private tick(): void {
    this.play();
    if (this.viewsDue) this.sendViews();
  }

  private play(): void {
    if (!this.meta.started || this.meta.ended || this.meta.paused || this.game.over()) return;
    // A seat empty past its grace period is played by its machine from now on.
    let changed = this.machinesPlay();
    // A machine in the mediator's seat moves at about a person's pace: one command a second.
    if (++this.ticks % Math.round(1000 / TICK_MS) === 0 && this.game.mediatorMove(this.machineSeats())) changed = true;
    const s = this.status();
    if (s.dayLeftMs === 0) {
      if (this.game.world({ type: 'world.endDay' }).ok) changed = true;
    }
    if (changed) {
      this.machinesPlay();
      this.accepted();
      this.viewsDue = true;
    }
  }

  private handleOrder(order: TableOrder): void {
    switch (order.type) {
      case 'pause':
        if (order.paused === this.meta.paused) break;
        if (order.paused) this.dayElapsedBeforePause += Date.now() - this.dayStartedAt;
        else this.dayStartedAt = Date.now();
        this.meta.paused = order.paused;
        this.ctx.store.writeTable(this.meta.tableId, this.meta);
        if (this.machinesPlay()) this.accepted();
        this.sendViews();
        break;
      case 'dayLength':
        this.meta.dayMinutes = order.minutes;
        this.ctx.store.writeTable(this.meta.tableId, this.meta);
        this.startDay();
        this.sendViews();
        break;
      case 'world': {
        const r = this.game.world(order.command);
        if (r.ok) {
          this.machinesPlay();
          this.accepted();
          this.sendViews();
        } else {
          void this.presence.publish(classChannel(this.meta.classId), { type: 'refused', index: this.meta.index, reason: r.reason });
        }
        break;
      }
      case 'end':
        this.meta.ended = true;
        this.ctx.store.writeTable(this.meta.tableId, this.meta);
        this.sendViews();
        break;
      case 'debrief':
        void this.presence.publish(classChannel(this.meta.classId), { type: 'debrief', requestId: order.requestId, index: this.meta.index, debrief: trimDebrief(this.game.debrief(this.ctx.analysisWork), this.game.over()) });
        break;
      case 'seats':
        this.reserve(order.seats);
        break;
      case 'report':
        break;
    }
    this.report(true);
  }

  /** The class's assignments: a seat given to someone else drops its old holder. */
  private reserve(seats: Record<string, { student: string; name: string }>): void {
    this.meta.holders = seats;
    this.ctx.store.writeTable(this.meta.tableId, this.meta);
    const now = Date.now();
    for (const seat of this.game.seats()) {
      const want = seats[seat.id];
      const holder = this.holders.get(seat.id);
      if (!want) {
        if (holder) {
          holder.client?.leave(4102, 'The teacher moved you to another seat.');
          this.holders.delete(seat.id);
        }
        continue;
      }
      if (holder && holder.student === want.student) {
        holder.name = want.name;
        continue;
      }
      holder?.client?.leave(4102, 'The teacher moved you to another seat.');
      this.holders.set(seat.id, { student: want.student, name: want.name, client: null, sent: new SeatSender(), awaySince: now });
    }
    if (this.machinesPlay()) this.accepted();
    this.sendViews();
  }

  /** Tell the class how this table stands (at most every REPORT_MS, unless `now`). */
  private report(now = false): void {
    const due = Date.now() + (now ? 0 : REPORT_MS);
    if (this.reportTimer && this.reportDue <= due) return;
    if (this.reportTimer) clearTimeout(this.reportTimer);
    this.reportDue = due;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      const report: TableReport = {
        index: this.meta.index,
        tableId: this.meta.tableId,
        seats: this.seatStatus(),
        status: this.status(),
        summary: this.game.summary(),
        process: this.ctx.processName,
      };
      void this.presence.publish(classChannel(this.meta.classId), { type: 'table', report });
    }, Math.max(0, due - Date.now()));
  }

  /** Set by the server before rooms are made: the store, scenarios and timings. */
  static context: ServerContext;
}
