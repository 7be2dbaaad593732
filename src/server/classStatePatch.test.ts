import { describe, expect, it } from 'vitest';
import { shippedScenario } from '../testing/scenarios.ts';
import { ClassStateFeed, ClassStateSender } from './classStatePatch.ts';
import { openLiveTable, seatsOf, type LiveTable } from './liveTable.ts';
import type { ClassState, StudentInfo, TableReport } from './protocol.ts';
import { randomMove, seededRandom } from './testing/harness.ts';

/** As the wire carries it: plain data. */
const wire = <T>(m: T): T => JSON.parse(JSON.stringify(m)) as T;

/** A class of `count` live tutorial tables, and its state as the class room builds it. */
function lesson(count: number) {
  const scenario = shippedScenario('tutorial');
  const tables: LiveTable[] = Array.from({ length: count }, (_, i) => openLiveTable(scenario, { seed: 10 + i, difficulty: 'standard', seats: 'people' }));
  const students: StudentInfo[] = [];
  const state = (): ClassState => ({
    classId: 'c1', code: 'ABCD', setup: { scenario: 'tutorial', seed: 10, difficulty: 'standard', tables: count, seatPolicy: 'random' },
    scenarioTitle: scenario.title, startTitle: '', paused: false, dayMinutes: null, ended: false,
    tables: tables.map((t, index): TableReport => ({
      index, tableId: `t${index}`, process: 'p1',
      status: { paused: false, ended: false, dayMinutes: null, dayLeftMs: null },
      seats: seatsOf(scenario).map((s) => ({ ...s, role: s.role as TableReport['seats'][number]['role'], holder: null, connected: false, machine: true })),
      summary: t.summary(),
    })),
    students: students.map((s) => ({ ...s })),
    events: scenario.events.map((e) => ({ id: e.id, headline: e.headline })),
    parties: scenario.parties.map((p) => ({ id: p.id, name: p.name, role: p.role, redLines: p.redLines.map((l) => ({ id: l.id, reason: l.reason })) })),
  });
  return { tables, students, state };
}

describe('the teacher console’s class state as patches', () => {
  it('rebuilds exactly the class state from a fraction of the bytes when one table at a time moves', () => {
    const { tables, students, state } = lesson(40);
    const sender = new ClassStateSender();
    let resyncs = 0;
    const feed = new ClassStateFeed(() => resyncs++);
    const first = sender.next(state());
    expect(first).toHaveProperty('whole');
    let shown = feed.whole(wire((first as { whole: ClassState }).whole));
    const random = seededRandom(3);
    let wholeBytes = 0;
    let sentBytes = 0;
    for (let i = 0; i < 120; i++) {
      const table = tables[Math.floor(random() * tables.length)]!;
      const seat = table.seats()[Math.floor(random() * table.seats().length)]!.id;
      const move = randomMove(table.view(seat), random);
      if (move) table.send(seat, move);
      if (i % 10 === 0) students.push({ id: `s${i}`, name: `Student ${i}`, table: null, seat: null, online: true });
      const now = state();
      wholeBytes += JSON.stringify(now).length;
      const out = sender.next(now);
      if (!out) {
        expect(shown).toEqual(wire(now));
        continue;
      }
      expect(out).toHaveProperty('patch');
      sentBytes += JSON.stringify(out).length;
      shown = feed.patch(wire((out as { patch: object }).patch) as never)!;
      expect(shown).toEqual(wire(now));
    }
    expect(resyncs).toBe(0);
    expect(sentBytes * 10).toBeLessThan(wholeBytes);
  });

  it('a console that synced between two updates gets no change twice (a new student is listed once)', () => {
    const { students, state } = lesson(2);
    const sender = new ClassStateSender();
    const feed = new ClassStateFeed(() => undefined);
    feed.whole(wire((sender.next(state()) as { whole: ClassState }).whole));
    students.push({ id: 's1', name: 'Kim', table: null, seat: null, online: true });
    // The console asks for the whole state (a reload, a `sync`) before the next update goes out.
    feed.whole(wire(sender.whole(state())));
    const out = sender.next(state());
    expect(out).toBeNull();
    students.push({ id: 's2', name: 'Lee', table: null, seat: null, online: true });
    const shown = feed.patch(wire((sender.next(state()) as { patch: object }).patch) as never);
    expect(shown?.students.map((s) => s.name)).toEqual(['Kim', 'Lee']);
  });

  it('a patch that does not fit what the console has asks for the whole state once, and waits for it', () => {
    const { students, state } = lesson(2);
    let resyncs = 0;
    const feed = new ClassStateFeed(() => resyncs++);
    const sender = new ClassStateSender();
    sender.next(state());
    students.push({ id: 's1', name: 'Kim', table: null, seat: null, online: true });
    const patch = wire((sender.next(state()) as { patch: object }).patch) as never;
    expect(feed.patch(patch)).toBeNull();
    expect(feed.patch(patch)).toBeNull();
    expect(resyncs).toBe(1);
    expect(feed.whole(wire(state())).students).toHaveLength(1);
  });
});
