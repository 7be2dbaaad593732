/**
 * The browser's side of a live class: makes a class (teacher), joins one by code (student),
 * sits at the table, and keeps the connection: a dropped connection comes back by itself, with
 * the Colyseus reconnection token first and the seat pass after a server restart. What a tab
 * needs to come back (class, student token, seat pass, reconnection token) is kept in the
 * tab's sessionStorage; the teacher's secret in localStorage, so the teacher can reopen the
 * console after closing the tab.
 */
import type { Room } from 'colyseus.js';

/**
 * The Colyseus client loads only when a class is joined or run: its MessagePack codec probes
 * `Function('')` when it loads, which the page's strict CSP reports, so single-player games never load it.
 */
const newClient = async (base: string) => new (await import('colyseus.js')).Client(base);
import type { SeatCommand } from '../../engine/commands.ts';
import type { ClassDebrief } from '../../server/classDebrief.ts';
import type { ClassSetup, ClassState, SeatMessage, StudentState } from '../../server/protocol.ts';
import { ClassStateFeed } from '../../server/classStatePatch.ts';
import { SeatFeed, type Patch, type SeatWire } from '../../server/viewPatch.ts';
import type { SendOutcome } from '../seats/seatDeps.ts';
import { readStored as read, STUDENT_KEY, TEACHER_KEY, type KeyValue } from './remembered.ts';

export { serverBase, type KeyValue } from './remembered.ts';

export interface StudentSaved {
  code: string;
  classId: string;
  name: string;
  token: string | null;
  tableId: string | null;
  pass: string | null;
  /** Colyseus reconnection token of the table connection. */
  reconnect: string | null;
}

export interface TeacherSaved {
  classId: string;
  code: string;
  secret: string;
}

function write(store: KeyValue | undefined, key: string, value: unknown): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage switched off: a reload then asks for the code again.
  }
}

export type LinkStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

/** Codes the server closes a connection with on purpose (no reconnecting after those). */
const FINAL_CLOSE = new Set([1000, 4101, 4102]);

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function postJson(base: string, path: string, body: unknown): Promise<{ ok: boolean; status: number; body: Record<string, unknown> }> {
  try {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let data: Record<string, unknown> = {};
    try {
      data = (await res.json()) as Record<string, unknown>;
    } catch {
      data = { error: `the server answered ${res.status}` };
    }
    return { ok: res.ok, status: res.status, body: data };
  } catch {
    return { ok: false, status: 0, body: { error: 'the class server cannot be reached' } };
  }
}

// ---- teacher ------------------------------------------------------------------------------

export interface TeacherEvents {
  state(s: ClassState): void;
  debrief(d: ClassDebrief): void;
  refused(reason: string): void;
  status(s: LinkStatus): void;
}

export class TeacherLink {
  private room: Room | null = null;
  private closed = false;

  constructor(private readonly base: string, readonly saved: TeacherSaved, private readonly events: TeacherEvents) {}

  static savedIn(store: KeyValue | undefined): TeacherSaved | null {
    return read<TeacherSaved>(store, TEACHER_KEY);
  }

  static async create(base: string, setup: ClassSetup, store: KeyValue | undefined): Promise<{ ok: true; saved: TeacherSaved } | { ok: false; error: string }> {
    const r = await postJson(base, '/api/classes', setup);
    if (!r.ok) return { ok: false, error: String(r.body.error ?? 'the class could not be made') };
    const saved: TeacherSaved = { classId: String(r.body.classId), code: String(r.body.code), secret: String(r.body.teacher) };
    write(store, TEACHER_KEY, saved);
    return { ok: true, saved };
  }

  static forget(store: KeyValue | undefined): void {
    write(store, TEACHER_KEY, null);
  }

