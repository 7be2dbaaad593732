/**
 * Test harness for the live-class server: starts real server processes (bound to 127.0.0.1
 * on a free port), and drives them with the real client SDK, as browsers would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client, Room } from 'colyseus.js';
import type { SeatCommand } from '../../engine/commands.ts';
import type { ClassSetup, ClassState, SeatMessage, StudentState } from '../protocol.ts';
import { ClassStateFeed } from '../classStatePatch.ts';
import { SeatFeed, type Patch, type SeatWire } from '../viewPatch.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  port: number;
  url: string;
  proc: ChildProcess;
  output(): string;
  /** Kill with SIGKILL and wait for the process to be gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'accord-class-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startServer(args: string[]): Promise<ServerProcess> {
  // ACCORD_SERVER_NODE_ARGS: extra Node flags for the server, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' to profile it under load.
  const nodeArgs = (process.env.ACCORD_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  // On a loaded machine a client can take longer than Colyseus's 15 s to use a seat it reserved, or
  // another process longer than its 2 s to answer a remote call: tests wait on the join itself.
  const env = { COLYSEUS_SEAT_RESERVATION_TIME: '120', COLYSEUS_PRESENCE_SHORT_TIMEOUT: '30000', ...process.env };
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /accord-class listening (\{.*\})/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort((JSON.parse(m[1]!) as { port: number }).port);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
  // Should the test process end without stopping it (a worker torn down mid-test), the server goes too.
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((r) => proc.once('exit', () => {
    process.off('exit', killOnExit);
    r();
  }));
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    proc,
    output: () => out,
    async kill9() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

export async function post(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function createClass(url: string, setup: Partial<ClassSetup> = {}): Promise<{ classId: string; code: string; teacher: string }> {
  const r = await post(`${url}/api/classes`, { scenario: 'tutorial', seed: 7, difficulty: 'standard', tables: 2, seatPolicy: 'random', ...setup });
  if (r.status !== 200) throw new Error(`class not made: ${JSON.stringify(r.body)}`);
  return r.body as { classId: string; code: string; teacher: string };
}

/** The next message of `type` on a room (with a timeout), optionally the first that satisfies `test`. */
export function nextMessage<T>(room: Room, type: string, test: (m: T) => boolean = () => true, ms = 60_000): Promise<T> {
  return nextFrom((l) => room.onMessage(type, l), test, ms, `"${type}" message`);
}

/**
 * Listeners of one room fed from one decoder: the first subscription installs the room's message
 * handlers (`install` gets the function that tells every listener), later ones share them.
 */
function subscriber<T>(install: (room: Room, tell: (m: T | null) => void) => void): (room: Room, listener: (m: T) => void) => () => void {
  const byRoom = new WeakMap<Room, Set<(m: T) => void>>();
  return (room, listener) => {
    let listeners = byRoom.get(room);
    if (!listeners) {
      const all = new Set<(m: T) => void>();
      listeners = all;
      byRoom.set(room, all);
      install(room, (m) => {
        if (m) for (const l of [...all]) l(m);
      });
    }
    const mine = listeners;
    mine.add(listener);
    return () => mine.delete(listener);
  };
}

