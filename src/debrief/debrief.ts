/**
 * What a class learns from a finished game: the outcome and score, the player's deal beside
 * the best deals the analyser finds for that start, each party's satisfaction and trust over
 * the days with events and moves marked, the plan's length over time, and for a failed game
 * the best offer that was rejected and why. Pure: built from the game's record (the hidden
 * truth is shown once the game is over).
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { analyzeExact, boundedWords } from '../analysis/analyze.ts';
import type { Notice, Outcome } from '../engine/negotiationMachine.ts';
import { createGame, type Game } from '../engine/session.ts';
import { createTable } from '../engine/table.ts';
import type { LogEntry } from '../engine/save.ts';
import type { SeatHolder } from '../engine/seats.ts';
import type { GameLength } from '../scenario/gameLength.ts';
import type { Command } from '../engine/commands.ts';
import type { Difficulty } from '../engine/knowledge.ts';
import type { PlayerView } from '../engine/view.ts';
import { utilityOf } from '../engine/evaluate.ts';
import { pointsInText, type PlanText } from '../engine/text.ts';
import { readableBalance, type Score } from '../engine/score.ts';

export interface PointRow {
  id: string;
  number?: number;
  title: string;
  /** Option labels ("dropped" when left out); null when the text was never settled. */
  player: string | null;
  start: string;
  durable: string | null;
  balanced: string | null;
}

export interface PartyRow {
  id: string;
  name: string;
  role: string;
  /** Margin above reservation in the player's final text (negative: below what it can accept). */
  player: number;
  durable: number | null;
  balanced: number | null;
}

export interface Series {
  days: number[];
  /**
   * Per party and day: the value of the text on the table, the demand it would have answered
   * with that day (the threshold that decides acceptance), and trust; plus each answer it gave,
   * with the value and demand that decided it. Value at or above demand (and no red line) is a yes.
   */
  parties: {
    id: string;
    name: string;
    utility: number[];
    demand: number[];
    trust: number[];
    answers: { day: number; kind: string; value: number; demand: number }[];
  }[];
  planLength: { day: number; points: number }[];
  markers: { day: number; kind: 'event' | 'move' | 'summit'; label: string }[];
}

export interface RejectedOffer {
  day: number;
  party: string;
  partyName: string;
  /** How far below what the party wanted the text was (utility − threshold, negative). */
  shortBy: number;
  reasons: string[];
  text: PlanText;
}

export interface Debrief {
  scenario: { id: string; title: string; version: string };
  start: { id: string; title: string };
  seed: number;
  difficulty: string;
  /** Standard or short: the replay must use the same days and actions. */
  length: GameLength;
  outcome: Outcome;
  score: Score | null;
  /** Points in the starting text, and in the final (or last) text. */
  startPoints: number;
  finalPoints: number;
  points: PointRow[];
  parties: PartyRow[];
  /**
   * The best deals' durability, and the most balanced deal's balance on the margins' own scale
   * (their geometric mean, see `readableBalance`).
   */
  best: {
    /** Null: not settled within the analyser's budget. */
    feasible: boolean | null;
    /** False when the analyser stopped at its budget: the best deals found, not proven best (`bounded` says so in words). */
    exact: boolean;
    durability: number | null;
    balance: number | null;
    /** Plain words for a bounded answer (empty when exact). */
    bounded: string;
  };
  /** The player's deal's balance on the same scale (deals only). */
  balance: number | null;
  /** How much more durability and balance the best deals would have given (deals only). */
  leftOnTable: { durability: number; balance: number } | null;
  series: Series;
  bestRejected: RejectedOffer | null;
  timeline: Notice[];
  /** The commands played, to step through the game again. */
  log: Command[];
  /** A game with seats (people in party seats, or a split mediator team): who held each, and every seat's commands. */
  seating: Seating | null;
}

export interface SeatScore {
  id: string;
  name: string;
  /** "a person" or "the machine (stubborn)". */
  holder: string;
  kind: 'mediator' | 'envoy' | 'party';
  /** A party's own score: its margin above its walk-away in a signed deal (null: it signed none); the mediator's: the deal's durability. */
  score: number | null;
  /** In words: "+12.5 above its walk-away", "signed no deal". */
  text: string;
}

export interface Seating {
  split: boolean;
  seats: Record<string, SeatHolder>;
  entries: LogEntry[];
  scores: SeatScore[];
}

const round = (x: number) => Math.round(x * 100) / 100;

function label(scenario: Scenario, point: string, option: string | null | undefined): string {
  if (option === null || option === undefined || option === OMIT) return 'dropped';
  return scenario.points.find((p) => p.id === point)?.options.find((o) => o.id === option)?.label ?? option;
}