  async connect(): Promise<void> {
    this.events.status('connecting');
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        const room = await (await newClient(this.base)).joinById(this.saved.classId, { teacher: this.saved.secret });
        this.room = room;
        // The whole state once, then what changed (classStatePatch.ts).
        const feed = new ClassStateFeed(() => room.send('sync', {}));
        room.onMessage('class.state', (m: ClassState) => this.events.state(feed.whole(m)));
        room.onMessage('class.patch', (p: Patch) => {
          const state = feed.patch(p);
          if (state) this.events.state(state);
        });
        room.onMessage('class.debrief', (m: ClassDebrief) => this.events.debrief(m));
        room.onMessage('refused', (m: { reason: string }) => this.events.refused(m.reason));
        room.onLeave((code) => {
          this.room = null;
          if (this.closed || FINAL_CLOSE.has(code)) return this.events.status('closed');
          this.events.status('reconnecting');
          void this.connect();
        });
        room.send('sync', {});
        this.events.status('online');
        return;
      } catch (e) {
        if (/teacher secret|no such class|not found/i.test((e as Error).message) && attempt > 3) {
          this.events.refused((e as Error).message);
          this.events.status('closed');
          return;
        }
        this.events.status('reconnecting');
        await wait(Math.min(5000, 500 * 2 ** attempt));
      }
    }
  }

  send(type: string, message: unknown): boolean {
    if (!this.room) return false;
    this.room.send(type, message);
    return true;
  }

  close(): void {
    this.closed = true;
    void this.room?.leave(true);
    this.room = null;
  }
}

// ---- student ------------------------------------------------------------------------------

export interface StudentEvents {
  you(s: StudentState): void;
  view(m: SeatMessage): void;
  refused(reason: string): void;
  status(s: LinkStatus, why?: string): void;
}

export class StudentLink {
  private classRoom: Room | null = null;
  private table: Room | null = null;
  private closed = false;
  private you: StudentState | null = null;
  private sitting = false;
  private refs = 0;
  /** Commands sent and not answered yet (ref → settle). */
  private readonly pending = new Map<number, (r: SendOutcome) => void>();

  constructor(private readonly base: string, private saved: StudentSaved, private readonly store: KeyValue | undefined, private readonly events: StudentEvents) {}

  static savedIn(store: KeyValue | undefined): StudentSaved | null {
    return read<StudentSaved>(store, STUDENT_KEY);
  }

  static forget(store: KeyValue | undefined): void {
    write(store, STUDENT_KEY, null);
  }

  /** Look a code up. */
  static async lookUp(base: string, code: string): Promise<{ ok: true; classId: string } | { ok: false; error: string }> {
    const r = await postJson(base, '/api/join', { code });
    return r.ok ? { ok: true, classId: String(r.body.classId) } : { ok: false, error: String(r.body.error ?? 'that code did not work') };
  }

  private persist(): void {
    write(this.store, STUDENT_KEY, this.saved);
  }

