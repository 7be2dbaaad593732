/**
 * One lesson: its tables, its students and its teacher. The teacher (holding the teacher's
 * secret) watches every table and steers them; a student joins with the code and a display
 * name, and gets a seat (at random, by choice, or from the teacher) with a signed pass for
 * that table. Tables may live on other processes: the class talks to them over presence.
 */
import { matchMaker, Room, type Client } from '@colyseus/core';
import type { Scenario } from '../scenario/schema.ts';
import { buildClassDebrief, type ClassDebrief, type TableDebrief } from './classDebrief.ts';
import { ClassStateSender } from './classStatePatch.ts';
import type { ServerContext } from './context.ts';
import {
  checkMessage, classJoinSchema, classMessages, type ClassMessage, type ClassMessageType, type ClassSetup, type ClassState,
  type StudentState, type TableReport,
} from './protocol.ts';
import { makePass, randomId, randomToken, secretMatches, hashSecret } from './secrets.ts';
import { classChannel, tableChannel, TableRoom, type TableMeta, type TableOrder } from './tableRoom.ts';
import { seatsOf, type WorldCommand } from './liveTable.ts';

export interface StudentRecord {
  id: string;
  name: string;
  tokenHash: string;
  table: number | null;
  seat: string | null;
}

/** A class as written to disk. */
export interface ClassRecord {
  id: string;
  code: string;
  teacherHash: string;
  /** Key for signing seat passes (base64url). */
  key: string;
  setup: ClassSetup;
  createdAt: number;
  tables: { index: number; id: string }[];
  students: StudentRecord[];
  paused: boolean;
  dayMinutes: number | null;
  ended: boolean;
}

type Channel =
  | { type: 'table'; report: TableReport }
  | { type: 'refused'; index: number; reason: string }
  | { type: 'debrief'; requestId: string; index: number; debrief: TableDebrief & { unfinished?: true } };

type UserData = { role: 'teacher' } | { role: 'student'; id: string; token: string | null };

export const codeKey = 'accord:codes';

export class ClassRoom extends Room {
  private ctx!: ServerContext;
  private record!: ClassRecord;
  private scenario!: Scenario;
  private readonly reports = new Map<number, TableReport>();
  private readonly online = new Map<string, Client>();
  private onChannel: ((m: Channel) => void) | null = null;
  private stateDue: ReturnType<typeof setTimeout> | null = null;
  /** What each teacher's console was sent last (by session), the base of its next patch. */
  private readonly consoles = new Map<string, ClassStateSender>();
  private debriefRequest: { id: string; parts: Map<number, TableDebrief & { unfinished?: true }>; timer: ReturnType<typeof setTimeout> } | null = null;
  private lastDebrief: ClassDebrief | null = null;

  override async onCreate(options: { record?: ClassRecord; classId?: string }) {
    this.ctx = (this.constructor as typeof ClassRoom).context;
    this.autoDispose = false;
    // No schema state to sync (the class speaks in messages): no patch loop every 50 ms.
    this.patchRate = 0;
    const record = options.record ?? (options.classId ? this.ctx.store.readClass(options.classId) as ClassRecord | null : null);
    if (!record) throw new Error('no such class');
    this.record = record;
    this.roomId = record.id;
    const scenario = this.ctx.scenarios(record.setup.scenario);
    if (!scenario) throw new Error(`no scenario "${record.setup.scenario}"`);
    this.scenario = scenario;
    this.save();
    await this.presence.hset(codeKey, record.code, JSON.stringify({ classId: record.id, ended: record.ended }));
    this.setMetadata({ code: record.code });

    this.onChannel = (m) => this.fromTable(m);
    await this.presence.subscribe(classChannel(record.id), this.onChannel);

    for (const name of Object.keys(classMessages) as ClassMessageType[]) {
      this.onMessage(name, (client, message) => this.handle(client, name, message));
    }
    // A client asks for its state once its handlers are in place (messages sent during the join could arrive first).
    this.onMessage('sync', (client: Client<UserData>) => {
      const u = client.userData;
      if (u?.role === 'teacher') {
        this.sendState(client);
        if (this.lastDebrief) client.send('class.debrief', this.lastDebrief);
      } else if (u?.role === 'student') {
        const student = this.record.students.find((s) => s.id === u.id);
        if (student) this.sendStudent(client, student, u.token);
      }
    });
    this.onMessage('*', (client, type) => client.send('refused', { reason: `unknown message "${String(type).slice(0, 40)}"` }));

    await this.openTables();
  }

