/**
 * The player's view: what a player may see, with hidden truth removed and the actions
 * available now worked out. Scenes and bots that play fair read only this.
 */
import { summitLegal, talksView, type SummitTalksView } from './summitSteps.ts';
import { OMIT } from '../scenario/omit.ts';
import { legalCommands, type Command, type EnvoyState } from './commands.ts';
import { crossesLine, objectionsOf, type Change, type Evaluation, type PointReason } from './evaluate.ts';
import type { Difficulty, PartyKnowledge } from './knowledge.ts';
import type { AnswerKind, PartyContext, PartyState } from './partyMachine.ts';
import type { Party } from '../scenario/schema.ts';
import { required, ruleOf, type Rule } from './ratification.ts';
import {
  commandState, partyStates,
  type NegotiationContext, type Notice, type Outcome, type TextVersion,
} from './negotiationMachine.ts';
import { addDays } from './calendar.ts';
import type { PlanText } from './text.ts';
import type { Statement } from './timing.ts';

export interface AnswerView {
  kind: AnswerKind;
  day: number;
  /** Whether the answer is about the text as it stands now. */
  current: boolean;
  redLines: { id: string; reason: string }[];
  /** Points the party objects to most, as it says. */
  objections: string[];
  counter: Change[] | null;
  /** A linked counter: [the change it gains on, the change it gives way on], when it offered one. */
  linked?: Change[];
  /** When the answer is to a package put to it: the package, each change's reason, and whether in public. */
  package?: { changes: Change[]; reasons: PointReason[]; public: boolean };
  /** What it said of its demand (the number that decided this answer), the text's value to it and its timing; null when it would not talk. */
  said: Statement | null;
  /** The full breakdown, shown only when the difficulty reveals everything. */
  evaluation?: Evaluation;
}

export interface PartyView {
  id: string;
  name: string;
  leader: string;
  role: 'mediator' | 'signatory' | 'consulted';
  home: string;
  colour?: string;
  state: PartyState;
  /** Mood is observable: how a party behaves shows its trust and patience. */
  trust: number;
  patience: number;
  knowledge: PartyKnowledge | null;
  knownRedLines: { id: string; reason: string; when: { point: string; option: string }[] }[];
  answer: AnswerView | null;
  /** Its answer to the last package put to it, or null. */
  packageAnswer: AnswerView | null;
  /** The package it last put forward in public, or null. */
  offer: { changes: Change[]; day: number; current: boolean } | null;
}

export interface PlayerView {
  scenario: { id: string; title: string; version: string; disclaimer: string };
  start: { id: string; title: string };
  difficulty: Difficulty;
  day: number;
  date: string;
  deadline: string;
  daysLeft: number;
  capital: number;
  envoys: EnvoyState[];
  text: PlanText;
  version: number;
  pointsInText: number;
  startPoints: number;
  history: TextVersion[];
  parties: PartyView[];
  rule: Rule;
  /**
   * The summit condition as far as the player can tell from the answers to the current text:
   * open points known (deferred, red lines crossed, changes asked for) and who has not seen it.
   */
  summit: { maxOpenPoints: number; deferred: string[]; openKnown: string[]; unseen: string[]; ready: boolean };
  legal: Command[];
  /** The summit in session (rounds, proposals, the leaders' answers and last demands), or null. */
  talks: SummitTalksView | null;
  journal: Notice[];
  outcome: Outcome | null;
}

export function answerView(ctx: NegotiationContext, id: string, record: NegotiationContext['answers'][string] | undefined = ctx.answers[id]): AnswerView | null {
  if (!record) return null;
  const { answer } = record;
  const objections = answer.kind === 'rejected'
    ? answer.objections ?? objectionsOf(answer.evaluation).map((c) => c.point)
    : [];
  return {
    kind: answer.kind,
    day: answer.day,
    current: record.version === ctx.version,
    redLines: answer.kind === 'rejected' ? answer.evaluation.redLines : [],
    objections,
    counter: answer.counter,
    ...(answer.linked ? { linked: answer.linked } : {}),
    ...(answer.package ? { package: answer.package } : {}),
    said: record.said,
    ...(ctx.difficulty === 'open' ? { evaluation: answer.evaluation } : {}),
  };
}