  /** Join (or rejoin) the class room; then sit at the table when a seat is given. */
  async connect(): Promise<void> {
    this.persist();
    this.events.status('connecting');
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        const room = await (await newClient(this.base)).joinById(this.saved.classId, {
          code: this.saved.code, name: this.saved.name, ...(this.saved.token ? { student: this.saved.token } : {}),
        });
        this.classRoom = room;
        room.onMessage('class.you', (m: StudentState) => this.onYou(m));
        room.onMessage('refused', (m: { reason: string }) => this.events.refused(m.reason));
        room.onLeave((code) => {
          this.classRoom = null;
          if (this.closed) return;
          if (FINAL_CLOSE.has(code)) return;
          void wait(1000).then(() => this.connect());
        });
        room.send('sync', {});
        return;
      } catch (e) {
        const message = (e as Error).message;
        if (/ended|full|at most|name is needed|not for this class/i.test(message)) {
          this.events.status('closed', message);
          return;
        }
        // Without the class room the table can still be reached with the seat pass.
        if (attempt === 0 && this.saved.pass && this.saved.tableId && !this.table) void this.sit();
        this.events.status('reconnecting');
        await wait(Math.min(5000, 500 * 2 ** attempt));
      }
    }
  }

  private onYou(m: StudentState): void {
    this.you = m;
    if (m.student.token) this.saved.token = m.student.token;
    const a = m.assignment;
    const moved = a && (a.tableId !== this.saved.tableId || a.pass !== this.saved.pass);
    if (a) {
      this.saved.tableId = a.tableId;
      this.saved.pass = a.pass;
    } else {
      this.saved.tableId = null;
      this.saved.pass = null;
    }
    this.persist();
    this.events.you(m);
    if (a && (moved || !this.table)) {
      if (moved && this.table) {
        void this.table.leave(true);
        this.table = null;
        this.saved.reconnect = null;
      }
      void this.sit();
    }
    if (!a && this.table) {
      void this.table.leave(true);
      this.table = null;
    }
  }

  /** Sit at the table: reconnect with the token if the server still holds the seat for us, else join with the pass. */
  private async sit(): Promise<void> {
    if (this.sitting || this.closed) return;
    this.sitting = true;
    try {
      for (let attempt = 0; !this.closed && this.saved.pass && this.saved.tableId; attempt++) {
        const client = await newClient(this.base);
        let room: Room | null = null;
        if (this.saved.reconnect) {
          try {
            room = await client.reconnect(this.saved.reconnect);
          } catch {
            this.saved.reconnect = null;
          }
        }
        if (!room) {
          try {
            room = await client.joinById(this.saved.tableId, { pass: this.saved.pass });
          } catch (e) {
            const message = (e as Error).message;
            if (/ended|someone else/i.test(message)) {
              this.events.status('closed', message);
              return;
            }
            this.events.status('reconnecting');
            await wait(Math.min(5000, 500 * 2 ** attempt));
            continue;
          }
        }
        this.attach(room);
        return;
      }
    } finally {
      this.sitting = false;
    }
  }

  private attach(room: Room): void {
    this.table = room;
    this.saved.reconnect = room.reconnectionToken;
    this.persist();
    // The table sends the whole view first, then what changed: the feed rebuilds each whole view.
    const feed = new SeatFeed(() => room.send('sync', {}));
    room.onMessage('view', (w: SeatWire) => {
      const m = feed.receive(w);
      if (!m) return;
      this.events.view(m);
      if (m.ref !== undefined) this.settle(m.ref, { ok: true });
    });
    room.onMessage('refused', (m: { reason: string; ref?: number }) => {
      if (m.ref !== undefined && this.pending.has(m.ref)) this.settle(m.ref, { ok: false, reason: m.reason });
      else this.events.refused(m.reason);
    });
    room.onLeave((code) => {
      if (this.table === room) this.table = null;
      for (const ref of [...this.pending.keys()]) this.settle(ref, { ok: false, reason: 'the connection to the class was lost; try again in a moment' });
      if (this.closed) return;
      if (code === 4101) return this.events.status('closed', 'This seat was opened in another tab or device.');
      if (code === 4102) return;
      this.events.status('reconnecting');
      void wait(300).then(() => this.sit());
    });
    room.send('sync', {});
    this.events.status('online');
  }

  send(command: SeatCommand): boolean {
    if (!this.table) return false;
    this.table.send('command', { command });
    return true;
  }

  /** Send a command and learn how the table answered it: accepted (its new view has come) or refused, and why. */
  command(command: SeatCommand): Promise<SendOutcome> {
    if (!this.table) return Promise.resolve({ ok: false, reason: 'not connected to the class: reconnecting…' });
    const ref = (this.refs = (this.refs + 1) % 2 ** 30);
    const answered = new Promise<SendOutcome>((resolve) => this.pending.set(ref, resolve));
    this.table.send('command', { command, ref });
    return answered;
  }

  private settle(ref: number, outcome: SendOutcome): void {
    const resolve = this.pending.get(ref);
    this.pending.delete(ref);
    resolve?.(outcome);
  }

  chooseSeat(table: number, seat: string): void {
    this.classRoom?.send('seat.choose', { table, seat });
  }

  state(): StudentState | null {
    return this.you;
  }

  /** Leave the class for good (this tab forgets it). */
  leave(): void {
    this.closed = true;
    void this.table?.leave(true);
    void this.classRoom?.leave(true);
    StudentLink.forget(this.store);
  }
}
