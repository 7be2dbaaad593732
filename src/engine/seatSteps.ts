/**
 * Seats in the negotiation: requests to parties held by people wait for their answers
 * (meet, table, press, offer, and signatures at a summit); an unanswered request is answered
 * by the party's machine when the day ends. Pure steps over the negotiation context; the
 * negotiation machine applies them.
 */
import { PRESS_AMOUNT, type Reply } from './commands.ts';
import { counterProposal, evaluate, linkedPackage, objectionsOf, packageReasons, withChanges, type Change } from './evaluate.ts';
import { packageAnsweredStep, partyProposeStep } from './packageSteps.ts';
import { hiddenRedLine, revealPoint, revealRedLine, revealReservation, revealWidth, topicOfMeeting } from './knowledge.ts';
import {
  answerPatch, mediatorOf, notice, partyContext, partyName, partyState, pointTitle,
  type NegotiationContext, type SeatEvent,
} from './negotiationMachine.ts';
import type { Command } from './commands.ts';
import { PARTY_RULES, type Answer, type PartyEvent } from './partyMachine.ts';
import { partyMove } from './partyMoves.ts';
import { RngCursor } from './rng.ts';
import { chain, step, noStep, type Step } from './steps.ts';
import type { PlanText } from './text.ts';
import { worldMove } from './worldMoves.ts';
import { leaderAnsweredStep, leaderMachineAnswer, personLeaderAnswer } from './summitSteps.ts';

export { applyStep } from './steps.ts';
export { validateSeatEvent } from './seatRules.ts';

export type RequestKind = 'meet' | 'table' | 'press' | 'offer' | 'sign';

/** Something the mediator (or the summit) asked of a party a person holds, waiting for its answer. */
export interface PartyRequest {
  id: number;
  party: string;
  kind: RequestKind;
  day: number;
  envoy: string | null;
  /** The text put to the party (table, sign) and its version. */
  text: PlanText | null;
  version: number;
  incentive: string | null;
  /** A package put to the party (`text` is the current text with it), and whether in public. */
  package?: { changes: Change[]; public: boolean };
}

/** A reply as the machine would give it, with the answer it records for a table. */
export interface MachineReply {
  reply: Reply;
  points?: string[];
  changes?: Change[];
  answer?: Answer;
}

export function isHeld(ctx: NegotiationContext, id: string): boolean {
  return ctx.held.includes(id);
}

const privately = (ctx: NegotiationContext, party: string) => [mediatorOf(ctx), party];

// ---- what meetings, pressure and incentives do (for machines at once, for people once accepted) ----

/** A meeting held: what the envoy learns, and the party warms up (or comes back). */
export function meetEffects(ctx: NegotiationContext, envoyId: string, partyId: string): Step {
  const pc = partyContext(ctx, partyId)!;
  const rng = new RngCursor(ctx.rng);
  let knowledge = ctx.knowledge;
  const pk = knowledge[partyId];
  const width = revealWidth(pc.mood.trust, ctx.difficulty);
  const learned: string[] = [];
  if (pk) {
    const topic = topicOfMeeting(pk, pc.party);
    if (topic) {
      knowledge = revealPoint(knowledge, ctx.scenario, pc.party, topic, width, rng);
      learned.push(`what matters to it on “${pointTitle(ctx, topic)}”`);
    }
    if (pc.mood.trust >= 55) {
      const line = hiddenRedLine(knowledge[partyId]!, pc.party);
      if (line) {
        knowledge = revealRedLine(knowledge, partyId, line);
        learned.push('a red line it had not stated');
      }
    }
    knowledge = revealReservation(knowledge, pc.party, width * 1.5, rng);
  }
  const envoy = ctx.envoys[envoyId]!;
  const text = `${envoy.name} met ${pc.party.name}${learned.length > 0 ? ` and learned ${learned.join(' and ')}` : ''}.`;
  return step(
    { rng: rng.state, knowledge, journal: [...ctx.journal, notice(ctx, 'meeting.held', text, { party: partyId, envoy: envoyId, to: privately(ctx, partyId) })] },
    [[partyId, { type: 'party.met', day: ctx.day }]],
  );
}

