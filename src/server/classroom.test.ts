/**
 * The live-class server as browsers meet it: real server processes on 127.0.0.1, the real
 * Colyseus client. Trust boundaries, persistence across a SIGKILL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import type { MediatorSeatView, PartySeatView } from '../engine/seatView.ts';
import type { SeatCommand } from '../engine/commands.ts';
import { tutorial } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SeatMessage } from './protocol.ts';
import { openLiveTable } from './liveTable.ts';
import { SeatSender, type SeatWire } from './viewPatch.ts';
import { MAX_MESSAGE_CHARS } from './protocol.ts';
import { createClass, joinStudent, leaveAll, nextClassState, nextMessage, nextView, onClassState, post, randomMove, recordTraffic, seededRandom, startServer, tempDir, type ServerProcess, type Student } from './testing/harness.ts';

describe('a live class on one server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer(['--port', '0', '--data', tempDir(), '--join-limit', '8']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('a student gets a seat by code and sees their view; a command is answered with the new view', async () => {
    const { code } = await createClass(server.url, { tables: 1 });
    const ana = await joinStudent(server.url, code, 'Ana');
    expect(ana.you.assignment).not.toBeNull();
    const view = ana.lastView!;
    expect(view.seat).toBe(ana.you.assignment!.seat);
    const before = view.view.day;
    const reply = nextView(ana.table!, (m) => m.ref === 5);
    ana.table!.send('command', { command: { type: 'day.end' }, ref: 5 });
    expect((await reply).view.day).toBe(before + 1);
    await leaveAll(ana.table, ana.classRoom);
  });

  it('a pass for one table does not open another, and a forged pass opens nothing', async () => {
    const { code } = await createClass(server.url, { tables: 2 });
    const a = await joinStudent(server.url, code, 'A');
    const b = await joinStudent(server.url, code, 'B');
    expect(a.you.assignment!.table).not.toBe(b.you.assignment!.table);
    const other = new Client(server.url);
    await expect(other.joinById(b.you.assignment!.tableId, { pass: a.you.assignment!.pass })).rejects.toThrow(/not for this table/);
    const [body, sig] = a.you.assignment!.pass.split('.');
    const forged = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    forged.t = b.you.assignment!.table;
    const forgedPass = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`;
    await expect(other.joinById(b.you.assignment!.tableId, { pass: forgedPass })).rejects.toThrow(/not for this table/);
    await leaveAll(a.table, a.classRoom, b.table, b.classRoom);
  });

  it('an oversize or wrongly shaped message is refused and the table carries on', async () => {
    const { code } = await createClass(server.url, { tables: 1 });
    const s = await joinStudent(server.url, code, 'Sam');
    const refusals: string[] = [];
    s.table!.onMessage('refused', (m: { reason: string }) => refusals.push(m.reason));
    const day = s.lastView!.view.day;
    s.table!.send('command', { command: { type: 'day.end' }, padding: 'x'.repeat(MAX_MESSAGE_CHARS + 10) });
    s.table!.send('command', { command: { type: 'envoy.travel', envoy: 42 } });
    s.table!.send('command', { command: { type: 'rm -rf' } });
    s.table!.send('teacher.end', {});
    const after = nextView(s.table!, (m) => m.ref === 9);
    s.table!.send('command', { command: { type: 'day.end' }, ref: 9 });
    expect((await after).view.day).toBe(day + 1);
    expect(refusals).toHaveLength(4);
    expect(refusals[0]).toMatch(/too large/);
    expect(refusals[1]).toMatch(/wrong shape/);
    expect(refusals[2]).toMatch(/wrong shape/);
    expect(refusals[3]).toMatch(/unknown message/);
    await leaveAll(s.table, s.classRoom);
  });

  it('teacher actions need the teacher’s secret; a student cannot pause the class', async () => {
    const { classId, code, teacher } = await createClass(server.url, { tables: 1 });
    await expect(new Client(server.url).joinById(classId, { teacher: 'x'.repeat(32) })).rejects.toThrow(/teacher secret/);
    const s = await joinStudent(server.url, code, 'Kim');
    const refused = nextMessage<{ reason: string }>(s.classRoom, 'refused');
    s.classRoom.send('teacher.pause', { paused: true });
    expect((await refused).reason).toMatch(/only the teacher/);
    const t = await new Client(server.url).joinById(classId, { teacher });
    const state = nextClassState(t, (m) => m.paused);
    t.send('teacher.pause', { paused: true });
    expect((await state).paused).toBe(true);
    const paused = nextMessage<{ reason: string }>(s.table!, 'refused');
    s.table!.send('command', { command: { type: 'day.end' } });
    expect((await paused).reason).toMatch(/paused/);
    await leaveAll(s.table, s.classRoom, t);
  });

  it('display names are plain text and length-limited', async () => {
    const { code } = await createClass(server.url, { tables: 1 });
    const s = await joinStudent(server.url, code, '  <b>Zoë</b>\u0000\u202e  ');
    expect(s.you.student.name).toBe('<b>Zoë</b>');
    const look = await post(`${server.url}/api/join`, { code });
    await expect(new Client(server.url).joinById(look.body.classId as string, { code, name: 'n'.repeat(33) })).rejects.toThrow(/at most 32/);
    await leaveAll(s.table, s.classRoom);
  });

  it('wrong join codes are rate-limited against guessing; right ones are not', async () => {
    const { code } = await createClass(server.url, { tables: 1 });
    for (let i = 0; i < 12; i++) expect((await post(`${server.url}/api/join`, { code })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(`${server.url}/api/join`, { code: 'ZZZZZ2' })).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(404));
    expect(statuses.slice(8)).toEqual([429, 429]);
    // Blocked now, even with the right code, until the minute has passed.
    expect((await post(`${server.url}/api/join`, { code })).status).toBe(429);
  });
});


/** What the wire carried in one seat message, as a view-shaped object (each patch op's values under its key). */
function carried(message: unknown): unknown {
  const w = message as SeatWire;
  if (!w || typeof w !== 'object' || !w.patch) return message;
  const view: Record<string, unknown> = {};
  for (const [k, op] of Object.entries(w.patch)) {
    if ('set' in op) view[k] = op.set;
    else if ('append' in op) view[k] = op.append;
    else if ('at' in op) view[k] = Object.values(op.at);
  }
  return { ...w, patch: undefined, view };
}

