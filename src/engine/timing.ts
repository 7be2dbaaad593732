/**
 * Timing a player can read: what a party says of where it stands (its current demand against
 * the value of the text) and how that demand is likely to move. The demand is the threshold
 * that decides its answer (see `evaluate`): aspiration lowered by trust, pressure and
 * incentives, never below the reservation. What it says is a range that contains the truth,
 * as wide as the knowledge rules make it (exact on open, wider on hard). Pure helpers; the
 * ranges are drawn from the seeded generator so a range's middle does not give the truth away.
 */
import type { Party } from '../scenario/schema.ts';
import { aspiration, modifiersOf, type Evaluation, type PartyMood } from './evaluate.ts';
import { revealWidth, type Difficulty, type Range } from './knowledge.ts';
import type { RngCursor } from './rng.ts';

/** How a party's demand moves from now to the deadline. */
export type Pace =
  /** It holds out: most of its remaining concession comes in the last week. */
  | 'late'
  /** It moves about evenly day by day. */
  | 'steady'
  /** It moves now: most of its remaining concession comes before the last week. */
  | 'soon'
  /** Its demand is already at its walk-away: it will not come down further. */
  | 'floor';

export interface Outlook {
  pace: Pace;
  /** Patience at or below `LOW_PATIENCE`: it may walk out. */
  patienceLow: boolean;
  /** Day index (0-based) the hedged projection is for: the start of the last week, or the deadline. */
  day: number;
  /** Its demand then, as a range containing the projection at today's mood. */
  demand: Range;
}

/** What a party says alongside an answer: its demand, the text's value to it, and its outlook. */
export interface Statement {
  /** Range containing the demand that decided the answer (the evaluation's threshold). */
  demand: Range;
  /** Range containing the value of the answered text to the party (the evaluation's utility). */
  value: Range;
  outlook: Outlook;
}

/** Patience at or below this is "running out". */
export const LOW_PATIENCE = 25;
/** The "last week": the final days before the deadline. */
export const LAST_WEEK = 7;

/** The demand that decides a party's answer on a given day at a given mood. Pure. */
export function demandOn(party: Party, mood: PartyMood, day: number, totalDays: number): number {
  if (party.role === 'mediator') return party.reservation;
  const m = modifiersOf(party, mood);
  return Math.max(party.reservation, aspiration(party, day, totalDays, mood.shift) - m.trust - m.pressure - m.incentives);
}

/**
 * How the demand will move if nothing else changes: the share of what is left to concede
 * that comes before the last week decides the pace. Pure.
 */
export function paceOf(party: Party, mood: PartyMood, day: number, totalDays: number): { pace: Pace; day: number; projected: number } {
  const now = demandOn(party, mood, day, totalDays);
  const left = now - party.reservation;
  const lastWeek = Math.max(day, totalDays - LAST_WEEK);
  if (left < 0.5) return { pace: 'floor', day: totalDays, projected: party.reservation };
  if (lastWeek <= day) return { pace: 'late', day: totalDays, projected: demandOn(party, mood, totalDays, totalDays) };
  const before = demandOn(party, mood, lastWeek, totalDays);
  const share = (now - before) / left;
  // The share an even pace would give over the same days.
  const even = (lastWeek - day) / Math.max(1, totalDays - day);
  const pace: Pace = share < even * 0.6 ? 'late' : share > Math.min(0.9, even * 1.3) ? 'soon' : 'steady';
  return { pace, day: lastWeek, projected: before };
}

/** A range of `width` containing `truth`, placed at random, in whole numbers. */
function hedge(truth: number, width: number, rng: RngCursor): Range {
  if (width <= 0) return { lo: Math.round(truth), hi: Math.round(truth) };
  const lo = truth - width * rng.next();
  return { lo: Math.max(0, Math.floor(lo)), hi: Math.min(100, Math.ceil(lo + width)) };
}

/**
 * What a party says with its answer: demand and value as ranges as wide as the knowledge rules
 * allow (exact on open), and its outlook, hedged more widely. Pure given the generator.
 */
export function statementOf(
  party: Party,
  mood: PartyMood,
  evaluation: Evaluation,
  day: number,
  totalDays: number,
  difficulty: Difficulty,
  rng: RngCursor,
): Statement {
  // Parties speak of their own position a little more clearly than meetings reveal values.
  const width = Math.min(24, revealWidth(mood.trust, difficulty) * 0.6);
  const { pace, day: then, projected } = paceOf(party, mood, day, totalDays);
  return {
    demand: hedge(evaluation.threshold, width, rng),
    value: hedge(evaluation.utility, width, rng),
    outlook: {
      pace,
      patienceLow: party.role !== 'mediator' && mood.patience <= LOW_PATIENCE,
      day: then,
      demand: hedge(projected, width * 1.5, rng),
    },
  };
}

/** Does the range contain the number (rounded as the player sees it)? Pure. */
export function within(r: Range, x: number): boolean {
  return r.lo <= Math.round(x) + 1e-9 && Math.round(x) <= r.hi + 1e-9;
}

/** "62" or "58–66". */
export function rangeWords(r: Range): string {
  return r.lo === r.hi ? String(r.lo) : `${r.lo}–${r.hi}`;
}

/** Where the party stands, in its own words: "It wants about 60–66 (of 100); this text gives it about 52–58." Pure. */
export function stanceWords(s: Statement): string {
  return `It wants about ${rangeWords(s.demand)} (of 100); this text gives it about ${rangeWords(s.value)}.`;
}

/**
 * How the party's demand is likely to move, hedged: "Russia is in no hurry: expect little
 * before the last week (from 24 Nov); by then it may want about 55–63." Pure.
 */
export function outlookWords(name: string, o: Outlook, dateOf: (day: number) => string): string {
  const when = dateOf(o.day);
  const then = rangeWords(o.demand);
  const pace = {
    late: `${name} is in no hurry: expect little movement before the last week (from ${when}); by then it may want about ${then}.`,
    steady: `${name} is moving step by step: by ${when} it may want about ${then}.`,
    soon: `${name} is ready to move now: expect most of its movement before ${when}, to about ${then}.`,
    floor: `${name} is at its limit: its demand will not come down further.`,
  }[o.pace];
  return o.patienceLow ? `${pace} ${name}'s patience is running out: it may walk out.` : pace;
}
