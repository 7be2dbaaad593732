/**
 * The negotiation machine: calendar and deadline, envoys and travel, the text and its history,
 * political capital, the party actors, events, the summit and the outcome. Wiring only: the
 * rules live in pure helpers (evaluate, commands, summit, knowledge, score, world).
 */
import { and, assign, enqueueActions, setup, type ActorRefFrom } from 'xstate';
import type { Scenario, ScenarioEvent, Start } from '../scenario/schema.ts';
import { OMIT } from '../scenario/omit.ts';
import { addDays, daysBetween } from './calendar.ts';
import { travelDays, PRESS_AMOUNT, type Command, type CommandState, type EnvoyState } from './commands.ts';
import { counterProposal, evaluate, objectionsOf, quickJudge, quickJudger, thresholdOf, type Change, type Evaluation } from './evaluate.ts';
import {
  hiddenRedLine, initialKnowledge, revealPoint, revealRedLine, revealWidth, seatKnowledge, topicOfMeeting,
  type Difficulty, type Knowledge,
} from './knowledge.ts';
import { partyMachine, type Answer, type PartyContext, type PartyEvent, type PartyState } from './partyMachine.ts';
import { required, ruleOf } from './ratification.ts';
import { RngCursor, seedRng, type RngState } from './rng.ts';
import type { Score } from './score.ts';
import { openPoints, type EnoughOpen, type Judge, type Judgement, type OpenPoints } from './summit.ts';
import { openSummitStep, summitStep, type SummitRecord, type SummitSession } from './summitSteps.ts';
import { pointsInText, textFromStart, type PlanText } from './text.ts';
import { outlookWords, stanceWords, statementOf, type Statement } from './timing.ts';
import { eventsOfDay, newsApplies } from './world.ts';
import type { PartyCommand, WorldCommand } from './commands.ts';
import { styleParty, type PartyStyle } from './partyStyles.ts';
import {
  applyStep, closeDayStep, isHeld, meetEffects, offerEffects, pressEffects, proposeStep, seatStep, validateSeatEvent,
  type PartyRequest,
} from './seatSteps.ts';
import { heard, type PartiesHeard } from './steps.ts';

export interface Notice {
  day: number;
  date: string;
  kind: string;
  text: string;
  party?: string;
  envoy?: string;
  /** Parties (by id; the mediator's id for the mediator team) who may read it; everyone when absent. */
  to?: string[];
}

export type Outcome =
  | { kind: 'deal'; day: number; text: PlanText; signers: string[]; score: Score; /** Who gave what, when the leaders settled points at a summit. */ summit?: SummitRecord }
  | { kind: 'collapse'; day: number; reason: string }
  | { kind: 'timeout'; day: number; reason: string };

export interface AnswerRecord {
  answer: Answer;
  /** Version of the text the answer is about. */
  version: number;
  /** What the party said of its demand, the text's value and its timing (null when it would not talk). */
  said: Statement | null;
}

export interface TextVersion {
  day: number;
  version: number;
  text: PlanText;
  points: number;
  cause: string;
}

export interface TraceRow {
  day: number;
  party: string;
  utility: number;
  /** The threshold the party would decide with that day (its current demand). */
  demand: number;
  trust: number;
  patience: number;
}

export interface NegotiationInput {
  scenario: Scenario;
  start: string;
  seed: number;
  difficulty: Difficulty;
  /** Parties held by people: they answer requests themselves. */
  held?: readonly string[];
  /** Seats whose end of day the calendar waits for (people, and bots in the mediator's seats). */
  awaited?: readonly string[];
  /** How machines play the parties they hold (default: as the scenario models them). */
  styles?: Readonly<Record<string, PartyStyle>>;
}

export interface NegotiationContext {
  scenario: Scenario;
  start: Start;
  difficulty: Difficulty;
  startDate: string;
  totalDays: number;
  day: number;
  rng: RngState;
  capital: number;
  envoys: Record<string, EnvoyState>;
  text: PlanText;
  version: number;
  history: TextVersion[];
  parties: Record<string, ActorRefFrom<typeof partyMachine>>;
  knowledge: Knowledge;
  answers: Record<string, AnswerRecord>;
  /** Every answer given, in order, with the text it was about: the debrief's record of offers. */
  answerLog: (AnswerRecord & { text: PlanText })[];
  granted: string[];
  fired: string[];
  journal: Notice[];
  /**
   * Per day, each party's value of the current text, the demand it would answer with (the
   * threshold that decides acceptance), trust and patience: the debrief's charts. Taken once the
   * day's news and the day's passing have reached the party.
   */
  trace: TraceRow[];
  summits: number;
  outcome: Outcome | null;
  /** The scenario as authored: red lines the teacher lifted are restored from it. */
  baseScenario: Scenario;
  held: readonly string[];
  awaited: readonly string[];
  /** Seats that have ended the current day. */
  ended: string[];
  /** Requests waiting for a person's answer. */
  requests: PartyRequest[];
  nextRequest: number;
  /** What each party's seat knows of the others (the mediator's is `knowledge`). */
  seatKnowledge: Record<string, Knowledge>;
  /** Statements and consultations each party may still make today. */
  partyActions: Record<string, number>;
  /** The summit in session, when the leaders are meeting. */
  atSummit: SummitSession | null;
  /** Each party's answer to the last package put to it (accepted ones also stand in `answers`). */
  packageAnswers: Record<string, AnswerRecord>;
  /** Packages parties put forward in public, the latest per party. */
  offers: Record<string, { changes: Change[]; day: number; version: number }>;
  /** Public concessions that have moved the others: `${rule index}:${point}`, each once per game. */
  conceded: string[];
}

