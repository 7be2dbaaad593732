/**
 * `npm run loadtest`: N tables × M seats of simulated students playing random legal moves
 * against a live-class server, over real WebSockets with the real client SDK.
 *
 * Prints commands per second, command → view latency (p50/p95/p99: from sending a command to
 * receiving the view that answers it), errors, and the server's CPU and memory per table.
 *
 *   npm run loadtest -- --tables 40 --seats 6                  # starts its own server (127.0.0.1)
 *   npm run loadtest -- --tables 40 --seats 6 --processes 2     # two servers behind its own redis-server
 *   npm run loadtest -- --ramp 40,60,80,100                     # steps, stops once p95 passes 250 ms
 *                                                              # (over 40 tables: several classes of at most 40)
 *   npm run loadtest -- --url http://127.0.0.1:2567             # a server already running (no CPU figures)
 *
 * Other options: --scenario scoring-base --duration 30 (seconds measured) --think 1000 (mean ms a
 * student waits between commands) --seed 1 --no-teacher (by default each class has its teacher's
 * console open, as in a lesson, which receives the whole class's state at most every 300 ms).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import { Command as Cli, InvalidArgumentError } from 'commander';
import { MAX_TABLES, type ClassState, type SeatMessage, type StudentState } from '../src/server/protocol.ts';
import { onView, randomMove, seededRandom, startCluster } from '../src/server/testing/harness.ts';
import type { Patch } from '../src/server/viewPatch.ts';

interface Options {
  tables: number;
  seats: number;
  scenario: string;
  duration: number;
  think: number;
  processes: number;
  url?: string;
  ramp?: string;
  seed: number;
  teacher: boolean;
}

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('a positive number');
  return n;
};

function parse(argv: string[]): Options {
  return new Cli('loadtest')
    .option('--tables <n>', 'tables', positive, 40)
    .option('--seats <n>', 'students per table', positive, 6)
    .option('--scenario <id>', 'scenario (six seats a table need six parties: scoring-base has seven)', 'scoring-base')
    .option('--duration <s>', 'seconds measured (after everyone is seated)', positive, 30)
    .option('--think <ms>', 'mean milliseconds a student waits between commands', positive, 1000)
    .option('--processes <n>', 'server processes (2 or more: behind a redis-server started here)', positive, 1)
    .option('--url <url>', 'a running server (CPU and memory are then not measured)')
    .option('--ramp <list>', 'comma-separated table counts; stops once p95 passes 250 ms')
    .option('--seed <n>', 'seed for the class and the students', positive, 1)
    .option('--no-teacher', 'no teacher console connected (by default one per class)')
    .parse(argv, { from: 'user' })
    .opts<Options>();
}

/** CPU seconds (user + system) and resident memory (bytes) of a process, from /proc. */
function usage(pid: number): { cpu: number; rss: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpu: ticks / 100, rss: rssKb * 1024 };
}

/**
 * How long a process's main thread (its event loop) has waited, runnable, for a CPU (ms), from
 * the kernel's scheduler statistics: time the process wanted to run but the machine's other work
 * had the cores. Null where /proc has no schedstat.
 */
function runQueueWaitMs(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return null;
  }
}

interface StepResult {
  tables: number;
  seats: number;
  processes: number;
  commands: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  refused: number;
  cpuPercent: number | null;
  cpuMsPerTablePerSecond: number | null;
  /** Server CPU per student command (ms): what a command costs the server, whatever else runs on the machine. */
  cpuMsPerCommand: number | null;
  rssMbPerTable: number | null;
  /** CPU of this load generator while measuring (% of one core): it shares the machine with the server. */
  clientCpuPercent: number;
  /**
   * Time the server's event loop was ready to run but waited for a CPU, over the time it ran
   * (summed over processes): above 0.5 the machine, not the server's own work, holds it up.
   */
  serverWaitPerRun: number | null;
  /** The same for this load generator's event loop. */
  clientWaitPerRun: number | null;
  /** This load generator's own event-loop delay, p99 (ms): a late loop adds to the latency it measures. */
  clientLoopDelayP99: number;
  /** Teacher consoles connected (one per class), or 0 with --no-teacher. */
  teachers: number;
  /** Class state messages (whole or what changed) each console received per second. */
  teacherStatesPerSecond: number | null;
  /** Median size of one of those messages (KiB, as JSON: the wire form is smaller). */
  teacherStateKiB: number | null;
  /** p95 of the time between two class states at one console (ms): how stale the console's picture gets. */
  teacherGapP95: number | null;
}

const pct = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

/** The servers (and Redis) of the step running now, stopped if the load test is interrupted. */
let running: Awaited<ReturnType<typeof startCluster>> | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

