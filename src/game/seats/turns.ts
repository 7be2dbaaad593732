/**
 * Whose turn it is at a table played on one device. People take turns; machines play inside the
 * table. A party held by a person with a request waiting answers first; then the mediator's
 * seats (each envoy in turn for a split team) play until they end their day; then each party
 * held by a person gets its turn to make statements and end its day. Pure.
 */
import type { Seat } from '../../engine/seats.ts';

export interface TurnState {
  seats: readonly Seat[];
  /** Seats the calendar still waits for today (`table.waitingFor()`). */
  waitingFor: readonly string[];
  /** Party seats held by people with at least one request waiting for their answer. */
  pending: readonly string[];
  /** The talks are over. */
  over: boolean;
}

const isPerson = (s: Seat) => s.holder === 'person';

/** The seat whose person plays next, or null when nobody is to play (the talks are over). */
export function nextTurn(t: TurnState): string | null {
  if (t.over) return null;
  const people = t.seats.filter(isPerson);
  const asked = people.find((s) => s.kind === 'party' && t.pending.includes(s.id));
  if (asked) return asked.id;
  const mediator = people.find((s) => s.kind !== 'party' && t.waitingFor.includes(s.id));
  if (mediator) return mediator.id;
  return people.find((s) => s.kind === 'party' && t.waitingFor.includes(s.id))?.id ?? null;
}

/** Whether a party seat's person, done for now, hands back to the mediator (still playing today) rather than ending its day. */
export function handsBack(t: TurnState): boolean {
  return t.seats.some((s) => isPerson(s) && s.kind !== 'party' && t.waitingFor.includes(s.id));
}

/** The seats people hold, in seat order. */
export function peopleSeats(seats: readonly Seat[]): Seat[] {
  return seats.filter(isPerson);
}