export type PartyReport =
  | { type: 'party.answered'; answer: Answer }
  | { type: 'party.walkedOut'; party: string }
  | { type: 'party.returned'; party: string }
  | { type: 'party.withdrew'; party: string }
  | { type: 'party.signed'; party: string; text: PlanText };

/** Commands as the table sends them: with the seat that sent them (and, for party seats, the party). */
export type SeatEvent = (PartyCommand & { party: string; seat?: string }) | WorldCommand;

export type NegotiationEvent = (Command & { seat?: string }) | SeatEvent | PartyReport | PartiesHeard;

// ---- pure helpers over the context -------------------------------------------------------

/**
 * What `partyStates` and `absentParties` last answered for a game's record of party actors (one per
 * game, never replaced), with the snapshots they read: while no party actor has moved, the same
 * objects are answered again instead of being rebuilt for every check and view.
 */
const statesMemo = new WeakMap<NegotiationContext['parties'], { snapshots: unknown[]; states: Record<string, PartyState>; absent: Set<string> | null }>();

/** The state of each party actor. Shared while no party moves: never mutate it. */
export function partyStates(ctx: NegotiationContext): Record<string, PartyState> {
  return statesOf(ctx).states;
}

function statesOf(ctx: NegotiationContext) {
  const refs = ctx.parties;
  const had = statesMemo.get(refs);
  if (had) {
    let i = 0;
    let same = true;
    for (const id in refs) if (refs[id]!.getSnapshot() !== had.snapshots[i++]) {
      same = false;
      break;
    }
    if (same && i === had.snapshots.length) return had;
  }
  const snapshots: unknown[] = [];
  const states: Record<string, PartyState> = {};
  for (const id in refs) {
    const snapshot = refs[id]!.getSnapshot();
    snapshots.push(snapshot);
    states[id] = snapshot.value as PartyState;
  }
  const memo = { snapshots, states, absent: null };
  statesMemo.set(refs, memo);
  return memo;
}

/** The state of one party actor (undefined for an id that is not a party). */
export function partyState(ctx: NegotiationContext, id: string): PartyState | undefined {
  return ctx.parties[id]?.getSnapshot().value as PartyState | undefined;
}

export function partyContext(ctx: NegotiationContext, id: string): PartyContext | undefined {
  return ctx.parties[id]?.getSnapshot().context;
}

export function commandState(ctx: NegotiationContext, states: Record<string, PartyState> = partyStates(ctx)): CommandState {
  return {
    scenario: ctx.scenario,
    envoys: ctx.envoys,
    text: ctx.text,
    capital: ctx.capital,
    granted: ctx.granted,
    partyStates: states,
    over: ctx.outcome !== null,
  };
}

/** The hidden truth: how a party judges a text now. */
export function judgeNow(ctx: NegotiationContext, id: string, text: PlanText): Evaluation {
  const pc = partyContext(ctx, id)!;
  return evaluate(pc.party, pc.mood, text, ctx.day, ctx.totalDays);
}

/** Party actors still running (a withdrawn or signed party has stopped and hears nothing more). */
function softDeadlinesOn(ctx: NegotiationContext, date: string) {
  return ctx.scenario.calendar.softDeadlines.filter((d) => d.date === date);
}

function softDeadlineText(label: string): string {
  return `${label}: the date has come without a deal; patience wears thin.`;
}

export function liveParties(ctx: NegotiationContext): NegotiationContext['parties'][string][] {
  return Object.values(ctx.parties).filter((ref) => ref.getSnapshot().status === 'active');
}

export function liveParty(ctx: NegotiationContext, id: string): NegotiationContext['parties'][string] | undefined {
  const ref = ctx.parties[id];
  return ref && ref.getSnapshot().status === 'active' ? ref : undefined;
}

/** Parties that have walked out or withdrawn. Shared while no party moves: never mutate it. */
export function absentParties(ctx: NegotiationContext): ReadonlySet<string> {
  const memo = statesOf(ctx);
  const { states } = memo;
  return (memo.absent ??= new Set(Object.keys(states).filter((id) => states[id] === 'walkedOut' || states[id] === 'withdrawn')));
}

/**
 * The hidden truth as numbers only (no reasons), for searches over many texts: a judge made once
 * for the context, giving the same utility, gap, threshold and margin as `judgeNow`.
 */