function summitAsKnown(ctx: NegotiationContext): PlayerView['summit'] {
  const deferred = Object.entries(ctx.text).filter(([, c]) => c.deferred).map(([p]) => p);
  const open = new Set(deferred);
  const unseen: string[] = [];
  let farApart = false;
  for (const id of required(ruleOf(ctx.scenario))) {
    if (ctx.scenario.parties.find((p) => p.id === id)?.role === 'mediator') continue;
    const record = ctx.answers[id];
    if (!record || record.version !== ctx.version) {
      unseen.push(id);
      continue;
    }
    const { answer } = record;
    if (answer.kind === 'stalled' || answer.kind === 'absent') farApart = true;
    for (const line of answer.kind === 'rejected' ? answer.evaluation.redLines : []) {
      const full = ctx.scenario.parties.find((p) => p.id === id)?.redLines.find((l) => l.id === line.id);
      for (const c of full?.when ?? []) open.add(c.point);
    }
    // A person who rejects names the points it objects to: those are open.
    for (const p of answer.kind === 'rejected' && answer.counter === null ? answer.objections ?? [] : []) open.add(p);
    if (answer.kind === 'rejected' && answer.evaluation.redLines.length === 0) {
      if (answer.counter === null && !answer.objections) farApart = true;
      for (const c of answer.counter ?? []) open.add(c.point);
    }
  }
  // Consulted parties block a deal on the points they hold: their known red lines there count too.
  for (const party of ctx.scenario.parties) {
    if (party.role !== 'consulted' || party.holds.length === 0) continue;
    const known = ctx.knowledge[party.id]?.redLines ?? [];
    for (const line of party.redLines) {
      if (!known.includes(line.id) || !line.when.some((c) => party.holds.includes(c.point))) continue;
      if (crossesLine(line, ctx.text)) for (const c of line.when) open.add(c.point);
    }
  }
  const maxOpenPoints = ctx.scenario.summit.maxOpenPoints;
  return { maxOpenPoints, deferred, openKnown: [...open], unseen, ready: !ctx.outcome && unseen.length === 0 && !farApart && open.size <= maxOpenPoints };
}

function partyView(ctx: NegotiationContext, p: Party, state: PartyState, pc: PartyContext, k: PartyKnowledge | null): PartyView {
  return {
    id: p.id,
    name: p.name,
    leader: p.leader,
    role: p.role,
    home: p.home,
    ...(p.colour ? { colour: p.colour } : {}),
    state,
    trust: Math.round(pc.mood.trust),
    patience: Math.round(pc.mood.patience),
    knowledge: k,
    knownRedLines: p.redLines.filter((l) => p.role === 'mediator' || k?.redLines.includes(l.id)).map((l) => ({ id: l.id, reason: l.reason, when: l.when })),
    answer: answerView(ctx, p.id),
    packageAnswer: answerView(ctx, p.id, ctx.packageAnswers[p.id]),
    offer: ctx.offers[p.id] ? { changes: ctx.offers[p.id]!.changes, day: ctx.offers[p.id]!.day, current: ctx.offers[p.id]!.version === ctx.version } : null,
  };
}

/**
 * What a game's views reuse while their inputs stand, kept by the game's record of party actors
 * (one per game, never replaced): each party's entry, the envoys' legal commands and the summit as
 * known. A view built after a command is the same, value for value, as one built afresh; parts
 * whose inputs did not change are the same objects as before. Views are never mutated.
 */
interface ViewMemo {
  parties: Map<string, {
    party: Party; snapshot: unknown; knowledge: PartyKnowledge | null; answer: unknown; packageAnswer: unknown; offer: unknown;
    version: number; difficulty: Difficulty; view: PartyView;
  }>;
  legal: { scenario: unknown; envoys: unknown; capital: number; granted: unknown; states: string; over: boolean; out: Command[] } | null;
  summit: { scenario: unknown; text: unknown; answers: unknown; version: number; knowledge: unknown; outcome: unknown; out: PlayerView['summit'] } | null;
}