export function pressEffects(ctx: NegotiationContext, envoyId: string, partyId: string, amount: number): Step {
  const envoy = ctx.envoys[envoyId]!;
  return step(
    { journal: [...ctx.journal, notice(ctx, 'pressure.applied', `${envoy.name} pressed ${partyName(ctx, partyId)} to move.`, { party: partyId, envoy: envoyId, to: privately(ctx, partyId) })] },
    [[partyId, { type: 'party.pressed', amount }]],
  );
}

export function offerEffects(ctx: NegotiationContext, envoyId: string, incentiveId: string): Step {
  const incentive = ctx.scenario.incentives.find((i) => i.id === incentiveId)!;
  const envoy = ctx.envoys[envoyId]!;
  const objections = incentive.objections.map((o) => `${partyName(ctx, o.party)} objects`).join('; ');
  const text = `${envoy.name} offered ${incentive.label} to ${partyName(ctx, incentive.to)}.${objections ? ` ${objections}.` : ''}`;
  return step(
    { journal: [...ctx.journal, notice(ctx, 'incentive.granted', text, { party: incentive.to, envoy: envoyId })] },
    [
      [incentive.to, { type: 'incentive.granted', value: incentive.value }],
      ...incentive.objections.map((o): [string, PartyEvent] => [o.party, { type: 'trust.changed', delta: o.trust }]),
    ],
  );
}

// ---- requests ------------------------------------------------------------------------------

const ASKS: Record<Exclude<RequestKind, 'sign'>, string> = {
  meet: 'asked to meet',
  table: 'tabled the text with',
  press: 'pressed',
  offer: 'made an offer to',
};

/** The mediator acts toward a party a person holds: costs are paid now; the effect waits for the answer. */
function requestStep(ctx: NegotiationContext, e: Extract<Command, { type: 'envoy.meet' | 'envoy.table' | 'envoy.press' | 'envoy.offer' | 'envoy.propose' }>): Step {
  const costs = ctx.scenario.mediator.costs;
  const incentive = e.type === 'envoy.offer' ? ctx.scenario.incentives.find((i) => i.id === e.incentive)! : null;
  const party = incentive ? incentive.to : (e as { party: string }).party;
  const kind = e.type === 'envoy.propose' ? 'table' : e.type.slice('envoy.'.length) as Exclude<RequestKind, 'sign'>;
  const cost = incentive ? incentive.cost : costs[kind as 'meet' | 'table' | 'press'];
  const envoy = ctx.envoys[e.envoy]!;
  const pkg = e.type === 'envoy.propose' ? { changes: e.changes, public: e.public === true } : undefined;
  const request: PartyRequest = {
    id: ctx.nextRequest, party, kind, day: ctx.day, envoy: e.envoy,
    text: kind === 'table' ? (pkg ? withChanges(ctx.text, pkg.changes) : ctx.text) : null, version: ctx.version, incentive: incentive?.id ?? null,
    ...(pkg ? { package: pkg } : {}),
  };
  // A newer tabling replaces one not yet answered.
  const requests = ctx.requests.filter((r) => !(kind === 'table' && r.kind === 'table' && r.party === party));
  return step({
    capital: ctx.capital - cost,
    granted: incentive ? [...ctx.granted, incentive.id] : ctx.granted,
    envoys: { ...ctx.envoys, [e.envoy]: { ...envoy, actionsLeft: envoy.actionsLeft - 1 } },
    requests: [...requests, request],
    nextRequest: ctx.nextRequest + 1,
    journal: [...ctx.journal, notice(ctx, 'request.sent', `${envoy.name} ${pkg ? 'put a package to' : ASKS[kind]} ${partyName(ctx, party)}${incentive ? ` (${incentive.label})` : ''}; ${partyName(ctx, party)} will answer.`, { party, envoy: e.envoy, to: privately(ctx, party) })],
  });
}

