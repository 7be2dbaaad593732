/**
 * What the player knows of each party: ranges around hidden values and weights, the red
 * lines revealed so far, and the reservation as a range. Pure helpers; revealing draws
 * from the seeded generator so a range's midpoint does not give the truth away.
 */
import type { Party, Scenario } from '../scenario/schema.ts';
import { OMIT } from '../scenario/omit.ts';
import type { RngCursor } from './rng.ts';
import { compact } from './text.ts';

export type Difficulty = 'open' | 'standard' | 'hard';
export const DIFFICULTIES: readonly Difficulty[] = ['open', 'standard', 'hard'];

export interface Range {
  lo: number;
  hi: number;
}

export interface PartyKnowledge {
  /** point → option → range of its value to the party. */
  values: Record<string, Record<string, Range>>;
  /** point → range of the point's weight. */
  weights: Record<string, Range>;
  redLines: string[];
  reservation: Range;
}

export type Knowledge = Record<string, PartyKnowledge>;

const UNKNOWN: Range = { lo: 0, hi: 100 };
const WIDTH_FACTOR: Record<Difficulty, number> = { open: 0, standard: 1, hard: 1.6 };

function optionIds(scenario: Scenario, pointId: string): string[] {
  const point = scenario.points.find((p) => p.id === pointId);
  if (!point) return [];
  return [...point.options.map((o) => o.id), ...(point.omittable ? [OMIT] : [])];
}

function exact(v: number): Range {
  return { lo: v, hi: v };
}

/**
 * Starting knowledge by scenario object, difficulty and seat: the same for every game of a
 * scenario, and never mutated (reveals make new objects), so games share it.
 */
const starting = new WeakMap<Scenario, Map<string, Knowledge>>();

function startingKnowledge(scenario: Scenario, key: string, make: () => Knowledge): Knowledge {
  let byKey = starting.get(scenario);
  if (!byKey) starting.set(scenario, (byKey = new Map()));
  let k = byKey.get(key);
  if (!k) byKey.set(key, (k = make()));
  return k;
}

/** Knowledge at the start of a game: the mediator team's. Pure. */
export function initialKnowledge(scenario: Scenario, difficulty: Difficulty): Knowledge {
  // The mediator's own positions are the player's own: always known exactly.
  return startingKnowledge(scenario, difficulty, () => knowledgeFrom(scenario, difficulty, (party) => party.role === 'mediator'));
}

/** What a party's seat knows at the start: its own role sheet exactly, the others by the same rules as the mediator's. Pure. */
export function seatKnowledge(scenario: Scenario, difficulty: Difficulty, seatParty: string): Knowledge {
  return startingKnowledge(scenario, `${difficulty} ${seatParty}`, () => knowledgeFrom(scenario, difficulty, (party) => party.id === seatParty));
}

function knowledgeFrom(scenario: Scenario, difficulty: Difficulty, own: (party: Party) => boolean): Knowledge {
  const out: Knowledge = {};
  for (const party of scenario.parties) {
    const known = difficulty === 'open' || own(party);
    const values: PartyKnowledge['values'] = {};
    const weights: PartyKnowledge['weights'] = {};
    for (const point of scenario.points) {
      const truth = party.values[point.id];
      const w = party.weights[point.id] ?? 0;
      values[point.id] = Object.fromEntries(
        optionIds(scenario, point.id).map((o) => [o, known ? exact(truth?.[o] ?? 50) : UNKNOWN]),
      );
      weights[point.id] = known ? exact(w) : UNKNOWN;
    }
    out[party.id] = {
      values: compact(values),
      weights: compact(weights),
      redLines: party.redLines.filter((l) => known || l.public).map((l) => l.id),
      reservation: known ? exact(party.reservation) : UNKNOWN,
    };
  }
  return out;
}

/** A range of the given width that contains the truth, placed at random. */
function around(truth: number, width: number, rng: RngCursor, previous: Range): Range {
  if (width <= 0) return exact(truth);
  const lo = truth - width * rng.next();
  const next = { lo: Math.max(0, lo), hi: Math.min(100, lo + width) };
  // Knowledge only ever narrows.
  return { lo: Math.max(next.lo, previous.lo), hi: Math.min(next.hi, previous.hi) };
}

/** Range width a reveal gives, from the party's trust and the difficulty. */
export function revealWidth(trust: number, difficulty: Difficulty): number {
  return Math.max(4, (90 - trust) / 2) * WIDTH_FACTOR[difficulty];
}

function withParty(k: Knowledge, partyId: string, f: (pk: PartyKnowledge) => PartyKnowledge): Knowledge {
  const pk = k[partyId];
  return pk ? { ...k, [partyId]: f(pk) } : k;
}

/** Reveal a point's option values and weight for a party, as ranges. */
export function revealPoint(k: Knowledge, scenario: Scenario, party: Party, pointId: string, width: number, rng: RngCursor): Knowledge {
  return withParty(k, party.id, (pk) => {
    const current = pk.values[pointId] ?? {};
    const values = Object.fromEntries(
      optionIds(scenario, pointId).map((o) => [o, around(party.values[pointId]?.[o] ?? 50, width, rng, current[o] ?? UNKNOWN)]),
    );
    const weight = around(party.weights[pointId] ?? 0, width, rng, pk.weights[pointId] ?? UNKNOWN);
    return { ...pk, values: { ...pk.values, [pointId]: values }, weights: { ...pk.weights, [pointId]: weight } };
  });
}

export function revealRedLine(k: Knowledge, partyId: string, lineId: string): Knowledge {
  return withParty(k, partyId, (pk) => (pk.redLines.includes(lineId) ? pk : { ...pk, redLines: [...pk.redLines, lineId] }));
}

export function revealReservation(k: Knowledge, party: Party, width: number, rng: RngCursor): Knowledge {
  return withParty(k, party.id, (pk) => ({ ...pk, reservation: around(party.reservation, width, rng, pk.reservation) }));
}

/** Uncertainty left about a point for a party: the widest of its ranges. */
export function uncertainty(pk: PartyKnowledge, pointId: string): number {
  const ranges = [...Object.values(pk.values[pointId] ?? {}), pk.weights[pointId] ?? UNKNOWN];
  return Math.max(...ranges.map((r) => r.hi - r.lo));
}

/**
 * The point a meeting talks about: the one that matters most to the party among those
 * the player knows least about (parties talk about what they care about).
 */
export function topicOfMeeting(pk: PartyKnowledge, party: Party): string | null {
  let best: string | null = null;
  let bestScore = -1;
  // In the scenario's point order (the knowledge's own key order), not the file's key order of weights.
  for (const point of Object.keys(pk.weights)) {
    const weight = party.weights[point] ?? 0;
    const score = weight * uncertainty(pk, point);
    if (score > bestScore + 1e-9) {
      best = point;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : null;
}

/** First red line of the party the player does not know yet. */
export function hiddenRedLine(pk: PartyKnowledge, party: Party): string | null {
  return party.redLines.find((l) => !pk.redLines.includes(l.id))?.id ?? null;
}

/** Midpoint estimate of a range. */
export const mid = (r: Range): number => (r.lo + r.hi) / 2;