/**
 * Another seat's hidden values in the traffic to `seat` (every message it was sent, whole views
 * and patches): other parties' role sheets, exact walk-aways and weights, advice and deal margins
 * not its own, red lines it had not learned. Returns what it found and how many objects it looked at.
 */
function hiddenValues(traffic: { type: string | number; message: unknown }[], seat: string, scenario: Scenario): { problems: string[]; checked: number } {
  const problems: string[] = [];
  const views = traffic.filter((m) => m.type === 'view').map((m) => carried(m.message));
  const json = JSON.stringify(views);
  // What the seat has learned along the way (a red line lifted later drops out of its latest view).
  const known = new Set<string>();
  for (const m of views) {
    const v = (m as { view?: Partial<SeatMessage['view']> }).view;
    if (!v?.parties) continue;
    for (const p of v.parties as { id: string; knownRedLines?: { id: string }[]; knowledge?: { redLines: string[] } | null }[]) {
      for (const l of p.knownRedLines ?? []) known.add(`${p.id}:${l.id}`);
      for (const l of p.knowledge?.redLines ?? []) known.add(`${p.id}:${l}`);
    }
  }
  for (const other of scenario.parties) {
    if (other.id === seat || other.role === 'mediator') continue;
    for (const line of other.redLines) {
      if (!known.has(`${other.id}:${line.id}`) && json.includes(line.reason)) problems.push(`${seat} was sent ${other.id}'s red line ${line.id}`);
    }
  }
  let checked = 0;
  const walk = (x: unknown, path: string): void => {
    if (Array.isArray(x)) return x.forEach((y, i) => walk(y, `${path}[${i}]`));
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    const problem = (what: string) => problems.push(`${path}: ${what}`);
    if ('sheet' in o && (o.sheet as { party: string }).party !== seat) problem(`${(o.sheet as { party: string }).party}'s role sheet`);
    if ('sheets' in o) problem('every party\'s sheet');
    if (typeof o.reservation === 'number' && seat === 'commission') problem('a walk-away');
    if (o.weights && Object.values(o.weights).some((w) => typeof w === 'number') && !path.endsWith('.sheet')) problem('exact weights');
    if ('advice' in o && o.party !== seat) problem(`advice for ${String(o.party)}`);
    if (o.margins && typeof o.margins === 'object') for (const k of Object.keys(o.margins)) if (k !== seat) problem(`${k}'s margin`);
    checked++;
    for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(views, seat);
  return { problems, checked };
}

describe('the check for hidden values', () => {
  it('finds another seat’s view patched into a seat’s traffic', () => {
    const scenario = tutorial();
    const game = openLiveTable(scenario, { seed: 11, difficulty: 'standard', seats: 'people' });
    const status = { paused: false, ended: false, dayMinutes: null, dayLeftMs: null };
    const wireTo = (seat: string, views: SeatMessage['view'][]) => {
      const sender = new SeatSender();
      return views.map((v) => sender.next(seat, v, status, [], 1)).map((w) => ({ type: 'view', message: JSON.parse(JSON.stringify(w)) as unknown }));
    };
    const own = game.view('aldoria');
    expect(hiddenValues(wireTo('aldoria', [own, own]), 'aldoria', scenario).problems).toEqual([]);
    // A server that sent Aldoria Belmar's view, whole or as a patch on Aldoria's own:
    expect(hiddenValues(wireTo('aldoria', [game.view('belmar')]), 'aldoria', scenario).problems).toContainEqual(expect.stringMatching(/belmar's role sheet/));
    const patched = hiddenValues(wireTo('aldoria', [own, game.view('belmar')]), 'aldoria', scenario).problems;
    expect(patched).toContainEqual(expect.stringMatching(/belmar's role sheet/));
    expect(patched).toContainEqual(expect.stringMatching(/advice for belmar|belmar's red line/));
    // The mediator's seat sent a party's view: a walk-away.
    expect(hiddenValues(wireTo('commission', [game.view('commission'), game.view('fishers')]), 'commission', scenario).problems).toContainEqual(expect.stringMatching(/a walk-away/));
    game.stop();
  });
});

let refs = 100;
/** Send a command as a student; resolves with the view that answers it, or the refusal. */
async function act(s: Student, command: unknown): Promise<{ ok: true; view: SeatMessage['view'] } | { ok: false; reason: string }> {
  const ref = refs++;
  const view = nextView(s.table!, (m) => m.ref === ref).then((m) => ({ ok: true as const, view: m.view }));
  const refused = nextMessage<{ reason: string; ref?: number }>(s.table!, 'refused', (m) => m.ref === ref || m.ref === undefined).then((m) => ({ ok: false as const, reason: m.reason }));
  s.table!.send('command', { command, ref });
  return Promise.race([view, refused]);
}

async function ok(s: Student, command: SeatCommand): Promise<SeatMessage['view']> {
  const r = await act(s, command);
  if (!r.ok) throw new Error(`${s.you.assignment?.seat}: ${command.type} refused: ${r.reason}`);
  return r.view;
}

async function refusedWith(s: Student, command: unknown): Promise<string> {
  const r = await act(s, command);
  if (r.ok) throw new Error(`${s.you.assignment?.seat}: accepted ${JSON.stringify(command)}`);
  return r.reason;
}

/** The tutorial's lead envoy goes to Belmar Port: the seats end the day (the empty seat's machine already has). */
async function leadToBelport(med: Student, people: Student[]): Promise<void> {
  const day = (await ok(med, { type: 'envoy.travel', envoy: 'envoy-lead', to: 'belport' })).day;
  for (const p of people) if (!p.lastView!.view.ended) await ok(p, { type: 'day.end' });
  expect((await ok(med, { type: 'day.end' })).day).toBe(day + 1);
}

describe('students in party seats', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer(['--port', '0', '--data', tempDir()]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('any party is a student’s seat, the empty one is its machine’s; a student acts only for their own seat', async () => {
    const { code } = await createClass(server.url, { tables: 1 });
    const [ana, ben, chloe] = [await joinStudent(server.url, code, 'Ana'), await joinStudent(server.url, code, 'Ben'), await joinStudent(server.url, code, 'Chloé')];
    expect([ana, ben, chloe].map((s) => s.you.assignment!.seat)).toEqual(['commission', 'aldoria', 'belmar']);
    expect(ana.lastView!.view.kind).toBe('mediator');
    const bel = chloe.lastView!.view as PartySeatView;
    expect(bel.kind).toBe('party');
    expect(bel.sheet.party).toBe('belmar');
    expect(bel.sheet.reservation).toBe(45);
    expect(chloe.lastView!.seats.map((x) => [x.id, x.holder, x.machine])).toEqual([
      ['commission', 'Ana', false], ['aldoria', 'Ben', false], ['belmar', 'Chloé', false], ['fishers', null, true],
    ]);

    // Nothing names another seat: a seat field, or a party inside the command, is the wrong shape.
    expect(await refusedWith(ben, { type: 'party.signal', point: 'flow', stance: 'flexible', party: 'belmar' })).toMatch(/wrong shape/);
    const extra = nextMessage<{ reason: string }>(ben.table!, 'refused');
    ben.table!.send('command', { command: { type: 'day.end' }, seat: 'belmar' });
    expect((await extra).reason).toMatch(/wrong shape/);
    // A party cannot play the mediator, nor the mediator a party, nor anyone the teacher.
    expect(await refusedWith(ben, { type: 'envoy.travel', envoy: 'envoy-lead', to: 'belport' })).toMatch(/Aldoria is a party/);
    expect(await refusedWith(ana, { type: 'party.signal', point: 'flow', stance: 'flexible' })).toMatch(/mediator's seat cannot send party.signal/);
    expect(await refusedWith(ben, { type: 'world.endDay' })).toMatch(/only the teacher/);

    // The mediator tables the text with Belmar: Chloé's seat gets the request, with its machine's advice.
    await leadToBelport(ana, [ben, chloe]);
    // Fishers' machine has ended its day at once; the day waits for the three students.
    expect((ana.lastView!.view.waitingFor).sort()).toEqual(['aldoria', 'belmar', 'commission']);
    const asked = nextView(chloe.table!, (m) => (m.view as PartySeatView).requests.length > 0);
    const med = await ok(ana, { type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' }) as MediatorSeatView;
    expect(med.requests.map((r) => [r.kind, r.party])).toEqual([['table', 'belmar']]);
    expect(JSON.stringify(med.requests)).not.toContain('advice');
    const request = (await asked).view.requests[0]!;
    expect(request.advice?.reply).toBe('reject');
    // Ben cannot answer for Belmar; Chloé cannot accept a text across her own red line.
    expect(await refusedWith(ben, { type: 'party.answer', request: request.id, reply: 'accept' })).toMatch(/no request .* waiting for Aldoria/);
    expect(await refusedWith(chloe, { type: 'party.answer', request: request.id, reply: 'accept' })).toMatch(/^your government would fall/);
    const answered = nextView(ana.table!, (m) => (m.view as MediatorSeatView).parties.find((p) => p.id === 'belmar')?.answer?.kind === 'rejected');
    await ok(chloe, { type: 'party.answer', request: request.id, reply: 'reject', points: ['flow'] });
    expect((await answered).view.kind).toBe('mediator');

    // The empty seat's machine answers at once: the mediator's view has nothing waiting for Fishers.
    const met = await ok(ana, { type: 'envoy.meet', envoy: 'envoy-lead', party: 'fishers' }) as MediatorSeatView;
    expect(met.requests).toEqual([]);
    expect(met.journal.filter((n) => n.party === 'fishers').map((n) => n.kind)).toEqual(['request.sent', expect.stringMatching(/^meeting/)]);
    await leaveAll(ana.table, ana.classRoom, ben.table, ben.classRoom, chloe.table, chloe.classRoom);
  });

  it('the traffic to one seat never holds another seat’s hidden values', async () => {
    const { code, classId, teacher } = await createClass(server.url, { tables: 1, seed: 11 });
    const stop = recordTraffic();
    try {
      const students: Student[] = [];
      for (const name of ['A', 'B', 'C', 'D']) students.push(await joinStudent(server.url, code, name));
      const t = await new Client(server.url).joinById(classId, { teacher });
      onClassState(t, () => undefined);
      const scenario = tutorial();
      const random = seededRandom(5);
      // Everyone plays random legal moves; the teacher injects news and loosens a red line on the way.
      for (let i = 0; i < 260; i++) {
        const s = students[Math.floor(random() * students.length)]!;
        const move = randomMove(s.lastView!.view, random, 0.25);
        if (move) await act(s, move);
        if (i === 40) t.send('teacher.inject', { table: 0, event: scenario.events[0]!.id });
        if (i === 80) t.send('teacher.adjust', { table: 0, party: 'belmar', redLine: { line: 'no-thirty', lifted: true } });
        if (students.some((x) => x.lastView!.view.outcome)) break;
      }
      const seatOf = new Map(students.map((s) => [s.table!, s.you.assignment!.seat]));
      expect([...seatOf.values()].sort()).toEqual(['aldoria', 'belmar', 'commission', 'fishers']);
      let checked = 0;
      for (const [room, seat] of seatOf) {
        const traffic = stop.of(room);
        // (A seat is sent its view after each of its commands, the others' changes once a tick: a few dozen messages a seat.)
        expect(traffic.length).toBeGreaterThan(5);
        const r = hiddenValues(traffic, seat, scenario);
        expect(r.problems).toEqual([]);
        checked += r.checked;
      }
      expect(checked).toBeGreaterThan(1000);
      await leaveAll(t, ...students.flatMap((s) => [s.table, s.classRoom]));
    } finally {
      stop.restore();
    }
  }, 300_000);
});

describe('a seat left empty', () => {
  it('is played by its machine after the grace period and handed back when its student returns', async () => {
    const server = await startServer(['--port', '0', '--data', tempDir(), '--grace', '1']);
    try {
      const { code } = await createClass(server.url, { tables: 1 });
      const ana = await joinStudent(server.url, code, 'Ana');
      const ben = await joinStudent(server.url, code, 'Ben');
      expect(ben.you.assignment!.seat).toBe('aldoria');
      await leadToBelport(ana, [ben]);
      expect(ana.lastView!.view.waitingFor.sort()).toEqual(['aldoria', 'commission']);
      // Ben's tab closes: after the grace period Aldoria's machine plays (and ends its day), so the day goes on without him.
      await ben.table!.leave(true);
      await nextView(ana.table!, (m) => m.seats.find((x) => x.id === 'aldoria')!.machine && m.view.waitingFor.join() === 'commission');
      const day = ana.lastView!.view.day;
      expect((await ok(ana, { type: 'day.end' })).day).toBe(day + 1);
      // Ben comes back with his seat pass: the seat is his again, and the next day waits for him.
      const table = await ben.client.joinById(ben.you.assignment!.tableId, { pass: ben.you.assignment!.pass });
      const back = nextView(table);
      table.send('sync', {});
      const view = (await back).view;
      expect(view.kind).toBe('party');
      expect((await back).seats.find((x) => x.id === 'aldoria')).toMatchObject({ holder: 'Ben', connected: true, machine: false });
      // (Aldoria's machine had ended that day before he came back; the next one waits for him again.)
      const next = await ok(ana, { type: 'day.end' });
      expect(next.day).toBe(day + 2);
      expect(next.waitingFor.sort()).toEqual(['aldoria', 'commission']);
      expect((await ok(ana, { type: 'day.end' })).waitingFor).toEqual(['aldoria']);
      await leaveAll(table, ben.classRoom, ana.table, ana.classRoom);
    } finally {
      await server.stop();
    }
  }, 300_000);
});

describe('nothing lost', () => {
  it('a server killed with SIGKILL and restarted resumes every table, every seat where it was', async () => {
    const data = tempDir();
    let server = await startServer(['--port', '0', '--data', data]);
    try {
      const { code, classId, teacher } = await createClass(server.url, { tables: 2 });
      const students: Student[] = [];
      for (const name of ['A', 'B', 'C', 'D', 'E']) students.push(await joinStudent(server.url, code, name));
      expect(students.map((s) => `${s.you.assignment!.table}:${s.you.assignment!.seat}`)).toEqual(['0:commission', '1:commission', '0:aldoria', '1:aldoria', '0:belmar']);
      const random = seededRandom(3);
      for (let i = 0; i < 80; i++) {
        const s = students[Math.floor(random() * students.length)]!;
        const move = randomMove(s.lastView!.view, random, 0.2);
        if (move) await act(s, move);
      }
      // Settle: what each seat saw last (a sync answers with the current view).
      const before = await Promise.all(students.map(async (s) => {
        const v = nextView(s.table!);
        s.table!.send('sync', {});
        return (await v).view;
      }));
      expect(Math.max(...before.map((v) => v.day))).toBeGreaterThan(1);

      await server.kill9();
      server = await startServer(['--port', '0', '--data', data]);

      // The students come back with what their tabs kept: the seat pass, then the class code and token.
      const again = new Client(server.url);
      for (const [i, s] of students.entries()) {
        const table = await again.joinById(s.you.assignment!.tableId, { pass: s.you.assignment!.pass });
        const view = nextView(table);
        table.send('sync', {});
        expect((await view).view, `seat ${s.you.assignment!.seat} at table ${s.you.assignment!.table}`).toEqual(before[i]);
        await leaveAll(table);
      }
      const a = students[0]!;
      const back = await again.joinById(classId, { code, name: 'A', student: a.you.student.token });
      const you = nextMessage<{ assignment: { seat: string; table: number } }>(back, 'class.you');
      back.send('sync', {});
      expect((await you).assignment).toMatchObject({ table: 0, seat: 'commission' });

      const t = await again.joinById(classId, { teacher });
      const state = nextClassState(t, (m) => m.tables.every((x) => !('pending' in x)));
      t.send('sync', {});
      expect((await state).tables).toHaveLength(2);
      await leaveAll(back, t);
    } finally {
      await server.stop();
    }
  }, 300_000);
});