export function quickJudgeNow(ctx: NegotiationContext): Judge {
  const judges = new Map<string, { party: PartyContext['party']; threshold: number; judge: ReturnType<typeof quickJudger> }>();
  // The judgements of the last text asked about: searches ask about one text for several parties, and again.
  let lastText: PlanText | null = null;
  const judged = new Map<string, Judgement>();
  return (id, text) => {
    if (text !== lastText) {
      lastText = text;
      judged.clear();
    }
    const had = judged.get(id);
    if (had) return had;
    let j = judges.get(id);
    if (!j) {
      const pc = partyContext(ctx, id)!;
      const threshold = thresholdOf(pc.party, pc.mood, ctx.day, ctx.totalDays);
      j = { party: pc.party, threshold, judge: quickJudger(pc.party, threshold) };
      judges.set(id, j);
    }
    const q = j.judge(text);
    const out = { utility: q.utility, gap: q.gap, threshold: j.threshold, reservation: j.party.reservation, margin: q.utility - j.party.reservation, redLines: { length: q.lines } };
    judged.set(id, out);
    return out;
  };
}

/** The open points of the current text, judged by the hidden truth (with `enough`, possibly partial: see `openPoints`). */
export function openPointsNow(ctx: NegotiationContext, text: PlanText = ctx.text, judge: Judge = quickJudgeNow(ctx), enough?: EnoughOpen): OpenPoints {
  return openPoints(
    ctx.scenario,
    text,
    judge,
    (id, t) => {
      const pc = partyContext(ctx, id)!;
      return counterProposal(pc.party, pc.mood, t, ctx.scenario.points, ctx.day, ctx.totalDays);
    },
    absentParties(ctx),
    enough,
  );
}

/** Why the leaders would not meet now, or null when they would. */
export function summitRefusal(ctx: NegotiationContext): string | null {
  const rule = ruleOf(ctx.scenario);
  const unseen = required(rule).filter((id) => {
    const role = ctx.scenario.parties.find((p) => p.id === id)?.role;
    return role !== 'mediator' && ctx.answers[id]?.version !== ctx.version;
  });
  if (unseen.length > 0) return `the current text has not been tabled with ${names(ctx, unseen)}`;
  const open = openPointsNow(ctx);
  if (open.farApart.length > 0) return `${names(ctx, open.farApart)} ${open.farApart.length > 1 ? 'are' : 'is'} still too far from the text`;
  const max = ctx.scenario.summit.maxOpenPoints;
  if (open.points.length > max) {
    const list = open.points.map((p) => `“${pointTitle(ctx, p)}”`).join(', ');
    return `${open.points.length} points are still open (${list}); leaders meet only when at most ${max} are`;
  }
  return null;
}

export function names(ctx: NegotiationContext, ids: readonly string[]): string {
  return ids.map((id) => ctx.scenario.parties.find((p) => p.id === id)?.name ?? id).join(', ');
}

export function dateOf(ctx: NegotiationContext, day = ctx.day): string {
  return addDays(ctx.startDate, day);
}

export function notice(ctx: NegotiationContext, kind: string, text: string, extra: Partial<Notice> = {}): Notice {
  return { day: ctx.day, date: dateOf(ctx), kind, text, ...extra };
}

export function partyName(ctx: NegotiationContext, id: string): string {
  return ctx.scenario.parties.find((p) => p.id === id)?.name ?? id;
}

export function pointTitle(ctx: NegotiationContext, id: string): string {
  return ctx.scenario.points.find((p) => p.id === id)?.title ?? id;
}

export function optionLabel(ctx: NegotiationContext, point: string, option: string): string {
  if (option === OMIT) return 'dropped';
  return ctx.scenario.points.find((p) => p.id === point)?.options.find((o) => o.id === option)?.label ?? option;
}

/** The envoys after one of them has used an action. */
export function spendAction(ctx: NegotiationContext, envoyId: string): Record<string, EnvoyState> {
  const envoy = ctx.envoys[envoyId]!;
  return { ...ctx.envoys, [envoyId]: { ...envoy, actionsLeft: envoy.actionsLeft - 1 } };
}

