import { afterEach, describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import type { PartySeatView } from '../engine/seatView.ts';
import { seal } from '../engine/envelope.ts';
import { createTable, gameFor, type Table } from '../engine/table.ts';
import { buildDebrief } from './debrief.ts';
import { importResult, resultOf } from './resultFile.ts';

const scenario = tutorial();
const tables: Table[] = [];
afterEach(() => tables.splice(0).forEach((t) => t.stop()));

function ok(t: Table, seat: string, command: unknown): void {
  const r = t.send(seat, command);
  if (!r.ok) throw new Error(`${seat}: refused: ${r.reason}`);
}

/** A pass-and-play tutorial: the mediator and Belmar played by people, Belmar rejecting a tabled text. */
function seatedGame(): Table {
  const t = createTable(scenario, { seed: 4, seats: { belmar: 'person' } });
  tables.push(t);
  ok(t, 'commission', { type: 'envoy.travel', envoy: 'envoy-lead', to: 'belport' });
  ok(t, 'commission', { type: 'day.end' });
  ok(t, 'belmar', { type: 'day.end' });
  ok(t, 'commission', { type: 'envoy.table', envoy: 'envoy-lead', party: 'belmar' });
  const request = (t.view('belmar') as PartySeatView).requests[0]!;
  ok(t, 'belmar', { type: 'party.answer', request: request.id, reply: 'reject', points: ['flow'] });
  return t;
}

describe('result files of a game with seats', () => {
  it('carry who held each seat and every seat’s commands, and open elsewhere as the same debrief', () => {
    const t = seatedGame();
    const game = gameFor(t, 'commission');
    const file = resultOf(game, 'Table 3');
    expect(file.seats).toEqual({ belmar: 'person' });
    expect((file.log as { seat: string }[]).map((e) => e.seat)).toContain('belmar');
    const opened = importResult(JSON.stringify(file), (id) => (id === scenario.id ? scenario : null));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const here = buildDebrief(game);
    const there = buildDebrief(opened.game);
    opened.game.stop();
    expect(there.seating?.scores).toEqual(here.seating?.scores);
    expect(there.parties).toEqual(here.parties);
    expect(there.timeline).toEqual(here.timeline);
  });

  it('refuse a file whose seats were changed after the game, even resealed: the log no longer replays as claimed', () => {
    const t = seatedGame();
    const file = resultOf(gameFor(t, 'commission'), 'Table 3');
    // Belmar's rejection was a person's: claiming the machine held Belmar makes that command refused on replay.
    const { checksum: _old, ...rest } = file;
    const forged = seal({ ...rest, seats: {} });
    const opened = importResult(JSON.stringify(forged), (id) => (id === scenario.id ? scenario : null));
    expect(opened.ok).toBe(false);
  });
});
