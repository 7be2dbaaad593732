/**
 * What each seat sees. The mediator's seats see the player's view (per envoy for a split team);
 * a party's seat sees its own role sheet exactly, the others as far as its own knowledge goes,
 * the requests waiting for it with its machine's advice, and its margin above its walk-away;
 * the teacher sees everything. Every view is plain JSON, and none holds another seat's hidden
 * values beyond what the knowledge rules have revealed to it. Pure.
 */
import { talksView, type SummitTalksView } from './summitSteps.ts';
import { OMIT } from '../scenario/omit.ts';
import type { Party } from '../scenario/schema.ts';
import type { Change, Contribution } from './evaluate.ts';
import type { Command, PartyCommand, Reply } from './commands.ts';
import { evaluate } from './evaluate.ts';
import type { Difficulty, PartyKnowledge } from './knowledge.ts';
import { mediatorOf, partyContext, partyStates, type NegotiationContext, type Notice, type Outcome } from './negotiationMachine.ts';
import type { PartyState } from './partyMachine.ts';
import { machineReply, type RequestKind } from './seatSteps.ts';
import { partyMoves } from './seatRules.ts';
import type { Seat } from './seats.ts';
import { addDays } from './calendar.ts';
import type { PlanText } from './text.ts';
import { answerView, playerView, type PlayerView } from './view.ts';

/** A party's own role sheet: exactly what a classroom role package gives its player. */
export interface RoleSheet {
  party: string;
  name: string;
  leader: string;
  role: 'signatory' | 'consulted';
  briefing: string;
  weights: Record<string, number>;
  values: Record<string, Record<string, number>>;
  redLines: { id: string; reason: string; when: { point: string; option: string }[]; lifted: boolean }[];
  /** Walk-away value: the seat's score is its margin above it. */
  reservation: number;
  leaderPoints: string[];
  holds: string[];
}

/** A request waiting for a person's answer. */
export interface RequestView {
  id: number;
  kind: RequestKind;
  party: string;
  day: number;
  envoy: string | null;
  text: PlanText | null;
  /** Whether the text asked about is still the current text. */
  current: boolean;
  incentive: { id: string; label: string; value: number } | null;
}

export interface Advice {
  reply: Reply;
  points?: string[];
  changes?: Change[];
  /** The machine's reasoning in one sentence. */
  why: string;
}

export interface SeatCommon {
  seat: string;
  /** Whether this seat has ended the current day. */
  ended: boolean;
  /** Seats the calendar still waits for today. */
  waitingFor: string[];
  /** Requests still waiting for answers from people (for a party seat: its own, with advice). */
  requests: (RequestView & { advice?: Advice })[];
  /** The summit in session: rounds, proposals, the leaders' answers and demands. */
  talks: SummitTalksView | null;
}

export type MediatorSeatView = PlayerView & SeatCommon & { kind: 'mediator' | 'envoy'; envoy: string | null };

export interface OtherParty {
  id: string;
  name: string;
  leader: string;
  role: 'mediator' | 'signatory' | 'consulted';
  home: string;
  colour?: string;
  state: PartyState;
  trust: number;
  patience: number;
  knowledge: PartyKnowledge | null;
  knownRedLines: { id: string; reason: string; when: { point: string; option: string }[] }[];
}

export interface PartySeatView extends SeatCommon {
  kind: 'party';
  party: string;
  scenario: PlayerView['scenario'];
  start: PlayerView['start'];
  difficulty: Difficulty;
  day: number;
  date: string;
  deadline: string;
  daysLeft: number;
  text: PlanText;
  version: number;
  pointsInText: number;
  state: PartyState;
  trust: number;
  patience: number;
  sheet: RoleSheet;
  /** The current text judged by the sheet: utility, margin above walk-away, red lines it crosses. */
  standing: { utility: number; margin: number; contributions: Contribution[]; redLines: { id: string; reason: string }[] };
  /** The seat's last answer to the mediator, as the mediator received it. */
  lastAnswer: PlayerView['parties'][number]['answer'];
  parties: OtherParty[];
  actionsLeft: number;
  legal: (PartyCommand | { type: 'day.end' })[];
  journal: Notice[];
  outcome: Outcome | null;
  /** Own margin in a signed deal (null when it did not sign or there is no deal). */
  score: number | null;
}