const MOVE_KINDS: Record<string, string> = {
  'package.drafted': 'package',
  'text.redrafted': 'redraft',
  'point.omitted': 'dropped',
  'point.deferred': 'deferred',
  'pressure.applied': 'pressure',
  'incentive.granted': 'incentive',
};

/** The debrief of a finished (or abandoned) game; `maxWork`: the analyser's work budget (its default when not given). */
export function buildDebrief(game: Game, maxWork?: number): Debrief {
  const ctx = game.truth();
  const scenario = game.scenario;
  const view = game.view();
  const outcome: Outcome = view.outcome ?? { kind: 'timeout', day: view.day, reason: 'The game was left unfinished.' };
  const finalText = outcome.kind === 'deal' ? outcome.text : ctx.text;
  const exact = analyzeExact(scenario, ctx.start.id, maxWork);
  const signatories = scenario.ratification.signatories;
  const parties: PartyRow[] = signatories.map((id) => {
    const party = scenario.parties.find((p) => p.id === id)!;
    return {
      id,
      name: party.name,
      role: party.role,
      player: round(utilityOf(party, finalText).utility - party.reservation),
      durable: exact.maximin?.margins[id] ?? null,
      balanced: exact.nash?.margins[id] ?? null,
    };
  });
  const points: PointRow[] = scenario.points.map((p) => ({
    id: p.id,
    ...(p.number !== undefined ? { number: p.number } : {}),
    title: p.title,
    player: finalText[p.id]?.deferred ? null : label(scenario, p.id, finalText[p.id]?.option),
    start: label(scenario, p.id, ctx.start.text[p.id]),
    durable: exact.maximin ? label(scenario, p.id, exact.maximin.text[p.id]) : null,
    balanced: exact.nash ? label(scenario, p.id, exact.nash.text[p.id]) : null,
  }));
  const score = outcome.kind === 'deal' ? outcome.score : null;
  const days = [...new Set(ctx.trace.map((t) => t.day))].sort((a, b) => a - b);
  const traced = [...new Set(ctx.trace.map((t) => t.party))];
  const series: Series = {
    days,
    parties: traced.map((id) => ({
      id,
      name: scenario.parties.find((p) => p.id === id)?.name ?? id,
      utility: days.map((d) => ctx.trace.find((t) => t.day === d && t.party === id)?.utility ?? NaN),
      demand: days.map((d) => ctx.trace.find((t) => t.day === d && t.party === id)?.demand ?? NaN),
      trust: days.map((d) => ctx.trace.find((t) => t.day === d && t.party === id)?.trust ?? NaN),
      answers: ctx.answerLog
        .filter((a) => a.answer.party === id && (a.answer.kind === 'accepted' || a.answer.kind === 'rejected'))
        .map((a) => ({ day: a.answer.day, kind: a.answer.kind, value: round(a.answer.evaluation.utility), demand: round(a.answer.evaluation.threshold) })),
    })),
    planLength: ctx.history.map((h) => ({ day: h.day, points: h.points })),
    markers: ctx.journal.flatMap((n): Series['markers'] => {
      if (n.kind === 'news.reported') return [{ day: n.day, kind: 'event' as const, label: n.text.split('.')[0] ?? n.text }];
      if (n.kind.startsWith('summit.') || n.kind === 'deal.signed') return [{ day: n.day, kind: 'summit' as const, label: n.kind === 'deal.signed' ? 'deal signed' : n.kind === 'summit.failed' ? 'summit failed' : 'summit refused' }];
      const move = MOVE_KINDS[n.kind];
      return move ? [{ day: n.day, kind: 'move' as const, label: move }] : [];
    }),
  };
  // Balance on the margins' scale: the accepting signatories' margins for the best deal, the signers' for the player's.
  const bestBalance = exact.nash ? readableBalance(Object.fromEntries(exact.nash.accepting.map((id) => [id, exact.nash!.margins[id]!]))) : null;
  const balance = score ? readableBalance(score.margins) : null;
  return {
    scenario: { id: scenario.id, title: scenario.title, version: scenario.version },
    start: { id: ctx.start.id, title: ctx.start.title },
    seed: game.seed,
    difficulty: game.difficulty,
    length: game.length,
    outcome,
    score,
    startPoints: pointsInText(ctx.history[0]!.text),
    finalPoints: pointsInText(finalText),
    points,
    parties,
    best: { feasible: exact.feasible, exact: exact.exact, durability: exact.maximin?.value ?? null, balance: bestBalance, bounded: boundedWords(exact.exact, exact.maximin, exact.feasible) },
    balance,
    leftOnTable: score && exact.maximin && bestBalance !== null && balance !== null
      ? { durability: round(exact.maximin.value - score.durability), balance: round(bestBalance - balance) }
      : null,
    series,
    bestRejected: outcome.kind === 'deal' ? null : bestRejected(game),
    timeline: ctx.journal,
    log: [...game.log()],
    seating: seatingOf(game),
  };
}