  /** Make (or find again, after a restart) every table of the class. */
  private async openTables(): Promise<void> {
    const s = this.record.setup;
    for (let index = 0; index < s.tables; index++) {
      const id = this.record.tables[index]?.id ?? `${this.record.id}t${index}`;
      this.record.tables[index] = { index, id };
      const existing = await matchMaker.query({ roomId: id });
      if (existing.length === 0) {
        const meta: TableMeta = {
          tableId: id, classId: this.record.id, index, scenario: s.scenario, start: s.start, seed: s.seed,
          difficulty: s.difficulty as TableMeta['difficulty'], key: this.record.key,
          paused: this.record.paused, dayMinutes: this.record.dayMinutes, ended: this.record.ended, seats: 'people',
        };
        await matchMaker.createRoom('table', { tableId: id, meta });
      }
      this.order(index, { type: 'seats', seats: this.seatsAt(index) });
      this.order(index, { type: 'report' });
    }
    this.save();
  }

  override onAuth(_client: Client, options: unknown) {
    const checked = checkMessage(classJoinSchema, options);
    if (!checked.ok) throw new Error(checked.reason);
    const o = checked.value;
    if ('teacher' in o) {
      if (!secretMatches(o.teacher, this.record.teacherHash)) throw new Error('that is not this class’s teacher secret');
      return { role: 'teacher' as const };
    }
    if (o.code !== this.record.code) throw new Error('that code is not for this class');
    if (o.student) {
      const known = this.record.students.find((st) => secretMatches(o.student!, st.tokenHash));
      if (known) return { role: 'student' as const, id: known.id, name: o.name };
    }
    if (this.record.ended) throw new Error('the lesson has ended');
    const capacity = this.record.setup.tables * seatsOf(this.scenario).length;
    if (this.record.setup.seatPolicy !== 'teacher' && this.record.students.length >= capacity) throw new Error('the class is full: every seat is taken');
    return { role: 'student' as const, id: null, name: o.name };
  }

  override onJoin(client: Client<UserData>, _options: unknown, auth: { role: 'teacher' } | { role: 'student'; id: string | null; name: string }) {
    if (auth.role === 'teacher') {
      client.userData = { role: 'teacher' };
      return;
    }
    let student = auth.id ? this.record.students.find((s) => s.id === auth.id) : undefined;
    const token = randomToken();
    if (!student) {
      student = { id: randomId(12), name: auth.name, tokenHash: hashSecret(token), table: null, seat: null };
      this.record.students.push(student);
      if (this.record.setup.seatPolicy === 'random') this.assignRandom(student);
    } else {
      // A returning student: a fresh token replaces the old one (it was shown to this tab only).
      student.tokenHash = hashSecret(token);
    }
    client.userData = { role: 'student', id: student.id, token };
    this.online.get(student.id)?.leave(4101, 'You opened the class in another tab.');
    this.online.set(student.id, client);
    this.save();
    this.stateChanged();
  }

  override onLeave(client: Client<UserData>) {
    const u = client.userData;
    this.consoles.delete(client.sessionId);
    if (u?.role === 'student' && this.online.get(u.id)?.sessionId === client.sessionId) this.online.delete(u.id);
    this.stateChanged();
  }

  override async onDispose() {
    if (this.onChannel) await this.presence.unsubscribe(classChannel(this.record.id), this.onChannel);
  }

  // ---- seats ----------------------------------------------------------------------------

  private seatsAt(index: number): Record<string, { student: string; name: string }> {
    const out: Record<string, { student: string; name: string }> = {};
    for (const s of this.record.students) if (s.table === index && s.seat) out[s.seat] = { student: s.id, name: s.name };
    return out;
  }