export type WorldView = PlayerView & SeatCommon & { kind: 'world'; sheets: RoleSheet[]; states: Record<string, PartyState> };

export type SeatView = MediatorSeatView | PartySeatView | WorldView;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Role sheets by party as played and as authored: a sheet changes only when the teacher lifts or restores a red line (a new party object). */
const sheets = new WeakMap<Party, WeakMap<Party, RoleSheet>>();

export function roleSheet(ctx: NegotiationContext, party: Party): RoleSheet {
  const base = ctx.baseScenario.parties.find((p) => p.id === party.id) ?? party;
  let byBase = sheets.get(party);
  if (!byBase) sheets.set(party, (byBase = new WeakMap()));
  let sheet = byBase.get(base);
  if (!sheet) byBase.set(base, (sheet = makeRoleSheet(party, base)));
  return sheet;
}

function makeRoleSheet(party: Party, base: Party): RoleSheet {
  return {
    party: party.id,
    name: party.name,
    leader: party.leader,
    role: party.role === 'consulted' ? 'consulted' : 'signatory',
    briefing: party.briefing,
    weights: { ...party.weights },
    values: Object.fromEntries(Object.entries(party.values).map(([k, v]) => [k, { ...v }])),
    redLines: base.redLines.map((l) => ({ id: l.id, reason: l.reason, when: l.when, lifted: !party.redLines.some((x) => x.id === l.id) })),
    reservation: party.reservation,
    leaderPoints: [...party.leaderPoints],
    holds: [...party.holds],
  };
}

function visibleTo(n: Notice, who: string | null): boolean {
  return who === null || !n.to || n.to.includes(who);
}

/**
 * What each audience has read of a game's journal, kept by the game's first notice. The journal
 * only ever grows at its end, so a later journal extends what was filtered before (the same array
 * while nothing new is visible); a journal that does not extend it (an earlier state) is filtered afresh.
 */
const readers = new WeakMap<Notice, Map<string, { length: number; last: Notice; out: Notice[] }>>();

function journalFor(journal: readonly Notice[], who: string): Notice[] {
  const first = journal[0];
  if (!first) return [];
  let byWho = readers.get(first);
  if (!byWho) readers.set(first, (byWho = new Map()));
  const had = byWho.get(who);
  const extends_ = had !== undefined && had.length <= journal.length && journal[had.length - 1] === had.last;
  const from = extends_ ? had.length : 0;
  const added: Notice[] = [];
  for (let i = from; i < journal.length; i++) if (visibleTo(journal[i]!, who)) added.push(journal[i]!);
  const out = !extends_ ? added : added.length === 0 ? had.out : had.out.concat(added);
  byWho.set(who, { length: journal.length, last: journal[journal.length - 1]!, out });
  return out;
}

function requestView(ctx: NegotiationContext, r: NegotiationContext['requests'][number]): RequestView {
  const incentive = r.incentive ? ctx.scenario.incentives.find((i) => i.id === r.incentive) ?? null : null;
  return {
    id: r.id, kind: r.kind, party: r.party, day: r.day, envoy: r.envoy, text: r.text, current: r.version === ctx.version,
    incentive: incentive ? { id: incentive.id, label: incentive.label, value: incentive.value } : null,
  };
}

/**
 * The advice on a request, kept while what it depends on stands: the request, the party's machine
 * (its state, mood and sheet), the day and the summit in session.
 */
const advised = new WeakMap<NegotiationContext['requests'][number], { snapshot: unknown; day: number; totalDays: number; scenario: unknown; atSummit: unknown; advice: Advice }>();

function adviceFor(ctx: NegotiationContext, r: NegotiationContext['requests'][number]): Advice {
  const snapshot = ctx.parties[r.party]?.getSnapshot();
  const had = advised.get(r);
  if (had && had.snapshot === snapshot && had.day === ctx.day && had.totalDays === ctx.totalDays && had.scenario === ctx.scenario && had.atSummit === ctx.atSummit) return had.advice;
  const advice = freshAdvice(ctx, r);
  advised.set(r, { snapshot, day: ctx.day, totalDays: ctx.totalDays, scenario: ctx.scenario, atSummit: ctx.atSummit, advice });
  return advice;
}