/** Each seat's own score, from its own view (a party sees only its own margin). Null for a one-player game. */
function seatingOf(game: Game): Seating | null {
  const save = game.table.save();
  if (!save.split && Object.keys(save.seats).length === 0) return null;
  const outcome = game.view().outcome;
  const scores = game.table.seats().map((seat): SeatScore => {
    const holder = seat.holder === 'person' ? 'a person' : `the machine (${seat.holder.bot})`;
    const base = { id: seat.id, name: seat.name, holder, kind: seat.kind };
    if (seat.kind !== 'party') {
      const durability = outcome?.kind === 'deal' ? round(outcome.score.durability) : null;
      return { ...base, score: durability, text: durability === null ? 'no deal' : `durability ${durability} (the smallest margin)` };
    }
    if (seat.role === 'consulted') return { ...base, score: null, text: 'consulted; does not sign' };
    const view = game.table.view(seat.id);
    const own = 'score' in view ? view.score : null;
    const score = own === null || own === undefined ? null : round(own);
    return { ...base, score, text: score === null ? (outcome?.kind === 'deal' ? 'did not sign' : 'no deal') : `${score >= 0 ? '+' : ''}${score} above its walk-away` };
  });
  return { split: save.split, seats: { ...save.seats }, entries: save.log.map((e) => ({ ...e })), scores };
}

/**
 * The game as it stood after its first `steps` commands: the debrief's step-by-step replay.
 * Pure: replays from the seed.
 */
export function viewAfter(scenario: Scenario, d: Pick<Debrief, 'start' | 'seed' | 'difficulty' | 'length' | 'log' | 'seating'>, steps: number): PlayerView {
  if (d.seating) return seatedViewAfter(scenario, d, d.seating, steps);
  const game = createGame(scenario, { start: d.start.id, seed: d.seed, difficulty: d.difficulty as Difficulty, length: d.length });
  for (const command of d.log.slice(0, Math.max(0, steps))) game.send(command);
  const view = game.view();
  game.stop();
  return view;
}

/**
 * A game with seats after its first `steps` logged commands, as the mediator saw it. Mediator
 * bots are replayed as people (their commands are in the log), so nothing plays past the step.
 */
function seatedViewAfter(scenario: Scenario, d: Pick<Debrief, 'start' | 'seed' | 'difficulty' | 'length'>, seating: Seating, steps: number): PlayerView {
  const mediatorSeats = new Set(seating.scores.filter((s) => s.kind !== 'party').map((s) => s.id));
  const seats = Object.fromEntries(Object.entries(seating.seats).map(([id, holder]) => [id, mediatorSeats.has(id) ? 'person' as const : holder]));
  const table = createTable(scenario, { start: d.start.id, seed: d.seed, difficulty: d.difficulty as Difficulty, length: d.length, split: seating.split, seats });
  for (const e of seating.entries.slice(0, Math.max(0, steps))) table.send(e.seat, e.command);
  const view = table.view([...mediatorSeats][0] ?? table.seats()[0]!.id) as PlayerView;
  table.stop();
  return view;
}

/** The rejected offer that came closest: no red line crossed if possible, then the smallest shortfall. */
function bestRejected(game: Game): RejectedOffer | null {
  const ctx = game.truth();
  const rejected = ctx.answerLog.filter((a) => a.answer.kind === 'rejected');
  if (rejected.length === 0) return null;
  const worth = (a: (typeof rejected)[number]) => a.answer.evaluation.gap - 1000 * a.answer.evaluation.redLines.length;
  const best = rejected.reduce((b, a) => (worth(a) > worth(b) ? a : b));
  const ev = best.answer.evaluation;
  const name = game.scenario.parties.find((p) => p.id === best.answer.party)?.name ?? best.answer.party;
  const reasons = [
    ...ev.redLines.map((l) => `red line: ${l.reason}`),
    ...(ev.gap < 0 ? [`worth ${ev.utility.toFixed(1)} to ${name}, who wanted at least ${ev.threshold.toFixed(1)} that day (walk-away ${ev.reservation.toFixed(1)})`] : []),
    ...(best.answer.counter && best.answer.counter.length > 0
      ? [`it asked for ${best.answer.counter.map((c) => `${game.scenario.points.find((p) => p.id === c.point)?.title ?? c.point} → ${label(game.scenario, c.point, c.option)}`).join(', ')}`]
      : []),
  ];
  return { day: best.answer.day, party: best.answer.party, partyName: name, shortBy: round(ev.gap), reasons, text: best.text };
}
