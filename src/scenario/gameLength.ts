/**
 * A lesson-length game: the scenario as it is played from one start at one game length. Points
 * the start marks as locked keep their opening option and cannot be changed (the only choice
 * left is the one the text has); a short game ends halfway to the deadline (soft deadlines after
 * it drop away) with half the actions per envoy per day (at least one). Pure: the engine plays the scenario it
 * is given; saves and results record the start and length, and replay builds the same scenario.
 */
import { OMIT } from './omit.ts';
import type { Scenario } from './schema.ts';

export const GAME_LENGTHS = ['standard', 'short'] as const;
export type GameLength = (typeof GAME_LENGTHS)[number];

export const GAME_LENGTH_TEXT: Record<GameLength, { label: string; text: string }> = {
  standard: { label: 'Standard', text: 'The full calendar and every envoy’s actions each day.' },
  short: { label: 'Short (one lesson)', text: 'Half the days to the deadline and half the actions per envoy each day; the parties concede on the shorter calendar.' },
};

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The points a start settles before play (a point can only be locked once). */
export function lockedPoints(scenario: Scenario, startId: string): string[] {
  return [...new Set(scenario.starts.find((s) => s.id === startId)?.locked ?? [])];
}

/**
 * The scenario played from `startId` at `length`. Returns the scenario itself when nothing
 * changes, so standard games of starts without locked points are untouched.
 */
export function playedScenario(scenario: Scenario, startId: string, length: GameLength = 'standard'): Scenario {
  // One object per scenario, start and length: games of it share what is worked out from the scenario.
  let byStart = played.get(scenario);
  if (!byStart) played.set(scenario, (byStart = new Map()));
  const key = `${length} ${startId}`;
  let out = byStart.get(key);
  if (!out) byStart.set(key, (out = makePlayedScenario(scenario, startId, length)));
  return out;
}

const played = new WeakMap<Scenario, Map<string, Scenario>>();

function makePlayedScenario(scenario: Scenario, startId: string, length: GameLength): Scenario {
  const start = scenario.starts.find((s) => s.id === startId);
  const locked = new Set(lockedPoints(scenario, startId));
  if (!start || (locked.size === 0 && length === 'standard')) return scenario;
  const points = scenario.points.map((p) => {
    if (!locked.has(p.id)) return p;
    const option = start.text[p.id] ?? OMIT;
    // In the text: its one option, not droppable. Dropped: no option left, and "omit" its only choice.
    return option === OMIT
      ? { ...p, options: [], omittable: true }
      : { ...p, options: p.options.filter((o) => o.id === option), omittable: false };
  });
  let calendar = scenario.calendar;
  if (length === 'short') {
    const first = dayNumber(start.date ?? scenario.calendar.start);
    const total = dayNumber(scenario.calendar.deadline) - first;
    const deadline = isoOf(first + Math.max(1, Math.ceil(total / 2)));
    calendar = {
      ...scenario.calendar,
      deadline,
      softDeadlines: scenario.calendar.softDeadlines.filter((d) => d.date <= deadline),
      actionsPerDay: Math.max(1, Math.floor(scenario.calendar.actionsPerDay / 2)),
    };
  }
  return { ...scenario, points, calendar };
}

/** True when a point has nothing left to negotiate (a locked point). */
export function isSettled(point: Scenario['points'][number]): boolean {
  return point.options.length === 0 || (point.options.length === 1 && !point.omittable);
}