  private freeSeats(): { table: number; seat: string; name: string }[] {
    const seats = seatsOf(this.scenario);
    const taken = new Set(this.record.students.filter((s) => s.seat).map((s) => `${s.table}:${s.seat}`));
    const out: { table: number; seat: string; name: string }[] = [];
    for (let t = 0; t < this.record.setup.tables; t++) {
      for (const seat of seats) if (!taken.has(`${t}:${seat.id}`)) out.push({ table: t, seat: seat.id, name: seat.name });
    }
    return out;
  }

  /** Fill tables evenly: a random free seat at the table with the fewest students. */
  private assignRandom(student: StudentRecord): void {
    const free = this.freeSeats();
    if (free.length === 0) return;
    const count = (t: number) => this.record.students.filter((s) => s.table === t && s.seat).length;
    const least = Math.min(...free.map((f) => count(f.table)));
    const candidates = free.filter((f) => count(f.table) === least);
    // Within the emptiest tables, the seats in scenario order (the mediator first), one table at a time.
    const order = seatsOf(this.scenario).map((s) => s.id);
    candidates.sort((a, b) => a.table - b.table || order.indexOf(a.seat) - order.indexOf(b.seat));
    const pick = candidates[0]!;
    this.seat(student, pick.table, pick.seat);
  }

  private seat(student: StudentRecord, table: number, seat: string): void {
    const before = student.table;
    const holder = this.record.students.find((s) => s.table === table && s.seat === seat && s.id !== student.id);
    if (holder) {
      holder.table = null;
      holder.seat = null;
    }
    student.table = table;
    student.seat = seat;
    if (before !== null && before !== table) this.order(before, { type: 'seats', seats: this.seatsAt(before) });
    this.order(table, { type: 'seats', seats: this.seatsAt(table) });
    for (const s of [student, holder]) {
      if (!s) continue;
      const c = this.online.get(s.id);
      if (c) this.sendStudent(c, s, this.tokenOf(c));
    }
  }

  /** The token a student's tab was given when it joined (sent again with every update to that tab). */
  private tokenOf(c: Client): string | null {
    const u = c.userData as UserData | undefined;
    return u?.role === 'student' ? u.token : null;
  }

  private studentState(student: StudentRecord, token: string | null): StudentState {
    const seatInfo = seatsOf(this.scenario).find((s) => s.id === student.seat);
    const tableId = student.table === null ? null : this.record.tables[student.table]?.id;
    return {
      classId: this.record.id,
      student: { id: student.id, token: token ?? '', name: student.name },
      game: { scenario: this.scenario.id, start: this.record.setup.start ?? this.scenario.starts[0]!.id, seed: this.record.setup.seed, difficulty: this.record.setup.difficulty },
      scenarioTitle: this.scenario.title,
      policy: this.record.setup.seatPolicy,
      ended: this.record.ended,
      assignment: student.table !== null && student.seat && tableId && seatInfo
        ? {
            table: student.table, seat: student.seat, seatName: seatInfo.name, tableId,
            pass: makePass(this.record.key, { c: this.record.id, s: student.id, t: student.table, seat: student.seat, n: student.name }),
          }
        : null,
      free: this.record.setup.seatPolicy === 'chosen' ? this.freeSeats() : [],
    };
  }

  private sendStudent(client: Client, student: StudentRecord, token: string | null): void {
    client.send('class.you', this.studentState(student, token));
  }

  // ---- messages -------------------------------------------------------------------------

  private handle(client: Client<UserData>, type: ClassMessageType, message: unknown): void {
    const checked = checkMessage(classMessages[type], message);
    if (!checked.ok) return client.send('refused', { reason: checked.reason });
    const u = client.userData;
    if (!u) return client.send('refused', { reason: 'not in this class' });
    if (type === 'seat.choose') {
      if (u.role !== 'student') return client.send('refused', { reason: 'only students choose seats' });
      return this.choose(client, u.id, checked.value as ClassMessage<'seat.choose'>);
    }
    if (u.role !== 'teacher') return client.send('refused', { reason: 'only the teacher can do that' });
    this.teacher(client, type, checked.value);
  }