/** The machine's answer to a tabled text, as the party machine gives it. Pure. */
export function machineAnswer(ctx: NegotiationContext, partyId: string, text: PlanText): Answer {
  const pc = partyContext(ctx, partyId)!;
  const state = partyState(ctx, partyId);
  const evaluation = evaluate(pc.party, pc.mood, text, ctx.day, ctx.totalDays);
  const base = { party: partyId, day: ctx.day, evaluation };
  if (state === 'walkedOut' || state === 'withdrawn' || state === 'signed') return { ...base, kind: 'absent', counter: null };
  if (state !== 'close' && pc.mood.trust < PARTY_RULES.stallTrust) return { ...base, kind: 'stalled', counter: null };
  if (evaluation.acceptable) return { ...base, kind: 'accepted', counter: [] };
  if (state === 'guarded') return { ...base, kind: 'rejected', counter: null };
  const counter = counterProposal(pc.party, pc.mood, text, ctx.scenario.points, ctx.day, ctx.totalDays);
  const rivals = ctx.scenario.parties.filter((p) => p.role === 'signatory' && p.id !== partyId);
  const linked = linkedPackage(pc.party, evaluation.threshold, text, ctx.scenario.points, rivals, counter);
  return { ...base, kind: 'rejected', counter, ...(linked ? { linked } : {}) };
}

/** The mediator puts a package to a party its machine plays: the machine answers it as a whole, now. */
export function proposeStep(ctx: NegotiationContext, e: Extract<Command, { type: 'envoy.propose' }>): Step {
  const pc = partyContext(ctx, e.party)!;
  const proposed = withChanges(ctx.text, e.changes);
  const answer: Answer = {
    ...machineAnswer(ctx, e.party, proposed),
    package: { changes: e.changes, reasons: packageReasons(pc.party, ctx.text, e.changes), public: e.public === true },
  };
  return packageAnsweredStep(ctx, answer, ctx.version, proposed);
}

/** What the party's machine would reply to a request now: the advice shown to its person. Pure. */
export function machineReply(ctx: NegotiationContext, r: PartyRequest): MachineReply {
  if (r.kind === 'table') {
    const answer = machineAnswer(ctx, r.party, r.text!);
    if (answer.kind === 'accepted') return { reply: 'accept', answer };
    if (answer.counter && answer.counter.length > 0) return { reply: 'counter', changes: answer.counter, answer };
    const lines = ctx.scenario.parties.find((p) => p.id === r.party)?.redLines.filter((l) => answer.evaluation.redLines.some((x) => x.id === l.id)) ?? [];
    const points = [...new Set([...lines.flatMap((l) => l.when.map((c) => c.point)), ...objectionsOf(answer.evaluation).map((c) => c.point)])];
    return { reply: 'reject', points, answer };
  }
  if (r.kind === 'sign') {
    if (!ctx.atSummit) return { reply: 'decline' };
    const a = leaderMachineAnswer(ctx, r.party, r.text!);
    return a.reply === 'accept' ? { reply: 'accept' } : a.reply === 'demand' ? { reply: 'counter', changes: a.demand } : { reply: 'decline' };
  }
  return { reply: 'accept' };
}

/** A person's reply to a tabled text as the answer it records. */
function personAnswer(ctx: NegotiationContext, r: PartyRequest, reply: Reply, points: string[], changes: Change[]): Answer {
  const pc = partyContext(ctx, r.party)!;
  const evaluation = evaluate(pc.party, pc.mood, r.text!, ctx.day, ctx.totalDays);
  const base = { party: r.party, day: ctx.day, evaluation, by: 'person' as const };
  if (reply === 'accept') return { ...base, kind: 'accepted', counter: [] };
  if (reply === 'counter') return { ...base, kind: 'rejected', counter: changes, objections: changes.map((c) => c.point) };
  return { ...base, kind: 'rejected', counter: null, objections: points };
}

function without(ctx: NegotiationContext, id: number): Partial<NegotiationContext> {
  return { requests: ctx.requests.filter((r) => r.id !== id) };
}