function freshAdvice(ctx: NegotiationContext, r: NegotiationContext['requests'][number]): Advice {
  const m = machineReply(ctx, r);
  const title = (p: string) => `“${ctx.scenario.points.find((x) => x.id === p)?.title ?? p}”`;
  let why: string;
  if (r.kind === 'table') {
    const a = m.answer!;
    why = a.kind === 'accepted' ? 'The text clears what your government asks for now.'
      : a.kind === 'stalled' ? 'Trust in the mediator is too low to discuss the text.'
      : a.evaluation.redLines.length > 0 ? `The text crosses your red line: ${a.evaluation.redLines.map((l) => l.reason).join(' ')}`
      : m.changes ? `It does not yet give enough; ${m.changes.map((c) => title(c.point)).join(', ')} would make it acceptable.`
      : `It is far from what you need; the worst points are ${(m.points ?? []).map(title).join(', ')}.`;
  } else if (r.kind === 'sign') {
    why = m.reply === 'accept' ? 'Your leader can live with this text.' : 'Your leader would not sign this text.';
  } else {
    why = r.kind === 'meet' ? 'Meeting builds trust.' : r.kind === 'offer' ? 'The offer makes a deal easier to accept.' : 'Resisting pressure costs nothing now, but the mediator may press again.';
  }
  return { reply: m.reply, ...(m.points ? { points: m.points } : {}), ...(m.changes ? { changes: m.changes } : {}), why };
}

/** `talks`: the summit's talks when already worked out (the player's view has them), else worked out here. */
function common(ctx: NegotiationContext, seat: string, audience: string | null, withAdvice: boolean, talks: SeatCommon['talks'] = talksView(ctx)): SeatCommon {
  const requests = ctx.requests
    .filter((r) => audience === null || audience === mediatorOf(ctx) || r.party === audience)
    .map((r) => ({ ...requestView(ctx, r), ...(withAdvice ? { advice: adviceFor(ctx, r) } : {}) }));
  return {
    seat,
    ended: ctx.ended.includes(seat),
    waitingFor: ctx.outcome ? [] : ctx.awaited.filter((s) => !ctx.ended.includes(s)),
    requests,
    talks,
  };
}

/** A mediator's seat: the player's view, with the journal it may read and, per envoy, its own commands. */
export function mediatorSeatView(ctx: NegotiationContext, seat: Seat): MediatorSeatView {
  const base = playerView(ctx);
  const who = mediatorOf(ctx);
  // An envoy's seat: the team's commands (the player's view has them, worked out from the same
  // state) narrowed to its envoy's, not worked out a second time.
  const legal: Command[] = seat.envoy ? base.legal.filter((c) => !('envoy' in c) || c.envoy === seat.envoy) : base.legal;
  // The seat's fields are added to the player's view built for it (a new object): spreading a
  // view this size into a new literal was the largest cost of a bot's view (V8's slow path).
  const c = common(ctx, seat.id, who, false, base.talks);
  const view = base as MediatorSeatView;
  view.legal = ctx.atSummit ? base.legal : legal;
  view.journal = journalFor(ctx.journal, who);
  view.seat = c.seat;
  view.ended = c.ended;
  view.waitingFor = c.waitingFor;
  view.requests = c.requests;
  view.talks = c.talks;
  view.kind = seat.kind === 'envoy' ? 'envoy' : 'mediator';
  view.envoy = seat.envoy;
  return view;
}

/** What a party's seat knows of another party. */
function otherParty(ctx: NegotiationContext, p: Party, k: PartyKnowledge | null, states: Record<string, PartyState>): OtherParty {
  const pc = partyContext(ctx, p.id)!;
  return {
    id: p.id, name: p.name, leader: p.leader, role: p.role, home: p.home, ...(p.colour ? { colour: p.colour } : {}),
    state: states[p.id]!, trust: Math.round(pc.mood.trust), patience: Math.round(pc.mood.patience),
    knowledge: k,
    knownRedLines: p.redLines.filter((l) => k?.redLines.includes(l.id)).map((l) => ({ id: l.id, reason: l.reason, when: l.when })),
  };
}