async function step(o: Options, tables: number): Promise<StepResult> {
  const cluster = o.url ? null : await startCluster(o.processes, ['--grace', '3600']);
  running = cluster;
  const urls = o.url ? [o.url] : cluster!.servers.map((s) => s.url);
  const pids = cluster ? cluster.servers.map((s) => s.proc.pid!) : [];
  const random = seededRandom(o.seed * 7919 + tables);
  const rooms: Room[] = [];
  let errors = 0;
  let refused = 0;
  const latencies: number[] = [];
  try {
    const before = pids.map(usage);
    // A class has at most MAX_TABLES tables: more tables are several classes of (nearly) equal size, as in a school.
    const classCount = Math.ceil(tables / MAX_TABLES);
    const classes: { classId: string; code: string; teacher: string; students: number }[] = [];
    for (let c = 0; c < classCount; c++) {
      const size = Math.floor(tables / classCount) + (c < tables % classCount ? 1 : 0);
      const made = await fetch(`${urls[c % urls.length]}/api/classes`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ scenario: o.scenario, seed: o.seed, difficulty: 'standard', tables: size, seatPolicy: 'random' }),
      });
      if (!made.ok) throw new Error(`class not made: ${await made.text()}`);
      classes.push({ ...((await made.json()) as { classId: string; code: string; teacher: string }), students: size * o.seats });
    }
    // Each class's teacher watches from the console, as in a lesson: every class state it gets is counted.
    const consoles: { times: number[]; sizes: number[] }[] = [];
    if (o.teacher) {
      for (const [c, k] of classes.entries()) {
        const room = await new Client(urls[c % urls.length]!).joinById(k.classId, { teacher: k.teacher });
        const seen = { times: [] as number[], sizes: [] as number[] };
        // What the console is sent (a whole state, then what changed), and when.
        const got = (m: ClassState | Patch) => {
          seen.times.push(performance.now());
          seen.sizes.push(JSON.stringify(m).length);
        };
        room.onMessage('class.state', got);
        room.onMessage('class.patch', got);
        room.onMessage('*', () => undefined);
        rooms.push(room);
        consoles.push(seen);
      }
    }
    /** The class student i joins: the first class's students, then the second's… */
    const classOf = (i: number) => {
      for (const k of classes) {
        if (i < k.students) return k;
        i -= k.students;
      }
      return classes[classes.length - 1]!;
    };

    // Seat everyone (a few at a time, as a class arrives).
    const students: { table: Room; last: SeatMessage | null; pending: Map<number, number>; seatTable: number }[] = [];
    const total = tables * o.seats;
    const join = async (i: number) => {
      const client = new Client(urls[i % urls.length]!);
      const { classId, code } = classOf(i);
      const classRoom = await client.joinById(classId, { code, name: `Student ${i + 1}` });
      const you = await new Promise<StudentState>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('no seat in time')), 20_000);
        classRoom.onMessage('class.you', (m: StudentState) => {
          if (m.assignment) {
            clearTimeout(t);
            resolve(m);
          }
        });
        classRoom.onMessage('refused', () => undefined);
        classRoom.send('sync', {});
      });
      rooms.push(classRoom);
      const table = await client.joinById(you.assignment!.tableId, { pass: you.assignment!.pass });
      rooms.push(table);
      const s = { table, last: null as SeatMessage | null, pending: new Map<number, number>(), seatTable: you.assignment!.table };
      onView(table, (m) => {
        s.last = m;
        if (m.ref !== undefined) {
          const sent = s.pending.get(m.ref);
          if (sent !== undefined) {
            latencies.push(performance.now() - sent);
            s.pending.delete(m.ref);
          }
        }
      });
      table.onMessage('refused', (m: { ref?: number }) => {
        if (m.ref !== undefined && s.pending.delete(m.ref)) refused++;
      });
      table.onError(() => errors++);
      table.onLeave((codeLeft) => {
        if (codeLeft !== 1000) errors++;
      });
      table.send('sync', {});
      students.push(s);
    };
    for (let i = 0; i < total; i += 20) {
      await Promise.all(Array.from({ length: Math.min(20, total - i) }, (_, k) => join(i + k).catch(() => void errors++)));
    }
    const seated = students.length;
    const mid = pids.map(usage);
    const clientBefore = process.cpuUsage();
    const serverWaitBefore = pids.map(runQueueWaitMs);
    const clientWaitBefore = runQueueWaitMs(process.pid);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    for (const seen of consoles) {
      seen.times.length = 0;
      seen.sizes.length = 0;
    }

    // Play for the duration: each student sends a random legal move every ~think ms.
    let ref = 0;
    let stopped = false;
    const start = performance.now();
    const loops = students.map(async (s) => {
      await new Promise((r) => setTimeout(r, random() * o.think));
      while (!stopped) {
        const view = s.last?.view;
        const move = view ? randomMove(view, random) : null;
        if (move && s.pending.size === 0) {
          ref = (ref + 1) % 2 ** 30;
          s.pending.set(ref, performance.now());
          s.table.send('command', { command: move, ref });
        }
        await new Promise((r) => setTimeout(r, -Math.log(1 - random()) * o.think));
      }
    });
    await new Promise((r) => setTimeout(r, o.duration * 1000));
    stopped = true;
    const elapsed = (performance.now() - start) / 1000;
    const measured = consoles.map((seen) => ({ times: [...seen.times], sizes: [...seen.sizes] }));
    const clientCpu = process.cpuUsage(clientBefore);
    loopDelay.disable();
    const serverWaitAfter = pids.map(runQueueWaitMs);
    const clientWaitAfter = runQueueWaitMs(process.pid);
    await Promise.all(loops);
    // Commands still unanswered after 10 s count as errors.
    await new Promise((r) => setTimeout(r, 1000));
    const now = performance.now();
    for (const s of students) for (const sent of s.pending.values()) if (now - sent > 10_000) errors++;
    const after = pids.map(usage);
    const serverWait = serverWaitAfter.every((w, i) => w !== null && serverWaitBefore[i] !== null) && pids.length
      ? serverWaitAfter.reduce<number>((a, w, i) => a + (w! - serverWaitBefore[i]!), 0) : null;
    const sorted = [...latencies].sort((a, b) => a - b);
    const states = measured.reduce((a, m) => a + m.times.length, 0);
    const sizes = measured.flatMap((m) => m.sizes).sort((a, b) => a - b);
    const gaps = measured.flatMap((m) => m.times.slice(1).map((t, i) => t - m.times[i]!)).sort((a, b) => a - b);
    const cpu = pids.length ? after.reduce((a, u, i) => a + (u.cpu - mid[i]!.cpu), 0) : null;
    const rss = pids.length ? after.reduce((a, u, i) => a + (u.rss - before[i]!.rss), 0) : null;
    return {
      tables,
      seats: seated / tables,
      processes: urls.length,
      commands: latencies.length,
      perSecond: latencies.length / elapsed,
      p50: pct(sorted, 50),
      p95: pct(sorted, 95),
      p99: pct(sorted, 99),
      errors,
      refused,
      cpuPercent: cpu === null ? null : (100 * cpu) / elapsed,
      cpuMsPerTablePerSecond: cpu === null ? null : (1000 * cpu) / elapsed / tables,
      cpuMsPerCommand: cpu === null || latencies.length === 0 ? null : (1000 * cpu) / latencies.length,
      rssMbPerTable: rss === null ? null : rss / 1024 / 1024 / tables,
      clientCpuPercent: (100 * (clientCpu.user + clientCpu.system)) / 1e6 / elapsed,
      serverWaitPerRun: serverWait === null || !cpu ? null : serverWait / 1000 / cpu,
      clientWaitPerRun: clientWaitAfter === null || clientWaitBefore === null ? null : (clientWaitAfter - clientWaitBefore) / ((clientCpu.user + clientCpu.system) / 1000),
      clientLoopDelayP99: loopDelay.percentile(99) / 1e6,
      teachers: consoles.length,
      teacherStatesPerSecond: consoles.length ? states / consoles.length / elapsed : null,
      teacherStateKiB: sizes.length ? pct(sizes, 50) / 1024 : null,
      teacherGapP95: gaps.length ? pct(gaps, 95) : null,
    };
  } finally {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
    await cluster?.stop();
    running = null;
  }
}

