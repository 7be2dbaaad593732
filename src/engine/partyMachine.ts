/**
 * The one party machine. Every party — whatever the scenario — is this machine with its data
 * as input. States: guarded (not yet met) → engaged ↔ close → signed; walkedOut (can be coaxed
 * back while it has returns left) → withdrawn (final). Red lines are guards: no transition
 * reaches `signed` while the text crosses one. Answers go to the parent as `party.answered`.
 */
import { and, not, sendParent, setup, assign } from 'xstate';
import type { Party, Point } from '../scenario/schema.ts';
import { counterProposal, crossedRedLines, evaluate, leaderThreshold, linkedPackage, type Change, type Evaluation, type PartyMood, type PointReason } from './evaluate.ts';
import type { PlanText } from './text.ts';

/** How a party answers a tabled text. */
export type AnswerKind = 'accepted' | 'rejected' | 'stalled' | 'absent';

export interface Answer {
  party: string;
  kind: AnswerKind;
  day: number;
  evaluation: Evaluation;
  /** The smallest change the party would accept (empty when accepted; null when none exists or it will not say). */
  counter: Change[] | null;
  /** Who answered for a party held by a person: the person, or its machine when the day ended first. */
  by?: 'person' | 'machine';
  /** Points a person named when rejecting (machines' objections follow from the evaluation). */
  objections?: string[];
  /**
   * A linked counter: a change the party gains on paid for by one it gives way on, which the
   * others want ("we accept X on one point if another moves to Y"); absent when it offers none.
   */
  linked?: Change[];
  /** When the answer is to a package put to the party: the package and how each change reads to it. */
  package?: { changes: Change[]; reasons: PointReason[]; public: boolean };
}

export interface PartyInput {
  party: Party;
  points: readonly Point[];
  totalDays: number;
  /** How many times a party that walked out can be coaxed back. */
  returns?: number;
  /** Held by a person: the person answers, and patience running out does not walk it out. */
  held?: boolean;
  /** The other signatories, as their public positions: what the party's linked counters offer them. */
  rivals?: readonly Party[];
}

export interface PartyContext {
  party: Party;
  points: readonly Point[];
  totalDays: number;
  day: number;
  mood: PartyMood;
  returns: number;
  daysOut: number;
  held: boolean;
  rivals: readonly Party[];
}

export type PartyEvent =
  | { type: 'text.tabled'; text: PlanText; day: number }
  | { type: 'party.met'; day: number }
  | { type: 'party.pressed'; amount: number }
  | { type: 'incentive.granted'; value: number }
  | { type: 'trust.changed'; delta: number }
  | { type: 'news.arrived'; trust?: number; patience?: number; aspiration?: number }
  | { type: 'day.passed'; day: number; patience: number }
  | { type: 'summit.failed' }
  | { type: 'deal.signed'; text: PlanText; leaderFlex: number; byPerson?: boolean }
  /** A person (or its machine, for it) answered a tabled text for this party. */
  | { type: 'answer.given'; kind: AnswerKind; day: number }
  /** The teacher lifted or restored one of the party's red lines. */
  | { type: 'redLines.changed'; redLines: Party['redLines'] };

/** Tunable constants of the party model, in one place. */
export const PARTY_RULES = {
  meetTrust: 3,
  meetPatience: 2,
  rejectPatience: 3,
  pressTrust: -6,
  pressPatience: -5,
  pressureDecay: 0.5,
  stallTrust: 25,
  returnPatience: 30,
  returnTrust: -5,
  daysOutToWithdraw: 3,
  summitFailedTrust: -10,
  summitFailedPatience: -15,
  incentiveTrust: 4,
} as const;

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/**
 * The last judgement made: a tabled text is judged by the guard that decides the answer and
 * again by the action that gives it, with the same party, mood, text and day (the action's
 * `noteDay` changes only the day it keeps). Evaluations are never mutated, so the one made for
 * the guard is given again.
 */
let lastJudged: { party: Party; mood: PartyMood; text: PlanText; day: number; totalDays: number; evaluation: Evaluation } | null = null;

function judge(ctx: PartyContext, text: PlanText, day: number): Evaluation {
  const had = lastJudged;
  if (had && had.party === ctx.party && had.mood === ctx.mood && had.text === text && had.day === day && had.totalDays === ctx.totalDays) return had.evaluation;
  const evaluation = evaluate(ctx.party, ctx.mood, text, day, ctx.totalDays);
  lastJudged = { party: ctx.party, mood: ctx.mood, text, day, totalDays: ctx.totalDays, evaluation };
  return evaluation;
}

type Tabled = Extract<PartyEvent, { type: 'text.tabled' }>;
type Signed = Extract<PartyEvent, { type: 'deal.signed' }>;

function answer(ctx: PartyContext, e: Tabled, kind: AnswerKind, withCounter: boolean): Answer {
  const evaluation = judge(ctx, e.text, e.day);
  const counter = kind === 'accepted' ? [] : withCounter ? counterProposal(ctx.party, ctx.mood, e.text, ctx.points, e.day, ctx.totalDays) : null;
  const linked = withCounter && kind !== 'accepted' ? linkedPackage(ctx.party, evaluation.threshold, e.text, ctx.points, ctx.rivals, counter) : null;
  return { party: ctx.party.id, kind, day: e.day, evaluation, counter, ...(linked ? { linked } : {}) };
}