export function newVersion(ctx: NegotiationContext, text: PlanText, cause: string) {
  const version = ctx.version + 1;
  return {
    text,
    version,
    history: [...ctx.history, { day: ctx.day, version, text, points: pointsInText(text), cause }],
  };
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/** A party's row of the trace: the numbers of `judgeNow` (quickJudge gives the same utility, bit for bit), without building its reasons. */
function traceRow(ctx: NegotiationContext, id: string): TraceRow {
  const pc = partyContext(ctx, id)!;
  const threshold = thresholdOf(pc.party, pc.mood, ctx.day, ctx.totalDays);
  const { utility } = quickJudge(pc.party, threshold, ctx.text);
  return { day: ctx.day, party: id, utility: tenth(utility), demand: tenth(threshold), trust: pc.mood.trust, patience: pc.mood.patience };
}

/** The trace with parties' rows for the day put in (each replacing that party's earlier row of the day), in one copy. */
function withRows(trace: readonly TraceRow[], rows: readonly TraceRow[]): TraceRow[] {
  const out = trace.slice();
  for (const row of rows) {
    const i = out.findLastIndex((t) => t.day === row.day && t.party === row.party);
    if (i >= 0) out[i] = row;
    else out.push(row);
  }
  return out;
}

const traced = (ctx: NegotiationContext) => ctx.scenario.parties.filter((p) => p.role === 'signatory' || p.role === 'consulted');

function traceDay(ctx: NegotiationContext): TraceRow[] {
  return withRows(ctx.trace, traced(ctx).map((p) => traceRow(ctx, p.id)));
}

/** A news item as the journal tells it. */
export function newsText(headline: string, text: string): string {
  const head = /[.!?…]$/.test(headline) ? headline : `${headline}.`;
  return text ? `${head} ${text}` : head;
}

/**
 * Apply the day's news: journal entries, capital changes, effects sent to the parties, and
 * what the news reveals. Returns the new knowledge and capital.
 */
export function reportNews(
  ctx: NegotiationContext,
  news: readonly ScenarioEvent[],
  rng: RngCursor,
  write: (text: string) => void,
  send: (ref: NegotiationContext['parties'][string], event: PartyEvent) => void,
): { knowledge: Knowledge; capital: number } {
  let knowledge = ctx.knowledge;
  let capital = ctx.capital;
  for (const ev of news) {
    write(newsText(ev.headline, ev.text));
    capital = Math.max(0, capital + (ev.capital ?? 0));
    for (const effect of ev.effects) {
      const ref = liveParty(ctx, effect.party);
      if (!ref) continue;
      send(ref, { type: 'news.arrived', trust: effect.trust, patience: effect.patience, aspiration: effect.aspiration });
      const party = ctx.scenario.parties.find((p) => p.id === effect.party)!;
      for (const point of effect.reveal ?? []) knowledge = revealPoint(knowledge, ctx.scenario, party, point, 0, rng);
    }
  }
  return { knowledge, capital };
}

/** Record a party's answer to a text: what it reveals, the answer itself and the journal entry. */
export function answerPatch(context: NegotiationContext, answer: Answer, version: number, tabled: PlanText, words?: string): Partial<NegotiationContext> {
  const pc = partyContext(context, answer.party)!;
  const rng = new RngCursor(context.rng);
  let knowledge = context.knowledge;
  const width = revealWidth(pc.mood.trust, context.difficulty);
  // A party that will not talk (stalled, absent) says nothing of its red lines.
  if (answer.kind === 'rejected') for (const line of answer.evaluation.redLines) knowledge = revealRedLine(knowledge, answer.party, line.id);
  if (answer.kind === 'rejected') {
    const named = answer.objections ?? objectionsOf(answer.evaluation).map((c) => c.point);
    for (const point of named) knowledge = revealPoint(knowledge, context.scenario, pc.party, point, width, rng);
  }
  const name = pc.party.name;
  // A machine states its demand and timing; a person speaks for itself.
  const said = answer.by !== 'person' && (answer.kind === 'accepted' || answer.kind === 'rejected')
    ? statementOf(pc.party, pc.mood, answer.evaluation, answer.day, context.totalDays, context.difficulty, rng)
    : null;
  const timing = said ? ` ${stanceWords(said)} ${outlookWords(name, said.outlook, (d) => dateOf(context, d))}` : '';
  const text =
    answer.kind === 'accepted' ? `${name} can accept the current text.`
    : answer.kind === 'stalled' ? `${name} will not discuss the text yet: trust in the mediator is too low.`
    : answer.kind === 'absent' ? `${name} has left the talks and did not answer.`
    : answer.evaluation.redLines.length > 0 ? `${name} rejected the text: ${answer.evaluation.redLines.map((l) => l.reason).join(' ')}`
    : answer.objections && !(answer.counter && answer.counter.length > 0) ? `${name} rejected the text; it objects to ${answer.objections.map((p) => `“${pointTitle(context, p)}”`).join(', ')}.`
    : `${name} rejected the text: it does not yet give enough${answer.counter && answer.counter.length > 0 ? `; it asks for ${changeWords(context, answer.counter)}` : ''}.`;
  const linked = answer.linked ? ` ${linkedWords(context, answer.linked)}` : '';
  return {
    rng: rng.state,
    knowledge,
    answers: { ...context.answers, [answer.party]: { answer, version, said } },
    answerLog: [...context.answerLog, { answer, version, said, text: tabled }],
    journal: [...context.journal, notice(context, answer.package ? (answer.kind === 'accepted' ? 'package.accepted' : 'package.refused') : answer.kind === 'accepted' ? 'proposal.accepted' : answer.kind === 'rejected' ? 'proposal.rejected' : `proposal.${answer.kind}`, (words ?? text) + linked + timing, { party: answer.party, ...(answer.package?.public ? {} : { to: [mediatorOf(context), answer.party] }) })],
  };
}

/** Changes as the journal tells them: “Point” → option, … */
export function changeWords(ctx: NegotiationContext, changes: readonly Change[]): string {
  return changes.map((c) => `“${pointTitle(ctx, c.point)}” → ${optionLabel(ctx, c.point, c.option)}`).join(', ');
}

/** A linked counter in words: the change the party gives, on condition of the one it gains. */
export function linkedWords(ctx: NegotiationContext, linked: readonly Change[]): string {
  const [gain, give] = linked;
  if (!gain || !give) return '';
  return `It would accept “${pointTitle(ctx, give.point)}” → ${optionLabel(ctx, give.point, give.option)} if “${pointTitle(ctx, gain.point)}” moves to ${optionLabel(ctx, gain.point, gain.option)}.`;
}

/** The mediator party's id: the mediator team's seat in notices' audiences. */
export function mediatorOf(ctx: NegotiationContext): string {
  return ctx.scenario.parties.find((p) => p.role === 'mediator')!.id;
}

type Ev<T extends NegotiationEvent['type']> = Extract<NegotiationEvent, { type: T }>;

// ---- the machine -------------------------------------------------------------------------

export const negotiationMachine = setup({
  types: {
    context: {} as NegotiationContext,
    events: {} as NegotiationEvent,
    input: {} as NegotiationInput,
  },
  actors: { party: partyMachine },
  guards: {
    isLegal: ({ context, event }) => validateSeatEvent(context, event as SeatEvent | Command) === null,
    isOver: ({ context }) => context.outcome !== null,
    /** The command is addressed to a party a person holds: it becomes a request that waits for the answer. */
    toHeld: ({ context, event }) => {
      if (event.type === 'envoy.offer') return isHeld(context, context.scenario.incentives.find((i) => i.id === event.incentive)?.to ?? '');
      return 'party' in event && (event.type === 'envoy.meet' || event.type === 'envoy.table' || event.type === 'envoy.press' || event.type === 'envoy.propose') && isHeld(context, event.party);
    },
    /** Someone else the calendar waits for has not ended the day yet. */
    othersPlaying: ({ context, event }) =>
      event.type === 'day.end' && event.seat !== undefined && context.awaited.some((s) => s !== event.seat && !context.ended.includes(s)),
  },
  actions: {
    travel: assign(({ context, event }) => {
      const e = event as Ev<'envoy.travel'>;
      const envoy = context.envoys[e.envoy]!;
      const days = travelDays(context.scenario, envoy.at, e.to) ?? 0;
      const moved: EnvoyState =
        days === 0
          ? { ...envoy, at: e.to, actionsLeft: envoy.actionsLeft - 1 }
          : { ...envoy, to: e.to, arrives: context.day + days, actionsLeft: 0 };
      const where = context.scenario.venues.find((v) => v.id === e.to)?.name ?? e.to;
      return {
        envoys: { ...context.envoys, [e.envoy]: moved },
        journal: [...context.journal, notice(context, days === 0 ? 'envoy.arrived' : 'envoy.departed', days === 0 ? `${envoy.name} arrived in ${where}.` : `${envoy.name} left for ${where} (${days} day${days > 1 ? 's' : ''}).`, { envoy: e.envoy })],
      };
    }),
    meet: enqueueActions(({ context, event, enqueue, self }) => {
      const e = event as Ev<'envoy.meet'>;
      const charged = { ...context, capital: context.capital - context.scenario.mediator.costs.meet, envoys: spendAction(context, e.envoy) };
      applyStep({ context, enqueue, self }, meetEffects(charged, e.envoy, e.party), { capital: charged.capital, envoys: charged.envoys });
    }),
    table: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'envoy.table'>;
      enqueue.assign({
        capital: context.capital - context.scenario.mediator.costs.table,
        envoys: spendAction(context, e.envoy),
      });
      enqueue.sendTo(context.parties[e.party]!, { type: 'text.tabled', text: context.text, day: context.day } satisfies PartyEvent);
    }),
    press: enqueueActions(({ context, event, enqueue, self }) => {
      const e = event as Ev<'envoy.press'>;
      const charged = { ...context, capital: context.capital - context.scenario.mediator.costs.press, envoys: spendAction(context, e.envoy) };
      applyStep({ context, enqueue, self }, pressEffects(charged, e.envoy, e.party, PRESS_AMOUNT), { capital: charged.capital, envoys: charged.envoys });
    }),
    offer: enqueueActions(({ context, event, enqueue, self }) => {
      const e = event as Ev<'envoy.offer'>;
      const incentive = context.scenario.incentives.find((i) => i.id === e.incentive)!;
      const charged = { ...context, capital: context.capital - incentive.cost, granted: [...context.granted, incentive.id], envoys: spendAction(context, e.envoy) };
      applyStep({ context, enqueue, self }, offerEffects(charged, e.envoy, incentive.id), { capital: charged.capital, granted: charged.granted, envoys: charged.envoys });
    }),
    propose: enqueueActions(({ context, event, enqueue, self }) => {
      const e = event as Ev<'envoy.propose'>;
      const charged = { ...context, capital: context.capital - context.scenario.mediator.costs.table, envoys: spendAction(context, e.envoy) };
      applyStep({ context, enqueue, self }, proposeStep(charged, e), { capital: charged.capital, envoys: charged.envoys });
    }),
    seatStep: enqueueActions(({ context, event, enqueue, self }) => applyStep({ context, enqueue, self }, seatStep(context, event as SeatEvent | Command))),
    closeDay: enqueueActions(({ context, enqueue, self }) => applyStep({ context, enqueue, self }, closeDayStep(context))),
    consult: assign(({ context, event }) => {
      const e = event as Ev<'envoy.consult'>;
      const adviser = partyContext(context, e.party)!;
      const rng = new RngCursor(context.rng);
      let knowledge = context.knowledge;
      const learned: string[] = [];
      // The consulted know what each government can live with: a red line, or else its main concern.
      for (const party of context.scenario.parties) {
        if (party.role !== 'signatory') continue;
        const pk = knowledge[party.id];
        if (!pk) continue;
        const line = hiddenRedLine(pk, party);
        if (line) {
          knowledge = revealRedLine(knowledge, party.id, line);
          learned.push(`a red line of ${party.name}`);
          continue;
        }
        const topic = topicOfMeeting(pk, party);
        if (topic) {
          knowledge = revealPoint(knowledge, context.scenario, party, topic, revealWidth(adviser.mood.trust, context.difficulty), rng);
          learned.push(`${party.name}'s view of “${pointTitle(context, topic)}”`);
        }
      }
      for (const line of adviser.party.redLines) knowledge = revealRedLine(knowledge, adviser.party.id, line.id);
      const envoy = context.envoys[e.envoy]!;
      return {
        rng: rng.state,
        knowledge,
        capital: context.capital - context.scenario.mediator.costs.consult,
        envoys: spendAction(context, e.envoy),
        journal: [...context.journal, notice(context, 'allies.consulted', `${envoy.name} consulted ${adviser.party.name}${learned.length > 0 ? ` and learned ${learned.join(', ')}` : ''}.`, { party: e.party, envoy: e.envoy, to: [mediatorOf(context), e.party] })],
      };
    }),
    redraft: assign(({ context, event }) => {
      const changes =
        event.type === 'text.package' ? event.changes
        : event.type === 'text.omit' ? [{ point: event.point, option: OMIT }]
        : event.type === 'text.redraft' ? [{ point: event.point, option: event.option }]
        : [];
      const text: Record<string, PlanText[string]> = { ...context.text };
      for (const c of changes) text[c.point] = { option: c.option, deferred: false };
      const what = changes.map((c) => `“${pointTitle(context, c.point)}” → ${optionLabel(context, c.point, c.option)}`).join('; ');
      return {
        ...newVersion(context, text, event.type),
        journal: [...context.journal, notice(context, changes.length > 1 ? 'package.drafted' : changes[0]?.option === OMIT ? 'point.omitted' : 'text.redrafted', `Redrafted: ${what}.`)],
      };
    }),
    defer: assign(({ context, event }) => {
      const e = event as Ev<'text.defer'> | Ev<'text.undefer'>;
      const deferred = e.type === 'text.defer';
      const clause = context.text[e.point]!;
      return {
        ...newVersion(context, { ...context.text, [e.point]: { ...clause, deferred } }, e.type),
        journal: [...context.journal, notice(context, deferred ? 'point.deferred' : 'point.undeferred', deferred ? `“${pointTitle(context, e.point)}” deferred to the leaders.` : `“${pointTitle(context, e.point)}” is back on the envoys' table.`)],
      };
    }),
    recordAnswer: assign(({ context, event }) => answerPatch(context, (event as Ev<'party.answered'>).answer, context.version, context.text)),
    recordPartyMove: assign(({ context, event }) => {
      const e = event as Ev<'party.walkedOut'> | Ev<'party.returned'> | Ev<'party.withdrew'>;
      const name = partyName(context, e.party);
      const text = e.type === 'party.walkedOut' ? `${name} walked out of the talks.` : e.type === 'party.returned' ? `${name} came back to the table.` : `${name} withdrew from the talks for good.`;
      const needed = required(ruleOf(context.scenario)).includes(e.party);
      const outcome: Outcome | null =
        e.type === 'party.withdrew' && needed && context.outcome === null
          ? { kind: 'collapse', day: context.day, reason: `${name} withdrew, and no deal is possible without it.` }
          : context.outcome;
      const journal = [...context.journal, notice(context, e.type, text, { party: e.party })];
      if (outcome && outcome !== context.outcome) journal.push(notice(context, 'talks.collapsed', outcome.kind === 'collapse' ? outcome.reason : ''));
      return { journal, outcome };
    }),
    recordSignature: assign(({ context, event }) => {
      const e = event as Ev<'party.signed'>;
      return { journal: [...context.journal, notice(context, 'party.signed', `${partyName(context, e.party)} signed.`, { party: e.party })] };
    }),
    callSummit: enqueueActions(({ context, enqueue, self }) => {
      const costs = context.scenario.mediator.costs;
      const refusal = summitRefusal(context);
      if (refusal) {
        enqueue.assign({
          capital: Math.max(0, context.capital - costs.summit),
          summits: context.summits + 1,
          journal: [...context.journal, notice(context, 'summit.refused', `The leaders declined to meet: ${refusal}.`)],
        });
        for (const ref of liveParties(context)) enqueue.sendTo(ref, { type: 'trust.changed', delta: -3 } satisfies PartyEvent);
        return;
      }
      applyStep({ context, enqueue, self }, openSummitStep(context));
    }),
    summitMove: enqueueActions(({ context, event, enqueue, self }) =>
      applyStep({ context, enqueue, self }, summitStep(context, event as Ev<'summit.propose'> | Ev<'summit.acceptDemand'> | Ev<'summit.close'>))),
    endDay: enqueueActions(({ context, enqueue, self }) => {
      // A summit vote settled at the close of the day may have ended the talks.
      if (context.outcome !== null) return;
      const day = context.day + 1;
      const date = dateOf(context, day);
      const journal = [...context.journal];
      const at = (kind: string, text: string, extra: Partial<Notice> = {}) => journal.push({ day, date, kind, text, ...extra });
      if (day > context.totalDays) {
        const reason = `The deadline (${context.scenario.calendar.deadline}) passed without a signed text.`;
        // Dated the deadline day itself, like the outcome: the day after is never played.
        journal.push(notice(context, 'deadline.reached', reason));
        enqueue.assign({ day: context.day, journal, outcome: { kind: 'timeout', day: context.day, reason } });
        return;
      }
      const envoys: Record<string, EnvoyState> = {};
      for (const [id, envoy] of Object.entries(context.envoys)) {
        const arrived = envoy.to !== null && envoy.arrives !== null && envoy.arrives <= day;
        if (arrived) at('envoy.arrived', `${envoy.name} arrived in ${context.scenario.venues.find((v) => v.id === envoy.to)?.name ?? envoy.to}.`, { envoy: id });
        envoys[id] = arrived
          ? { ...envoy, at: envoy.to!, to: null, arrives: null, actionsLeft: context.scenario.calendar.actionsPerDay }
          : { ...envoy, actionsLeft: envoy.to === null ? context.scenario.calendar.actionsPerDay : 0 };
      }
      // A soft deadline fires on its own date: as the day it names begins.
      let patience = -1;
      for (const soft of softDeadlinesOn(context, date)) {
        patience += soft.patience;
        at('deadline.passed', softDeadlineText(soft.label));
      }
      const rng = new RngCursor(context.rng);
      const news = eventsOfDay(context.scenario.events, date, context.fired, rng, { start: context.start.id, envoys, text: context.text });
      const { knowledge, capital } = reportNews(context, news, rng, (text) => at('news.reported', text), (ref, e) => enqueue.sendTo(ref, e));
      // News first: a party that gives up on this day's passing must still have heard it.
      for (const ref of liveParties(context)) enqueue.sendTo(ref, { type: 'day.passed', day, patience } satisfies PartyEvent);
      // The new day's rows of the trace are taken once every party has heard the news and the day's passing.
      heard({ context, enqueue, self }, traced(context).map((p) => p.id));
      at('day.ended', `Day ${day + 1}: ${date}.`);
      enqueue.assign({
        day,
        envoys,
        ended: [],
        partyActions: Object.fromEntries(context.held.map((id) => [id, context.scenario.calendar.actionsPerDay])),
        rng: rng.state,
        knowledge,
        capital,
        fired: [...context.fired, ...news.map((n) => n.id)],
        journal,
      });
    }),
    recordTrace: assign({ trace: ({ context }) => traceDay(context) }),
    /** Parties have heard news or the day's passing: their rows of the day are taken (or retaken) now. */
    recordHeard: assign({
      trace: ({ context, event }) => {
        const { parties } = event as PartiesHeard;
        return withRows(context.trace, traced(context).filter((p) => parties.includes(p.id)).map((p) => traceRow(context, p.id)));
      },
    }),
    // News scheduled for the opening day happens as the talks open.
    // So does a soft deadline dated the opening day: every party at the table starts with it.
    openingNews: enqueueActions(({ context, enqueue, self }) => {
      const date = dateOf(context);
      const journal = [...context.journal];
      const told: string[] = [];
      const tell = (ref: NegotiationContext['parties'][string], e: PartyEvent) => {
        enqueue.sendTo(ref, e);
        if (!told.includes(ref.id)) told.push(ref.id);
      };
      for (const soft of softDeadlinesOn(context, date)) {
        journal.push(notice(context, 'deadline.passed', softDeadlineText(soft.label)));
        for (const ref of liveParties(context)) {
          if (ref.getSnapshot().context.party.role !== 'mediator') tell(ref, { type: 'news.arrived', patience: soft.patience });
        }
      }
      const news = context.scenario.events.filter((e) => e.on === date && newsApplies(e, { start: context.start.id, envoys: context.envoys, text: context.text }));
      if (news.length === 0) {
        if (journal.length > context.journal.length) enqueue.assign({ journal });
      } else {
        const rng = new RngCursor(context.rng);
        const { knowledge, capital } = reportNews(context, news, rng, (text) => journal.push(notice(context, 'news.reported', text)), tell);
        enqueue.assign({ journal, knowledge, capital, rng: rng.state, fired: [...context.fired, ...news.map((n) => n.id)] });
      }
      // The opening day's rows (taken as the talks open) are retaken for the parties the news moved.
      heard({ context, enqueue, self }, told);
    }),
  },
}).createMachine({
  id: 'negotiation',
  context: ({ input, spawn }) => {
    const { scenario } = input;
    const start = scenario.starts.find((s) => s.id === input.start) ?? scenario.starts[0]!;
    const startDate = start.date ?? scenario.calendar.start;
    const totalDays = Math.max(0, daysBetween(startDate, scenario.calendar.deadline));
    const mediator = scenario.parties.find((p) => p.role === 'mediator')!;
    const envoys: Record<string, EnvoyState> = {};
    for (const e of mediator.envoys) {
      envoys[e.id] = { id: e.id, name: e.name, at: start.envoys?.[e.id] ?? e.start ?? mediator.home, to: null, arrives: null, actionsLeft: scenario.calendar.actionsPerDay };
    }
    const parties: NegotiationContext['parties'] = {};
    const held = input.held ?? [];
    for (const party of scenario.parties) {
      const style = input.styles?.[party.id];
      const played = style ? styleParty(party, style) : party;
      const rivals = scenario.parties.filter((p) => p.role === 'signatory' && p.id !== party.id);
      parties[party.id] = spawn('party', { id: party.id, input: { party: played, points: scenario.points, totalDays, held: held.includes(party.id), rivals } });
    }
    const text = textFromStart(scenario, start);
    return {
      scenario,
      start,
      difficulty: input.difficulty,
      startDate,
      totalDays,
      day: 0,
      rng: seedRng(input.seed),
      capital: start.capital ?? scenario.mediator.capital,
      envoys,
      text,
      version: 0,
      history: [{ day: 0, version: 0, text, points: pointsInText(text), cause: 'start' }],
      parties,
      knowledge: initialKnowledge(scenario, input.difficulty),
      answers: {},
      answerLog: [],
      granted: [],
      fired: [],
      journal: [{ day: 0, date: startDate, kind: 'game.started', text: `Talks open on ${startDate} with “${start.title}”. Deadline: ${scenario.calendar.deadline}.` }],
      trace: [],
      summits: 0,
      outcome: null,
      baseScenario: scenario,
      held,
      awaited: input.awaited ?? [],
      ended: [],
      requests: [],
      nextRequest: 1,
      seatKnowledge: Object.fromEntries(scenario.parties.filter((p) => p.role !== 'mediator').map((p) => [p.id, seatKnowledge(scenario, input.difficulty, p.id)])),
      partyActions: Object.fromEntries(held.map((id) => [id, scenario.calendar.actionsPerDay])),
      atSummit: null,
      packageAnswers: {},
      offers: {},
      conceded: [],
    };
  },
  initial: 'playing',
  states: {
    playing: {
      entry: ['openingNews', 'recordTrace'],
      always: { guard: 'isOver', target: 'over' },
      on: {
        'envoy.travel': { guard: 'isLegal', actions: 'travel' },
        'envoy.meet': [{ guard: and(['isLegal', 'toHeld']), actions: 'seatStep' }, { guard: 'isLegal', actions: 'meet' }],
        'envoy.table': [{ guard: and(['isLegal', 'toHeld']), actions: 'seatStep' }, { guard: 'isLegal', actions: 'table' }],
        'envoy.press': [{ guard: and(['isLegal', 'toHeld']), actions: 'seatStep' }, { guard: 'isLegal', actions: 'press' }],
        'envoy.offer': [{ guard: and(['isLegal', 'toHeld']), actions: 'seatStep' }, { guard: 'isLegal', actions: 'offer' }],
        'envoy.consult': { guard: 'isLegal', actions: 'consult' },
        'envoy.propose': [{ guard: and(['isLegal', 'toHeld']), actions: 'seatStep' }, { guard: 'isLegal', actions: 'propose' }],
        'text.redraft': { guard: 'isLegal', actions: 'redraft' },
        'text.omit': { guard: 'isLegal', actions: 'redraft' },
        'text.package': { guard: 'isLegal', actions: 'redraft' },
        'text.defer': { guard: 'isLegal', actions: 'defer' },
        'text.undefer': { guard: 'isLegal', actions: 'defer' },
        'summit.call': { guard: 'isLegal', actions: 'callSummit' },
        'summit.propose': { guard: 'isLegal', actions: 'summitMove' },
        'summit.acceptDemand': { guard: 'isLegal', actions: 'summitMove' },
        'summit.close': { guard: 'isLegal', actions: 'summitMove' },
        'day.end': [{ guard: and(['isLegal', 'othersPlaying']), actions: 'seatStep' }, { guard: 'isLegal', actions: ['closeDay', 'endDay'] }],
        'world.endDay': { guard: 'isLegal', actions: ['closeDay', 'endDay'] },
        'party.answer': { guard: 'isLegal', actions: 'seatStep' },
        'party.signal': { guard: 'isLegal', actions: 'seatStep' },
        'party.consult': { guard: 'isLegal', actions: 'seatStep' },
        'party.propose': { guard: 'isLegal', actions: 'seatStep' },
        'world.event': { guard: 'isLegal', actions: 'seatStep' },
        'world.news': { guard: 'isLegal', actions: 'seatStep' },
        'world.redLine': { guard: 'isLegal', actions: 'seatStep' },
        'world.mood': { guard: 'isLegal', actions: 'seatStep' },
        'party.answered': { actions: 'recordAnswer' },
        'party.walkedOut': { actions: 'recordPartyMove' },
        'party.returned': { actions: 'recordPartyMove' },
        'party.withdrew': { actions: 'recordPartyMove' },
        'parties.heard': { actions: 'recordHeard' },
      },
    },
    over: {
      on: {
        'party.signed': { actions: 'recordSignature' },
        'party.answered': { actions: 'recordAnswer' },
        // A party's withdrawal may end the talks as the day passes: the day's rows are still taken once all have heard it.
        'parties.heard': { actions: 'recordHeard' },
      },
    },
  },
});

export type NegotiationActor = ActorRefFrom<typeof negotiationMachine>;