  private choose(client: Client, id: string, m: ClassMessage<'seat.choose'>): void {
    const student = this.record.students.find((s) => s.id === id)!;
    if (this.record.ended) return client.send('refused', { reason: 'the lesson has ended' });
    if (this.record.setup.seatPolicy !== 'chosen') return client.send('refused', { reason: 'in this class seats are not chosen by students' });
    if (!this.freeSeats().some((f) => f.table === m.table && f.seat === m.seat)) return client.send('refused', { reason: 'that seat is taken' });
    this.seat(student, m.table, m.seat);
    this.save();
    for (const [sid, c] of this.online) {
      const s = this.record.students.find((x) => x.id === sid);
      if (s && sid !== id) this.sendStudent(c, s, this.tokenOf(c));
    }
    this.stateChanged();
  }

  private teacher(client: Client, type: ClassMessageType, value: unknown): void {
    const all = (order: TableOrder) => this.record.tables.forEach((t) => this.order(t.index, order));
    switch (type) {
      case 'teacher.assign': {
        const m = value as ClassMessage<'teacher.assign'>;
        const student = this.record.students.find((s) => s.id === m.student);
        if (!student) return client.send('refused', { reason: 'no such student' });
        if (m.table >= this.record.setup.tables || !seatsOf(this.scenario).some((s) => s.id === m.seat)) return client.send('refused', { reason: 'no such seat' });
        this.seat(student, m.table, m.seat);
        break;
      }
      case 'teacher.pause':
        this.record.paused = (value as ClassMessage<'teacher.pause'>).paused;
        all({ type: 'pause', paused: this.record.paused });
        break;
      case 'teacher.dayLength':
        this.record.dayMinutes = (value as ClassMessage<'teacher.dayLength'>).minutes;
        all({ type: 'dayLength', minutes: this.record.dayMinutes });
        break;
      case 'teacher.inject': {
        const m = value as ClassMessage<'teacher.inject'>;
        if (m.event && !this.scenario.events.some((e) => e.id === m.event)) return client.send('refused', { reason: `no event "${m.event}" in the scenario` });
        const command: WorldCommand = m.event ? { type: 'world.event', event: m.event } : { type: 'world.news', headline: m.headline! };
        if (m.table === null) all({ type: 'world', command });
        else this.order(m.table, { type: 'world', command });
        break;
      }
      case 'teacher.adjust': {
        const m = value as ClassMessage<'teacher.adjust'>;
        const party = this.scenario.parties.find((p) => p.id === m.party && p.role !== 'mediator');
        if (!party) return client.send('refused', { reason: `no party "${m.party}" to adjust` });
        if (m.table >= this.record.setup.tables) return client.send('refused', { reason: 'no such table' });
        if (m.redLine && !party.redLines.some((l) => l.id === m.redLine!.line)) return client.send('refused', { reason: `${party.name} has no red line "${m.redLine.line}"` });
        const command: WorldCommand = m.redLine
          ? { type: 'world.redLine', party: party.id, line: m.redLine.line, lifted: m.redLine.lifted }
          : { type: 'world.mood', party: party.id, patience: m.patience! };
        this.order(m.table, { type: 'world', command });
        break;
      }
      case 'teacher.end':
        this.record.ended = true;
        all({ type: 'end' });
        void this.presence.hset(codeKey, this.record.code, JSON.stringify({ classId: this.record.id, ended: true }));
        for (const [sid, c] of this.online) {
          const s = this.record.students.find((x) => x.id === sid);
          if (s) this.sendStudent(c, s, this.tokenOf(c));
        }
        break;
      case 'teacher.debrief':
        this.requestDebrief();
        break;
      default:
        break;
    }
    this.save();
    this.stateChanged();
  }

  private order(index: number, order: TableOrder): void {
    const table = this.record.tables[index];
    if (table) void this.presence.publish(tableChannel(table.id), order);
  }

  // ---- tables → teacher -----------------------------------------------------------------

