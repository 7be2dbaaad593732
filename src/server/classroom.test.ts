/**
 * The live-class server as browsers meet it: real server processes on 127.0.0.1, the real
 * Colyseus client. Trust boundaries, persistence across a SIGKILL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import type { ClassState, SeatMessage } from './protocol.ts';
import { MAX_MESSAGE_CHARS } from './protocol.ts';
import { createClass, joinStudent, leaveAll, nextMessage, post, startServer, tempDir, type ServerProcess } from './testing/harness.ts';

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
    const reply = nextMessage<SeatMessage>(ana.table!, 'view', (m) => m.ref === 5);
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
    const after = nextMessage<SeatMessage>(s.table!, 'view', (m) => m.ref === 9);
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
    const state = nextMessage<ClassState>(t, 'class.state', (m) => m.paused);
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

describe('nothing lost', () => {
  it('a server killed with SIGKILL and restarted resumes every table at its last accepted command', async () => {
    const data = tempDir();
    let server = await startServer(['--port', '0', '--data', data]);
    try {
      const { code, classId, teacher } = await createClass(server.url, { tables: 2 });
      const a = await joinStudent(server.url, code, 'A');
      const b = await joinStudent(server.url, code, 'B');
      for (let i = 0; i < 3; i++) {
        const r = nextMessage<SeatMessage>(a.table!, 'view', (m) => m.ref === i);
        a.table!.send('command', { command: { type: 'day.end' }, ref: i });
        await r;
      }
      const seenA = a.lastView!.view;
      const envoy = b.lastView!.view.envoys[0]!;
      const move = b.lastView!.view.legal.find((c) => c.type === 'envoy.travel')!;
      const r = nextMessage<SeatMessage>(b.table!, 'view', (m) => m.ref === 1);
      b.table!.send('command', { command: move, ref: 1 });
      const seenB = (await r).view;
      expect(seenB.envoys.find((e) => e.id === envoy.id)!.to).not.toBeNull();

      await server.kill9();
      server = await startServer(['--port', '0', '--data', data]);

      // The students come back with what their tabs kept: the class code, their token and seat pass.
      const again = new Client(server.url);
      const tableA = await again.joinById(a.you.assignment!.tableId, { pass: a.you.assignment!.pass });
      const viewA = nextMessage<SeatMessage>(tableA, 'view');
      tableA.send('sync', {});
      expect((await viewA).view.day).toBe(seenA.day);
      expect((await viewA).view.journal.length).toBe(seenA.journal.length);
      const tableB = await again.joinById(b.you.assignment!.tableId, { pass: b.you.assignment!.pass });
      const viewB = nextMessage<SeatMessage>(tableB, 'view');
      tableB.send('sync', {});
      expect((await viewB).view.envoys).toEqual(seenB.envoys);
      expect((await viewB).view.text).toEqual(seenB.text);

      const back = await again.joinById(classId, { code, name: 'A', student: a.you.student.token });
      const you = nextMessage<{ assignment: { seat: string; table: number } }>(back, 'class.you');
      back.send('sync', {});
      expect((await you).assignment).toMatchObject({ table: a.you.assignment!.table, seat: a.you.assignment!.seat });

      const t = await again.joinById(classId, { teacher });
      const state = nextMessage<ClassState>(t, 'class.state', (m) => m.tables.every((x) => !('pending' in x)));
      t.send('sync', {});
      expect((await state).tables).toHaveLength(2);
      await leaveAll(tableA, tableB, back, t);
    } finally {
      await server.stop();
    }
  });
});