const memos = new WeakMap<NegotiationContext['parties'], ViewMemo>();

function memoOf(ctx: NegotiationContext): ViewMemo {
  let memo = memos.get(ctx.parties);
  if (!memo) memos.set(ctx.parties, (memo = { parties: new Map(), legal: null, summit: null }));
  return memo;
}

/** The envoys' legal commands: they read the envoys, capital, incentives granted and the parties' states (never the text). */
function legalOf(ctx: NegotiationContext, states: Record<string, PartyState>, memo: ViewMemo): Command[] {
  const key = Object.values(states).join(' ');
  const over = ctx.outcome !== null;
  const had = memo.legal;
  if (had && had.scenario === ctx.scenario && had.envoys === ctx.envoys && had.capital === ctx.capital && had.granted === ctx.granted && had.states === key && had.over === over) return had.out;
  const out = legalCommands(commandState(ctx, states));
  memo.legal = { scenario: ctx.scenario, envoys: ctx.envoys, capital: ctx.capital, granted: ctx.granted, states: key, over, out };
  return out;
}

function summitOf(ctx: NegotiationContext, memo: ViewMemo): PlayerView['summit'] {
  const had = memo.summit;
  if (had && had.scenario === ctx.scenario && had.text === ctx.text && had.answers === ctx.answers && had.version === ctx.version && had.knowledge === ctx.knowledge && had.outcome === ctx.outcome) return had.out;
  const out = summitAsKnown(ctx);
  memo.summit = { scenario: ctx.scenario, text: ctx.text, answers: ctx.answers, version: ctx.version, knowledge: ctx.knowledge, outcome: ctx.outcome, out };
  return out;
}

/** Build the player's view from the machine's context. */
export function playerView(ctx: NegotiationContext): PlayerView {
  const states = partyStates(ctx);
  const startPoints = Object.values(ctx.start.text).filter((o) => o !== OMIT).length;
  const memo = memoOf(ctx);
  const parties: PartyView[] = ctx.scenario.parties.map((p) => {
    const snapshot = ctx.parties[p.id]!.getSnapshot();
    const k = ctx.knowledge[p.id] ?? null;
    const had = memo.parties.get(p.id);
    if (had && had.party === p && had.snapshot === snapshot && had.knowledge === k && had.answer === ctx.answers[p.id]
      && had.packageAnswer === ctx.packageAnswers[p.id] && had.offer === ctx.offers[p.id] && had.version === ctx.version && had.difficulty === ctx.difficulty) return had.view;
    const view = partyView(ctx, p, states[p.id]!, snapshot.context, k);
    memo.parties.set(p.id, { party: p, snapshot, knowledge: k, answer: ctx.answers[p.id], packageAnswer: ctx.packageAnswers[p.id], offer: ctx.offers[p.id], version: ctx.version, difficulty: ctx.difficulty, view });
    return view;
  });
  return {
    scenario: { id: ctx.scenario.id, title: ctx.scenario.title, version: ctx.scenario.version, disclaimer: ctx.scenario.disclaimer },
    start: { id: ctx.start.id, title: ctx.start.title },
    difficulty: ctx.difficulty,
    day: ctx.day,
    date: addDays(ctx.startDate, ctx.day),
    deadline: ctx.scenario.calendar.deadline,
    daysLeft: ctx.totalDays - ctx.day,
    capital: Math.round(ctx.capital * 100) / 100,
    envoys: Object.values(ctx.envoys),
    text: ctx.text,
    version: ctx.version,
    pointsInText: Object.values(ctx.text).filter((c) => c.option !== OMIT).length,
    startPoints,
    history: ctx.history,
    parties,
    rule: ruleOf(ctx.scenario),
    summit: summitOf(ctx, memo),
    legal: ctx.atSummit ? summitLegal(ctx) : legalOf(ctx, states, memo),
    talks: talksView(ctx),
    journal: ctx.journal,
    outcome: ctx.outcome,
  };
}