/** The first message from `subscribe` that satisfies `test`, or a rejection after `ms`. */
function nextFrom<T>(subscribe: (listener: (m: T) => void) => () => void, test: (m: T) => boolean, ms: number, what: string): Promise<T> {
  return new Promise((resolveNext, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${what} within ${ms} ms`));
    }, ms);
    const off = subscribe((m) => {
      if (!test(m)) return;
      clearTimeout(timer);
      off();
      resolveNext(m);
    });
  });
}

/**
 * Whole seat messages of a table room, rebuilt from what the wire carries (a whole view, then
 * patches), as the browser does. The first call on a room must come before its first view.
 */
export const onView = subscriber<SeatMessage>((room, tell) => {
  const feed = new SeatFeed(() => room.send('sync', {}));
  room.onMessage('view', (w: SeatWire) => tell(feed.receive(w)));
});

/** The next whole seat message on a table room (with a timeout), optionally the first that satisfies `test`. */
export function nextView(room: Room, test: (m: SeatMessage) => boolean = () => true, ms = 60_000): Promise<SeatMessage> {
  return nextFrom((l) => onView(room, l), test, ms, 'view');
}

/**
 * Whole class states at a teacher's console, rebuilt from what the wire carries (a whole state,
 * then patches), as the browser does. The first call on a room must come before its first state.
 */
export const onClassState = subscriber<ClassState>((room, tell) => {
  const feed = new ClassStateFeed(() => room.send('sync', {}));
  room.onMessage('class.state', (m: ClassState) => tell(feed.whole(m)));
  room.onMessage('class.patch', (p: Patch) => tell(feed.patch(p)));
});

/** The next whole class state at a teacher's console (with a timeout), optionally the first that satisfies `test`. */
export function nextClassState(room: Room, test: (m: ClassState) => boolean = () => true, ms = 60_000): Promise<ClassState> {
  return nextFrom((l) => onClassState(room, l), test, ms, 'class state');
}

/** Collect every message of `type` on a room. */
export function collect<T>(room: Room, type: string): T[] {
  const all: T[] = [];
  room.onMessage(type, (m: T) => all.push(m));
  return all;
}

export interface Student {
  client: Client;
  classRoom: Room;
  you: StudentState;
  table: Room | null;
  lastView: SeatMessage | null;
  views: SeatMessage[];
}

/** A student joins with the code, and (when given a seat) sits at its table. */
export async function joinStudent(url: string, code: string, name: string, sit = true): Promise<Student> {
  const look = await post(`${url}/api/join`, { code });
  if (look.status !== 200) throw new Error(`join refused: ${JSON.stringify(look.body)}`);
  const client = new Client(url);
  const classRoom = await client.joinById(look.body.classId as string, { code, name });
  const first = nextMessage<StudentState>(classRoom, 'class.you');
  classRoom.send('sync', {});
  const you = await first;
  const s: Student = { client, classRoom, you, table: null, lastView: null, views: [] };
  classRoom.onMessage('class.you', (m: StudentState) => (s.you = m));
  if (sit && you.assignment) await sitDown(s);
  return s;
}

export async function sitDown(s: Student): Promise<void> {
  if (!s.you.assignment) throw new Error('no seat');
  const table = await s.client.joinById(s.you.assignment.tableId, { pass: s.you.assignment.pass });
  s.table = table;
  const first = nextView(table);
  onView(table, (m) => {
    s.lastView = m;
    s.views.push(m);
  });
  table.onMessage('refused', () => undefined);
  table.send('sync', {});
  await first;
}

export async function leaveAll(...rooms: (Room | null | undefined)[]): Promise<void> {
  await Promise.all(rooms.map((r) => (r ? r.leave(true).catch(() => undefined) : undefined)));
}

/** A free TCP port on 127.0.0.1 (for processes that must know their public address up front). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const proc: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 60_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/i.test(out)) {
        clearTimeout(t);
        resolve();
      }
    });
    proc.once('error', (e) => reject(e));
  });
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** Start `n` server processes (sharing one redis-server when n > 1). */
export async function startCluster(n: number, extra: string[] = []): Promise<{ servers: ServerProcess[]; stop(): Promise<void> }> {
  const data = tempDir('accord-load-');
  if (n <= 1) {
    const s = await startServer(['--port', '0', '--data', data, ...extra]);
    return { servers: [s], stop: () => s.stop() };
  }
  const redis = await startRedis();
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const port = await freePort();
      servers.push(await startServer(['--port', String(port), '--public-address', `127.0.0.1:${port}`, '--redis', redis.url, '--data', `${data}/p${i}`, ...extra]));
    }
  } catch (e) {
    // A server that would not start must not leave Redis and the others running after the test.
    await Promise.all(servers.map((s) => s.stop()));
    await redis.stop();
    throw e;
  }
  return {
    servers,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await redis.stop();
    },
  };
}


/**
 * A random legal move for a seat, from its own view (students simulated in tests and the load
 * test): a party answers what waits for it (often as its machine advises) or makes a statement;
 * the mediator plays one of its legal commands; now and then a seat ends its day (`endDay`: how often).
 */
export function randomMove(view: SeatMessage['view'], random: () => number, endDay = 0.04): SeatCommand | null {
  if (view.outcome) return null;
  if (view.kind === 'party' && view.requests.length > 0 && random() < 0.8) {
    const request = view.requests[Math.floor(random() * view.requests.length)]!;
    const a = request.advice;
    if (a && random() < 0.6) return { type: 'party.answer', request: request.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) };
    if (request.kind !== 'table') return { type: 'party.answer', request: request.id, reply: random() < 0.5 ? 'accept' : 'decline' };
    const points = Object.keys(request.text ?? {});
    const point = points[Math.floor(random() * points.length)];
    return point && random() < 0.5 ? { type: 'party.answer', request: request.id, reply: 'reject', points: [point] } : { type: 'party.answer', request: request.id, reply: 'accept' };
  }
  const legal = (view.legal as SeatCommand[]).filter((c) => c.type !== 'day.end' && c.type !== 'summit.call');
  if (!view.ended && (random() < endDay || legal.length === 0)) return { type: 'day.end' };
  return legal.length === 0 ? null : legal[Math.floor(random() * legal.length)]!;
}

/** A small seeded generator, so a run's choices are repeatable. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * Record every message every room receives from now on (the client SDK's one entry point for
 * messages), as the client decoded it. `of(room)` is that room's traffic; `restore()` stops recording.
 */
export function recordTraffic(): { of(room: Room): { type: string | number; message: unknown }[]; restore(): void } {
  const proto = Room.prototype as unknown as { dispatchMessage(this: Room, type: string | number, message: unknown): void };
  const original = proto.dispatchMessage;
  const traffic = new WeakMap<Room, { type: string | number; message: unknown }[]>();
  proto.dispatchMessage = function (type, message) {
    const list = traffic.get(this) ?? [];
    traffic.set(this, list);
    list.push({ type, message: JSON.parse(JSON.stringify(message ?? null)) as unknown });
    original.call(this, type, message);
  };
  return {
    of: (room) => traffic.get(room) ?? [],
    restore: () => {
      proto.dispatchMessage = original;
    },
  };
}