type Args = { context: PartyContext; event: PartyEvent };
const mood = (f: (m: PartyMood) => Partial<PartyMood>) =>
  assign<PartyContext, PartyEvent, undefined, PartyEvent, never>({ mood: ({ context }) => ({ ...context.mood, ...f(context.mood) }) });

const partySetup = setup({
  types: {
    context: {} as PartyContext,
    events: {} as PartyEvent,
    input: {} as PartyInput,
  },
  guards: {
    crossesRedLine: ({ context, event }) => 'text' in event && crossedRedLines(context.party, event.text).length > 0,
    meetsThreshold: ({ context, event }) => event.type === 'text.tabled' && judge(context, event.text, event.day).gap >= -1e-9,
    acceptsAtSummit: ({ context, event }) => {
      if (event.type !== 'deal.signed') return false;
      const ev = judge(context, event.text, context.day);
      return event.byPerson === true || ev.utility >= leaderThreshold(ev, event.leaderFlex) - 1e-9;
    },
    answeredYes: ({ event }) => event.type === 'answer.given' && event.kind === 'accepted',
    answeredNo: ({ event }) => event.type === 'answer.given' && (event.kind === 'rejected' || event.kind === 'stalled'),
    distrustful: ({ context }) => context.mood.trust < PARTY_RULES.stallTrust,
    outOfPatience: ({ context }) => !context.held && context.party.role !== 'mediator' && context.mood.patience <= 0,
    canReturn: ({ context }) => context.returns > 0,
    awayTooLong: ({ context }) => context.daysOut >= PARTY_RULES.daysOutToWithdraw,
  },
  actions: {
    answerAccepted: sendParent(({ context, event }: Args) => ({ type: 'party.answered', answer: answer(context, event as Tabled, 'accepted', false) })),
    answerRejected: sendParent(({ context, event }: Args) => ({ type: 'party.answered', answer: answer(context, event as Tabled, 'rejected', true) })),
    answerRejectedGuarded: sendParent(({ context, event }: Args) => ({ type: 'party.answered', answer: answer(context, event as Tabled, 'rejected', false) })),
    answerStalled: sendParent(({ context, event }: Args) => ({ type: 'party.answered', answer: answer(context, event as Tabled, 'stalled', false) })),
    answerAbsent: sendParent(({ context, event }: Args) => ({ type: 'party.answered', answer: answer(context, event as Tabled, 'absent', false) })),
    reportWalkOut: sendParent(({ context }: Args) => ({ type: 'party.walkedOut', party: context.party.id })),
    reportReturn: sendParent(({ context }: Args) => ({ type: 'party.returned', party: context.party.id })),
    reportWithdrawal: sendParent(({ context }: Args) => ({ type: 'party.withdrew', party: context.party.id })),
    reportSigned: sendParent(({ context, event }: Args) => ({ type: 'party.signed', party: context.party.id, text: (event as Signed).text })),
    noteDay: assign({ day: ({ context, event }) => ('day' in event ? event.day : context.day) }),
    warmUp: mood((m) => ({ trust: clamp(m.trust + PARTY_RULES.meetTrust), patience: clamp(m.patience + PARTY_RULES.meetPatience) })),
    loseTimePatience: mood((m) => ({ patience: clamp(m.patience - PARTY_RULES.rejectPatience) })),
    feelPressure: mood((m) => ({ trust: clamp(m.trust + PARTY_RULES.pressTrust), patience: clamp(m.patience + PARTY_RULES.pressPatience) })),
    addPressure: assign({
      mood: ({ context, event }) => ({ ...context.mood, pressure: context.mood.pressure + (event.type === 'party.pressed' ? event.amount : 0) }),
    }),
    takeIncentive: assign({
      mood: ({ context, event }) => ({
        ...context.mood,
        incentives: context.mood.incentives + (event.type === 'incentive.granted' ? event.value : 0),
        trust: clamp(context.mood.trust + PARTY_RULES.incentiveTrust),
      }),
    }),
    shiftTrust: assign({
      mood: ({ context, event }) => ({ ...context.mood, trust: clamp(context.mood.trust + (event.type === 'trust.changed' ? event.delta : 0)) }),
    }),
    hearNews: assign({
      mood: ({ context, event }) => {
        if (event.type !== 'news.arrived') return context.mood;
        return {
          ...context.mood,
          trust: clamp(context.mood.trust + (event.trust ?? 0)),
          patience: clamp(context.mood.patience + (event.patience ?? 0)),
          shift: context.mood.shift + (event.aspiration ?? 0),
        };
      },
    }),
    passDay: assign({
      day: ({ context, event }) => (event.type === 'day.passed' ? event.day : context.day),
      mood: ({ context, event }) => ({
        ...context.mood,
        pressure: context.mood.pressure * PARTY_RULES.pressureDecay,
        patience: context.party.role === 'mediator' ? context.mood.patience : clamp(context.mood.patience + (event.type === 'day.passed' ? event.patience : 0)),
      }),
    }),
    amendRedLines: assign({
      party: ({ context, event }) => (event.type === 'redLines.changed' ? { ...context.party, redLines: event.redLines } : context.party),
    }),
    countDayOut: assign({ daysOut: ({ context }) => context.daysOut + 1 }),
    comeBack: assign({
      returns: ({ context }) => context.returns - 1,
      daysOut: 0,
      mood: ({ context }) => ({ ...context.mood, patience: PARTY_RULES.returnPatience, trust: clamp(context.mood.trust + PARTY_RULES.returnTrust) }),
    }),
    bruiseFromSummit: mood((m) => ({
      trust: clamp(m.trust + PARTY_RULES.summitFailedTrust),
      patience: clamp(m.patience + PARTY_RULES.summitFailedPatience),
    })),
  },
});

