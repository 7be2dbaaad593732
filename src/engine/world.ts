/**
 * The world that does not wait: which scheduled and random events happen on a day. Pure
 * except for draws from the seeded cursor passed in.
 */
import type { ScenarioEvent } from '../scenario/schema.ts';
import { daysBetween } from './calendar.ts';
import type { RngCursor } from './rng.ts';

/**
 * Events that happen at the start of `date`: scheduled ones on that date, and random ones in
 * their window that win their roll. Every random event in its window draws exactly once per
 * day, whether or not it can still fire, so one event's history never shifts another's luck.
 */
export function eventsOfDay(events: readonly ScenarioEvent[], date: string, fired: readonly string[], rng: RngCursor): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (const ev of events) {
    if (ev.on !== undefined) {
      if (ev.on === date) out.push(ev);
      continue;
    }
    if (ev.chance === undefined) continue;
    if (ev.from !== undefined && daysBetween(ev.from, date) < 0) continue;
    if (ev.until !== undefined && daysBetween(date, ev.until) < 0) continue;
    const roll = rng.next();
    if (roll < ev.chance && (ev.repeat || !fired.includes(ev.id))) out.push(ev);
  }
  return out;
}