/** A party's seat: its role sheet exactly, the rest through its own knowledge. */
export function partySeatView(ctx: NegotiationContext, seat: Seat): PartySeatView {
  const id = seat.party;
  const party = ctx.scenario.parties.find((p) => p.id === id)!;
  const pc = partyContext(ctx, id)!;
  const states = partyStates(ctx);
  const knowledge = ctx.seatKnowledge[id] ?? {};
  const ev = evaluate(party, pc.mood, ctx.text, ctx.day, ctx.totalDays);
  const mine = answerView(ctx, id);
  const legal: PartySeatView['legal'] = [];
  if (seat.holder === 'person') {
    legal.push(...partyMoves(ctx, id));
    if (!ctx.outcome) legal.push({ type: 'day.end' });
  }
  const outcome = ctx.outcome;
  const ownScore = outcome?.kind === 'deal' && outcome.signers.includes(id) ? outcome.score.margins[id] ?? null : null;
  // The common part's keys written out, not spread: V8 then builds the view from one fixed shape (a spread and thirty keys after it cost several times more).
  const c = common(ctx, seat.id, id, seat.holder === 'person');
  return {
    seat: c.seat,
    ended: c.ended,
    waitingFor: c.waitingFor,
    requests: c.requests,
    talks: c.talks,
    kind: 'party',
    party: id,
    scenario: { id: ctx.scenario.id, title: ctx.scenario.title, version: ctx.scenario.version, disclaimer: ctx.scenario.disclaimer },
    start: { id: ctx.start.id, title: ctx.start.title },
    difficulty: ctx.difficulty,
    day: ctx.day,
    date: addDays(ctx.startDate, ctx.day),
    deadline: ctx.scenario.calendar.deadline,
    daysLeft: ctx.totalDays - ctx.day,
    text: ctx.text,
    version: ctx.version,
    pointsInText: Object.values(ctx.text).filter((c) => c.option !== OMIT).length,
    state: states[id]!,
    trust: Math.round(pc.mood.trust),
    patience: Math.round(pc.mood.patience),
    sheet: roleSheet(ctx, party),
    standing: { utility: round1(ev.utility), margin: round1(ev.margin), contributions: ev.contributions, redLines: ev.redLines },
    lastAnswer: mine,
    parties: ctx.scenario.parties.filter((p) => p.id !== id).map((p) => otherParty(ctx, p, knowledge[p.id] ?? null, states)),
    actionsLeft: ctx.partyActions[id] ?? 0,
    legal,
    journal: journalFor(ctx.journal, id),
    // Another party's margin in the deal would tell its walk-away: a party's seat sees its own.
    outcome: outcome?.kind === 'deal' ? { ...outcome, score: { ...outcome.score, margins: ownScore === null ? {} : { [id]: ownScore } } } : outcome,
    score: ownScore,
  };
}

/** The teacher's view: everything, including every role sheet and the requests with the machines' advice. */
export function worldView(ctx: NegotiationContext): WorldView {
  const base = playerView(ctx);
  const c = common(ctx, '@world', null, true, base.talks);
  // Keys written out, not spread (as in partySeatView), in the order the spreads gave them.
  return {
    scenario: base.scenario,
    start: base.start,
    difficulty: base.difficulty,
    day: base.day,
    date: base.date,
    deadline: base.deadline,
    daysLeft: base.daysLeft,
    capital: base.capital,
    envoys: base.envoys,
    text: base.text,
    version: base.version,
    pointsInText: base.pointsInText,
    startPoints: base.startPoints,
    history: base.history,
    parties: base.parties,
    rule: base.rule,
    summit: base.summit,
    legal: base.legal,
    talks: c.talks,
    journal: base.journal,
    outcome: base.outcome,
    seat: c.seat,
    ended: c.ended,
    waitingFor: c.waitingFor,
    requests: c.requests,
    kind: 'world',
    sheets: ctx.scenario.parties.filter((p) => p.role !== 'mediator').map((p) => roleSheet(ctx, p)),
    states: partyStates(ctx),
  };
}