function print(r: StepResult): void {
  const f = (x: number | null, d = 1) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
  console.log(
    `${String(r.tables).padStart(4)} tables × ${f(r.seats, 1)} seats, ${r.processes} process${r.processes > 1 ? 'es' : ''}: ` +
    `${f(r.perSecond)} commands/s, latency p50 ${f(r.p50)} ms, p95 ${f(r.p95)} ms, p99 ${f(r.p99)} ms, ` +
    `errors ${r.errors}, refused ${r.refused}; server CPU ${f(r.cpuPercent, 0)}% (${f(r.cpuMsPerTablePerSecond, 2)} ms per table per s, ${f(r.cpuMsPerCommand, 2)} ms per command), ` +
    `memory ${f(r.rssMbPerTable, 2)} MB per table; load generator CPU ${f(r.clientCpuPercent, 0)}%; ` +
    `waiting for a CPU per ms run: server ${f(r.serverWaitPerRun, 2)} ms, load generator ${f(r.clientWaitPerRun, 2)} ms; ` +
    `load generator event-loop delay p99 ${f(r.clientLoopDelayP99, 0)} ms; ` +
    (r.teachers ? `${r.teachers} teacher console${r.teachers > 1 ? 's' : ''}: ${f(r.teacherStatesPerSecond)} class state messages/s each, ${f(r.teacherStateKiB)} KiB each (JSON, median), gap p95 ${f(r.teacherGapP95, 0)} ms; ` : 'no teacher console; ') +
    `load average ${loadavg()[0]!.toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  const o = parse(process.argv.slice(2));
  console.log(`loadtest: ${o.scenario}, think ${o.think} ms, ${o.duration} s measured per step; the load generator runs on the same machine`);
  const steps = o.ramp ? o.ramp.split(',').map(Number).filter((n) => n > 0) : [o.tables];
  for (const tables of steps) {
    const r = await step(o, tables);
    print(r);
    console.log(`JSON ${JSON.stringify(r)}`);
    if (o.ramp && r.p95 > 250) {
      console.log(`p95 passed 250 ms at ${tables} tables.`);
      break;
    }
  }
}

if (process.argv[1]?.endsWith('loadtest.ts')) {
  void main().then(() => process.exit(0), (e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
