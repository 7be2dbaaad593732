import { describe, expect, it } from 'vitest';
import { shippedScenario } from '../testing/scenarios.ts';
import { openLiveTable } from './liveTable.ts';
import type { SeatMessage, SeatStatus, TableStatus } from './protocol.ts';
import { randomMove, seededRandom } from './testing/harness.ts';
import { applyPatch, diff, sameJson, SeatFeed, SeatSender, type SeatWire } from './viewPatch.ts';

const status: TableStatus = { paused: false, ended: false, dayMinutes: null, dayLeftMs: null };
const seats: SeatStatus[] = [];
/** As the wire carries it: plain data, undefined keys gone. */
const wire = (w: SeatWire): SeatWire => JSON.parse(JSON.stringify(w)) as SeatWire;

describe('seat views as patches', () => {
  it('every seat rebuilds exactly the view the table holds for it, from far fewer bytes', () => {
    const scenario = shippedScenario('scoring-base');
    const game = openLiveTable(scenario, { seed: 4, difficulty: 'standard', seats: 'people' });
    const ids = game.seats().map((s) => s.id);
    const students = ids.slice(0, 6);
    const machine = new Set(ids.slice(6));
    const senders = new Map(students.map((s) => [s, new SeatSender()]));
    let resyncs = 0;
    const feeds = new Map(students.map((s) => [s, new SeatFeed(() => resyncs++)]));
    const latest = new Map<string, SeatMessage>();
    const random = seededRandom(9);
    let whole = 0;
    let patched = 0;
    let commands = 0;
    for (let i = 0; i < 200 && !game.over(); i++) {
      const seat = students[Math.floor(random() * students.length)]!;
      const move = randomMove(game.view(seat), random);
      if (!move || !game.send(seat, move).ok) continue;
      game.settle(machine);
      commands++;
      for (const s of students) {
        const view = game.view(s);
        const out = senders.get(s)!.next(s, view, status, seats, s === seat ? i : undefined);
        whole += JSON.stringify({ seat: s, view, status, seats }).length;
        if (!out) continue;
        patched += JSON.stringify(out).length;
        const got = feeds.get(s)!.receive(wire(out));
        expect(got, `${s} after command ${i}`).not.toBeNull();
        expect(got!.view).toEqual(JSON.parse(JSON.stringify(view)));
        if (s === seat) expect(got!.ref).toBe(i);
        latest.set(s, got!);
      }
    }
    expect(commands).toBeGreaterThan(60);
    expect(resyncs).toBe(0);
    // The whole views would be several times the patches' size.
    expect(patched * 4).toBeLessThan(whole);
  });

  it('a patch that does not follow on asks for the whole view once, and the whole view puts it right', () => {
    let asked = 0;
    const feed = new SeatFeed(() => asked++);
    const sender = new SeatSender();
    const view = { kind: 'party', day: 1, journal: [{ k: 'a' }] } as unknown as SeatMessage['view'];
    expect(feed.receive(wire(sender.next('x', view, status, seats)!))?.view).toEqual(view);
    const later = { ...view, day: 2, journal: [{ k: 'a' }, { k: 'b' }] } as unknown as SeatMessage['view'];
    const lost = sender.next('x', later, status, seats)!;
    expect(lost.patch).toEqual({ day: { set: 2 }, journal: { append: [{ k: 'b' }] } });
    const third = { ...later, day: 3 } as unknown as SeatMessage['view'];
    // Message 2 never arrived: message 3 does not apply, nor does anything after it, until a whole view.
    expect(feed.receive(wire(sender.next('x', third, status, seats)!))).toBeNull();
    expect(feed.receive(wire(sender.next('x', { ...third, day: 4 } as never, status, seats)!))).toBeNull();
    expect(asked).toBe(1);
    expect(feed.receive(wire(sender.next('x', third, status, seats, undefined, true)!))?.view).toEqual(third);
  });

  it('patches replace, drop, append and change entries in place; equal values make no patch', () => {
    const a = { x: 1, gone: 'y', list: [1, 2], parties: [{ id: 'p', t: 1 }, { id: 'q', t: 1 }, { id: 'r', t: 1 }], u: undefined };
    const b = { x: 2, list: [1, 2, 3], parties: [{ id: 'p', t: 1 }, { id: 'q', t: 5 }, { id: 'r', t: 1 }], fresh: { k: [1] } };
    const p = diff(a, b)!;
    expect(p).toEqual({ x: { set: 2 }, gone: { drop: true }, list: { append: [3] }, parties: { at: { 1: { id: 'q', t: 5 } } }, fresh: { set: { k: [1] } } });
    expect(applyPatch(a, p)).toEqual(b);
    expect(diff(a, JSON.parse(JSON.stringify(a)) as object)).toBeNull();
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, { a: [2] }], [1, { a: [3] }])).toBe(false);
    // A shorter array, or one changed at its start, is sent whole.
    expect(diff({ l: [1, 2, 3] }, { l: [1, 2] })).toEqual({ l: { set: [1, 2] } });
    expect(diff({ l: [1, 2] }, { l: [0, 2, 3] })).toEqual({ l: { set: [0, 2, 3] } });
    // A patch that does not fit what the client holds is refused, not half applied.
    expect(applyPatch({ l: 1 }, { l: { append: [2] } })).toBeNull();
    expect(applyPatch({ l: [1] }, { l: { at: { 5: 2 } } })).toBeNull();
  });
});