/** Answer a request, by its person or (at the end of the day) by its machine. */
export function answerStep(ctx: NegotiationContext, id: number, reply: Reply, points: string[], changes: Change[], by: 'person' | 'machine'): Step {
  const r = ctx.requests.find((x) => x.id === id);
  if (!r) return noStep;
  const name = partyName(ctx, r.party);
  const say = (c: NegotiationContext, kind: string, text: string, to: string[] | undefined = privately(c, r.party)) =>
    step({ journal: [...c.journal, notice(c, kind, text, { party: r.party, ...(to ? { to } : {}) })] });
  const lapsed = (c: NegotiationContext) =>
    by === 'machine' ? say(c, 'request.lapsed', `The day ended before ${name} answered; its government answered for it.`) : noStep;
  const drop = (c: NegotiationContext) => step(without(c, id));
  switch (r.kind) {
    case 'table': {
      const given = by === 'machine' ? { ...machineAnswer(ctx, r.party, r.text!), by } : personAnswer(ctx, r, reply, points, changes);
      if (r.package) {
        const pc = partyContext(ctx, r.party)!;
        const before = ctx.history.find((h) => h.version === r.version)?.text ?? ctx.text;
        const answer: Answer = { ...given, package: { ...r.package, reasons: packageReasons(pc.party, before, r.package.changes) } };
        return chain(ctx, lapsed, drop, (c) => packageAnsweredStep(c, answer, r.version, r.text!));
      }
      const answer = given;
      return chain(ctx, lapsed, drop, (c) => step(answerPatch(c, answer, r.version, r.text!), [[r.party, { type: 'answer.given', kind: answer.kind, day: c.day }]]));
    }
    case 'meet':
      return chain(ctx, lapsed, drop, (c) => (reply === 'accept' ? meetEffects(c, r.envoy!, r.party) : say(c, 'meeting.declined', `${name} declined to meet ${c.envoys[r.envoy!]?.name ?? 'the envoy'}.`)));
    case 'press':
      return chain(ctx, lapsed, drop, (c) => (reply === 'accept' ? pressEffects(c, r.envoy!, r.party, PRESS_AMOUNT) : say(c, 'pressure.resisted', `${name} resisted the pressure.`)));
    case 'offer':
      return chain(ctx, lapsed, drop, (c) => {
        if (reply === 'accept') return offerEffects(c, r.envoy!, r.incentive!);
        const incentive = c.scenario.incentives.find((i) => i.id === r.incentive)!;
        return chain(c, (d) => step({ capital: d.capital + incentive.cost, granted: d.granted.filter((g) => g !== incentive.id) }), (d) => say(d, 'incentive.declined', `${name} declined ${incentive.label}.`, undefined));
      });
    case 'sign':
      return chain(ctx, lapsed, drop, (c) => {
        // The machine answers for its leader as it would at the table (its demand, or walking out).
        const answer = by === 'machine' && c.atSummit ? leaderMachineAnswer(c, r.party, r.text!) : personLeaderAnswer(c, r.party, reply === 'reject' ? 'decline' : reply, changes);
        return leaderAnsweredStep(c, r.party, answer);
      });
  }
}

// ---- days ------------------------------------------------------------------------------------

/** The day closes: every request still waiting is answered by its party's machine, in order. */
export function closeDayStep(ctx: NegotiationContext): Step {
  return chain(ctx, ...ctx.requests.map((r) => (c: NegotiationContext) => {
    const advice = machineReply(c, r);
    return answerStep(c, r.id, advice.reply, advice.points ?? [], advice.changes ?? [], 'machine');
  }));
}

/** Route a seat's command (already checked) to its step. */
export function seatStep(ctx: NegotiationContext, event: SeatEvent | (Command & { seat?: string })): Step {
  switch (event.type) {
    case 'envoy.meet':
    case 'envoy.table':
    case 'envoy.press':
    case 'envoy.offer':
    case 'envoy.propose':
      return requestStep(ctx, event);
    case 'day.end':
      return event.seat ? step({ ended: [...ctx.ended, event.seat] }) : noStep;
    case 'party.answer':
      return answerStep(ctx, event.request, event.reply, event.points ?? [], event.changes ?? [], 'person');
    case 'party.signal':
    case 'party.consult':
      return partyMove(ctx, event);
    case 'party.propose':
      return partyProposeStep(ctx, event.party, event.changes);
    case 'world.event':
    case 'world.news':
    case 'world.redLine':
    case 'world.mood':
      return worldMove(ctx, event);
    default:
      return noStep;
  }
}
