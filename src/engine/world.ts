/**
 * The world that does not wait: which scheduled and random events happen on a day. Pure
 * except for draws from the seeded cursor passed in.
 */
import { OMIT } from '../scenario/omit.ts';
import type { ScenarioEvent } from '../scenario/schema.ts';
import { daysBetween } from './calendar.ts';
import type { EnvoyState } from './commands.ts';
import type { RngCursor } from './rng.ts';
import { pointsInText, type PlanText } from './text.ts';

/** What news conditions look at: the start, where the envoys are, and the text. */
export interface WorldState {
  start: string;
  envoys: Readonly<Record<string, EnvoyState>>;
  text: PlanText;
}

/** Does the game's state allow this news? Every condition given must hold. Pure. */
export function newsApplies(ev: ScenarioEvent, w: WorldState): boolean {
  const c = ev.when;
  if (!c) return true;
  if (c.starts && !c.starts.includes(w.start)) return false;
  if (c.envoyAt) {
    const { envoy, venue } = c.envoyAt;
    const there = Object.values(w.envoys).some((e) => (envoy === undefined || e.id === envoy) && e.to === null && e.at === venue);
    if (!there) return false;
  }
  const out = (p: string) => (w.text[p]?.option ?? OMIT) === OMIT;
  if (c.omitted && !c.omitted.every(out)) return false;
  if (c.kept && !c.kept.every((p) => !out(p))) return false;
  if (c.maxPoints !== undefined && pointsInText(w.text) > c.maxPoints) return false;
  return true;
}

/**
 * Events that happen at the start of `date`: scheduled ones on that date, and random ones in
 * their window that win their roll. Every random event in its window draws exactly once per
 * day, whether or not it can still fire, so one event's history never shifts another's luck.
 * News whose conditions (`when`) do not hold in `world` does not happen.
 */
export function eventsOfDay(events: readonly ScenarioEvent[], date: string, fired: readonly string[], rng: RngCursor, world?: WorldState): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  const applies = (ev: ScenarioEvent) => world === undefined || newsApplies(ev, world);
  for (const ev of events) {
    if (ev.on !== undefined) {
      if (ev.on === date && applies(ev)) out.push(ev);
      continue;
    }
    if (ev.chance === undefined) continue;
    if (ev.from !== undefined && daysBetween(ev.from, date) < 0) continue;
    if (ev.until !== undefined && daysBetween(date, ev.until) < 0) continue;
    const roll = rng.next();
    if (roll < ev.chance && (ev.repeat || !fired.includes(ev.id)) && applies(ev)) out.push(ev);
  }
  return out;
}