// The same in every state where the party is still at the table. Red lines are guards: neither
// accepting nor signing is possible while the text crosses one.
const acceptsText = and([not('crossesRedLine'), 'meetsThreshold']);
const walksOutWhenPatienceEnds = { guard: 'outOfPatience', target: 'walkedOut', actions: 'reportWalkOut' } as const;
const atTheTable = {
  'party.pressed': { actions: ['addPressure', 'feelPressure'] },
  'day.passed': { actions: 'passDay' },
  'deal.signed': { guard: and([not('crossesRedLine'), 'acceptsAtSummit']), target: 'signed', actions: 'reportSigned' },
} as const;

export const partyMachine = partySetup.createMachine({
  id: 'party',
  context: ({ input }) => ({
    party: input.party,
    points: input.points,
    totalDays: input.totalDays,
    day: 0,
    mood: { trust: input.party.trust, patience: input.party.patience, pressure: 0, incentives: 0, shift: 0 },
    returns: input.returns ?? 1,
    daysOut: 0,
    held: input.held ?? false,
    rivals: input.rivals ?? [],
  }),
  initial: 'guarded',
  // Events every state that is still at the table handles the same way.
  on: {
    'incentive.granted': { actions: 'takeIncentive' },
    'trust.changed': { actions: 'shiftTrust' },
    'news.arrived': { actions: 'hearNews' },
    'redLines.changed': { actions: 'amendRedLines' },
  },
  states: {
    guarded: {
      always: walksOutWhenPatienceEnds,
      on: {
        'party.met': { target: 'engaged', actions: ['noteDay', 'warmUp'] },
        'text.tabled': [
          { guard: 'distrustful', actions: ['noteDay', 'answerStalled', 'loseTimePatience'] },
          { guard: acceptsText, target: 'close', actions: ['noteDay', 'answerAccepted'] },
          { actions: ['noteDay', 'answerRejectedGuarded', 'loseTimePatience'] },
        ],
        'answer.given': [
          { guard: and([not('crossesRedLine'), 'answeredYes']), target: 'close', actions: 'noteDay' },
          { guard: 'answeredNo', actions: ['noteDay', 'loseTimePatience'] },
        ],
        ...atTheTable,
        'summit.failed': { actions: 'bruiseFromSummit' },
      },
    },
    engaged: {
      always: walksOutWhenPatienceEnds,
      on: {
        'party.met': { actions: ['noteDay', 'warmUp'] },
        'text.tabled': [
          { guard: 'distrustful', actions: ['noteDay', 'answerStalled', 'loseTimePatience'] },
          { guard: acceptsText, target: 'close', actions: ['noteDay', 'answerAccepted'] },
          { actions: ['noteDay', 'answerRejected', 'loseTimePatience'] },
        ],
        'answer.given': [
          { guard: 'answeredYes', target: 'close', actions: 'noteDay' },
          { guard: 'answeredNo', actions: ['noteDay', 'loseTimePatience'] },
        ],
        ...atTheTable,
        'summit.failed': { actions: 'bruiseFromSummit' },
      },
    },
    close: {
      always: walksOutWhenPatienceEnds,
      on: {
        'party.met': { actions: ['noteDay', 'warmUp'] },
        'text.tabled': [
          { guard: acceptsText, actions: ['noteDay', 'answerAccepted'] },
          { target: 'engaged', actions: ['noteDay', 'answerRejected', 'loseTimePatience'] },
        ],
        'answer.given': { guard: 'answeredNo', target: 'engaged', actions: ['noteDay', 'loseTimePatience'] },
        ...atTheTable,
        'summit.failed': { target: 'engaged', actions: 'bruiseFromSummit' },
      },
    },
    walkedOut: {
      always: { guard: 'awayTooLong', target: 'withdrawn', actions: 'reportWithdrawal' },
      on: {
        'party.met': { guard: 'canReturn', target: 'engaged', actions: ['noteDay', 'comeBack', 'reportReturn'] },
        'text.tabled': { actions: ['noteDay', 'answerAbsent'] },
        'day.passed': { actions: ['passDay', 'countDayOut'] },
      },
    },
    signed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type PartyState = 'guarded' | 'engaged' | 'close' | 'walkedOut' | 'signed' | 'withdrawn';
