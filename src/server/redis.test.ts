/**
 * Scale-out: two server processes sharing a redis-server (started here on a free port on
 * 127.0.0.1) serve one class whose tables are split across them; the teacher, connected to
 * one process, sees and steers every table.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { Client } from 'colyseus.js';
import type { TableReport } from './protocol.ts';
import { createClass, joinStudent, leaveAll, nextClassState, nextView, startCluster } from './testing/harness.ts';

const haveRedis = existsSync('/usr/bin/redis-server') || existsSync('/usr/local/bin/redis-server');

describe.skipIf(!haveRedis && !process.env.CI)('two server processes behind Redis', () => {
  it('serve one class with its tables split across them; the teacher sees and pauses them all', async () => {
    const cluster = await startCluster(2);
    try {
      const [one, two] = cluster.servers as [typeof cluster.servers[0], typeof cluster.servers[0]];
      const { classId, code, teacher } = await createClass(one.url, { tables: 4 });

      const t = await new Client(one.url).joinById(classId, { teacher });
      const all = nextClassState(t, (m) => m.tables.every((x) => !('pending' in x)));
      t.send('sync', {});
      const state = await all;
      const processes = new Set((state.tables as TableReport[]).map((r) => r.process));
      expect(processes.size).toBe(2);

      // Students enter through either process; each plays at its own table, wherever it lives.
      const a = await joinStudent(two.url, code, 'A');
      const b = await joinStudent(one.url, code, 'B');
      const c = await joinStudent(two.url, code, 'C');
      for (const s of [a, b, c]) expect(s.lastView!.seat).toBe(s.you.assignment!.seat);
      // Once every table has its mediator, students take the parties' seats, on whichever process.
      const d = await joinStudent(one.url, code, 'D');
      const e = await joinStudent(two.url, code, 'E');
      expect([d, e].map((s) => s.you.assignment!.seat)).toEqual(['commission', 'aldoria']);
      expect(e.lastView!.view.kind).toBe('party');
      const signal = nextView(e.table!, (m) => m.ref === 2);
      e.table!.send('command', { command: { type: 'party.signal', point: 'dam', stance: 'redLine' }, ref: 2 });
      expect((await signal).view.journal.at(-1)?.kind).toBe('statement.redLine');
      const r = nextView(a.table!, (m) => m.ref === 1);
      a.table!.send('command', { command: { type: 'day.end' }, ref: 1 });
      const day = (await r).view.day;

      // The teacher sees the move, whichever process holds that table …
      const seen = nextClassState(t, (m) => {
        const rep = m.tables[a.you.assignment!.table] as TableReport;
        return rep.summary.day === day && rep.seats.some((x) => x.holder === 'A' && x.connected);
      });
      t.send('sync', {});
      await seen;

      // … and pauses every table, on both processes.
      const paused = Promise.all([a, b, c].map((s) => nextView(s.table!, (m) => m.status.paused)));
      t.send('teacher.pause', { paused: true });
      await paused;
      const tables = [a, b, c].map((s) => s.you.assignment!.table);
      expect(new Set(tables).size).toBe(3);
      await leaveAll(t, ...[a, b, c, d, e].flatMap((s) => [s.table, s.classRoom]));
    } finally {
      await cluster.stop();
    }
  }, 300_000);
});
