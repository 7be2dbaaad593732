import { describe, expect, it } from 'vitest';
import { MEDIATOR_ALIAS, movesMade } from './saveFile.ts';
import type { LogEntry } from './save.ts';

const entry = (seat: string, command: Record<string, unknown>) => ({ seat, command }) as unknown as LogEntry;

describe('moves made, as the saved-games list counts them', () => {
  it('one player: every command but the end of a day', () => {
    const log = [entry(MEDIATOR_ALIAS, { type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' }), entry(MEDIATOR_ALIAS, { type: 'day.end' }), entry(MEDIATOR_ALIAS, { type: 'day.end' })];
    expect(movesMade({ log, seats: {} }, 'commission')).toBe(1);
    expect(movesMade({ log: log.slice(1), seats: {} }, 'commission')).toBe(0);
  });

  it("several people on one device: each person's moves, not the machines', nor the days ended or the world's", () => {
    const seats = { aldoria: 'person' as const, belmar: { bot: 'model' } };
    const log = [
      entry('commission', { type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' }),
      entry('aldoria', { type: 'seat.answer' }),
      entry('belmar', { type: 'seat.answer' }),
      entry('fishers', { type: 'seat.answer' }),
      entry('commission', { type: 'day.end' }),
      entry('aldoria', { type: 'day.end' }),
      entry('world', { type: 'world.endDay' }),
    ];
    expect(movesMade({ log, seats }, 'commission')).toBe(2);
  });
});