  private fromTable(m: Channel): void {
    if (m.type === 'table') {
      this.reports.set(m.report.index, m.report);
      this.stateChanged();
    } else if (m.type === 'refused') {
      for (const c of this.clients) if ((c.userData as UserData | undefined)?.role === 'teacher') c.send('refused', { reason: `Table ${m.index + 1}: ${m.reason}` });
    } else if (m.type === 'debrief' && this.debriefRequest?.id === m.requestId) {
      this.debriefRequest.parts.set(m.index, m.debrief);
      if (this.debriefRequest.parts.size === this.record.tables.length) this.finishDebrief();
    }
  }

  private requestDebrief(): void {
    if (this.debriefRequest) return;
    const id = randomId(10);
    this.debriefRequest = { id, parts: new Map(), timer: setTimeout(() => this.finishDebrief(), 15_000) };
    for (const t of this.record.tables) this.order(t.index, { type: 'debrief', requestId: id });
  }

  private finishDebrief(): void {
    const request = this.debriefRequest;
    if (!request) return;
    clearTimeout(request.timer);
    this.debriefRequest = null;
    const holders = (index: number): Record<string, string | null> => {
      const out: Record<string, string | null> = {};
      for (const s of this.record.students) if (s.table === index && s.seat) out[s.seat] = s.name;
      return out;
    };
    this.lastDebrief = buildClassDebrief({
      scenario: { id: this.scenario.id, title: this.scenario.title, parties: this.scenario.parties.map((p) => ({ id: p.id, name: p.name, role: p.role })) },
      start: this.record.setup.start ?? this.scenario.starts[0]!.id,
      seed: this.record.setup.seed,
      difficulty: this.record.setup.difficulty,
      tables: [...request.parts.entries()].sort((a, b) => a[0] - b[0]).map(([index, debrief]) => ({ index, debrief, holders: holders(index) })),
      tableCount: this.record.tables.length,
    });
    for (const c of this.clients) if ((c.userData as UserData | undefined)?.role === 'teacher') c.send('class.debrief', this.lastDebrief);
  }

  private classState(): ClassState {
    const start = this.scenario.starts.find((s) => s.id === (this.record.setup.start ?? this.scenario.starts[0]!.id));
    return {
      classId: this.record.id,
      code: this.record.code,
      setup: this.record.setup,
      scenarioTitle: this.scenario.title,
      startTitle: start?.title ?? '',
      paused: this.record.paused,
      dayMinutes: this.record.dayMinutes,
      ended: this.record.ended,
      tables: this.record.tables.map((t) => this.reports.get(t.index) ?? { index: t.index, tableId: t.id, pending: true as const }),
      students: this.record.students.map((s) => ({ id: s.id, name: s.name, table: s.table, seat: s.seat, online: this.online.has(s.id) })),
      events: this.scenario.events.map((e) => ({ id: e.id, headline: e.headline })),
      parties: this.scenario.parties.map((p) => ({ id: p.id, name: p.name, role: p.role, redLines: p.redLines.map((l) => ({ id: l.id, reason: l.reason })) })),
    };
  }

  private sendState(client: Client): void {
    client.send('class.state', this.senderFor(client).whole(this.classState()));
  }

  private senderFor(client: Client): ClassStateSender {
    let sender = this.consoles.get(client.sessionId);
    if (!sender) this.consoles.set(client.sessionId, (sender = new ClassStateSender()));
    return sender;
  }

  /** Teachers get what changed in the class's state at most every 300 ms. */
  private stateChanged(): void {
    if (this.stateDue) return;
    this.stateDue = setTimeout(() => {
      this.stateDue = null;
      const state = this.classState();
      for (const c of this.clients) {
        if ((c.userData as UserData | undefined)?.role !== 'teacher') continue;
        const out = this.senderFor(c).next(state);
        if (out && 'whole' in out) c.send('class.state', out.whole);
        else if (out) c.send('class.patch', out.patch);
      }
    }, 300);
  }

  private save(): void {
    this.ctx.store.writeClass(this.record.id, this.record);
  }

  static context: ServerContext;
}

// The room classes read their context from a static set by the server at start.
export function setContext(ctx: ServerContext): void {
  ClassRoom.context = ctx;
  TableRoom.context = ctx;
}
