/**
 * The played summit: once the leaders agree to meet, the open and deferred points are settled in
 * rounds at the table. Each round the mediator proposes options on the open points (a package:
 * trades across them) or takes up a leader's last demand; every leader answers with reasons —
 * signs, makes its last demand ("we sign if point X moves to Y"), refuses, or walks out. The
 * summit ends with a signed accord, a walk-out of a party the deal needs, the last round spent,
 * or the mediator closing it. Leaders held by people answer through `sign` requests. Pure steps
 * over the negotiation context; the negotiation machine applies them.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Command } from './commands.ts';
import { crossedRedLines, type Change } from './evaluate.ts';
import { revealRedLine } from './knowledge.ts';
import {
  absentParties, judgeNow, names, newVersion, notice, openPointsNow, partyName, pointTitle, optionLabel,
  type NegotiationContext, type Outcome,
} from './negotiationMachine.ts';
import type { PartyEvent } from './partyMachine.ts';
import { passes, required, ruleOf } from './ratification.ts';
import { scoreDeal } from './score.ts';
import { chain, noStep, step, type Step } from './steps.ts';
import { demandWords, holders, machineLeaderAnswer, preferredOption, type LeaderAnswer } from './summit.ts';
import { pointsInText, type PlanText } from './text.ts';

/** Rounds the leaders give the mediator when the scenario does not say. */
export const DEFAULT_SUMMIT_ROUNDS = 4;

export interface SummitRound {
  round: number;
  /** The options proposed on the open points. */
  proposal: Change[];
  /** The leader whose last demand this round took up, or null for the mediator's own proposal. */
  demandOf: string | null;
  answers: LeaderAnswer[];
}

/** A summit in session. */
export interface SummitSession {
  day: number;
  /** Points the leaders settle here (deferred, or still open when they met). */
  open: string[];
  /** Leaders at the table: the signatories present, and consulted parties that hold points. */
  leaders: string[];
  /** Each leader's preferred option on each open point it weighs, as it states it on arrival. */
  preferred: Record<string, Record<string, string>>;
  /** The text on the table (open points undeferred). */
  proposal: PlanText;
  /** Whether the mediator has proposed yet. */
  proposed: boolean;
  round: number;
  rounds: number;
  /** Answers to the latest proposal. */
  answers: LeaderAnswer[];
  /** Leaders held by people who have not answered the latest proposal. */
  waiting: string[];
  /** Each leader's value of the last proposal it refused (the truth; never in a view). */
  refused: Record<string, number>;
  demands: { party: string; changes: Change[]; round: number; accepted: boolean }[];
  walkedOut: string[];
  history: SummitRound[];
  /** The leader whose demand the latest proposal took up. */
  takenUp: string | null;
}

/** Who gave what at the summit, per point: for the outcome and the debrief. */
export interface SummitRecord {
  rounds: number;
  points: { point: string; option: string; preferredBy: string[]; conceded: { party: string; preferred: string }[] }[];
  demands: { party: string; changes: Change[]; accepted: boolean }[];
  walkedOut: string[];
}

/** The leaders meet: the session opens on the points still open. */
export function openSummitStep(ctx: NegotiationContext): Step {
  const open = openPointsNow(ctx).points;
  const absent = absentParties(ctx);
  const leaders = [...new Set([...ruleOf(ctx.scenario).signatories, ...holders(ctx.scenario)])].filter((id) => !absent.has(id));
  const preferred: SummitSession['preferred'] = {};
  for (const id of open) {
    const point = ctx.scenario.points.find((p) => p.id === id)!;
    preferred[id] = {};
    for (const leader of leaders) {
      const party = ctx.scenario.parties.find((p) => p.id === leader)!;
      const best = preferredOption(party, point);
      if (best !== null) preferred[id]![leader] = best;
    }
  }
  const proposal: Record<string, PlanText[string]> = {};
  for (const [p, c] of Object.entries(ctx.text)) proposal[p] = { option: c.option, deferred: false };
  const rounds = ctx.scenario.summit.rounds ?? DEFAULT_SUMMIT_ROUNDS;
  const venue = ctx.scenario.venues.find((v) => v.id === ctx.scenario.summit.venue)?.name;
  const what = open.length > 0 ? `to settle ${open.map((p) => `“${pointTitle(ctx, p)}”`).join(', ')}` : 'to sign the text as it stands';
  const stated = open.flatMap((p) => Object.entries(preferred[p] ?? {}).map(([leader, option]) => `${partyName(ctx, leader)} wants “${pointTitle(ctx, p)}” ${optionLabel(ctx, p, option) === 'dropped' ? 'dropped' : `to read ‘${optionLabel(ctx, p, option)}’`}`));
  const session: SummitSession = {
    day: ctx.day, open, leaders, preferred, proposal, proposed: false, round: 0, rounds,
    answers: [], waiting: [], refused: {}, demands: [], walkedOut: [], history: [], takenUp: null,
  };
  return step({
    capital: ctx.capital - ctx.scenario.mediator.costs.summit,
    summits: ctx.summits + 1,
    atSummit: session,
    journal: [
      ...ctx.journal,
      notice(ctx, 'summit.opened', `The leaders met${venue ? ` in ${venue}` : ''} ${what}: ${rounds} round${rounds > 1 ? 's' : ''} at most.${stated.length > 0 ? ` ${stated.join('; ')}.` : ''}`),
    ],
  });
}

/** Why a summit command is refused now, or null. Pure. */
export function summitRefusalOf(ctx: NegotiationContext, c: Extract<Command, { type: 'summit.propose' | 'summit.acceptDemand' | 'summit.close' }>): string | null {
  const s = ctx.atSummit;
  if (!s) return 'the leaders are not meeting; call a summit first';
  if (c.type === 'summit.close') return null;
  if (s.waiting.length > 0) return `the leaders are still answering (${names(ctx, s.waiting)})`;
  if (c.type === 'summit.acceptDemand') {
    const a = s.answers.find((x) => x.party === c.party && x.reply === 'demand');
    return a ? null : `${partyName(ctx, c.party)} has no demand on the table`;
  }
  if (!Array.isArray(c.changes)) return 'a proposal lists options on the open points';
  const seen = new Set<string>();
  for (const ch of c.changes) {
    const point = ctx.scenario.points.find((p) => p.id === ch.point);
    if (!point) return `there is no point "${ch.point}"`;
    if (!s.open.includes(ch.point)) return `“${point.title}” is not open at the summit; the leaders settle ${s.open.length > 0 ? s.open.map((p) => `“${pointTitle(ctx, p)}”`).join(', ') : 'no open point'}`;
    if (seen.has(ch.point)) return `the proposal changes “${point.title}” twice`;
    seen.add(ch.point);
    if (ch.option === OMIT ? !point.omittable : !point.options.some((o) => o.id === ch.option)) return `“${point.title}” has no option "${ch.option}"`;
  }
  if (s.proposed && c.changes.every((ch) => s.proposal[ch.point]?.option === ch.option)) return 'that is the proposal already on the table; change an open point, take up a demand or close the summit';
  return null;
}

/** The summit commands the mediator may send now (a proposal of the table's text as it stands, demands to take up, closing). */
export function summitLegal(ctx: NegotiationContext): Command[] {
  const s = ctx.atSummit;
  if (!s || ctx.outcome) return [];
  const out: Command[] = [];
  const ok = (c: Extract<Command, { type: 'summit.propose' | 'summit.acceptDemand' | 'summit.close' }>) => summitRefusalOf(ctx, c) === null && out.push(c);
  ok({ type: 'summit.propose', changes: [] });
  for (const a of s.answers) ok({ type: 'summit.acceptDemand', party: a.party });
  ok({ type: 'summit.close' });
  out.push({ type: 'day.end' });
  return out;
}

/** The options of the open points in a text. */
function onOpen(s: SummitSession, text: PlanText): Change[] {
  return s.open.map((point) => ({ point, option: text[point]!.option }));
}

/** A leader's machine answer to the proposal on the table. */
export function leaderMachineAnswer(ctx: NegotiationContext, party: string, text: PlanText): LeaderAnswer {
  const s = ctx.atSummit!;
  return machineLeaderAnswer(
    {
      scenario: ctx.scenario,
      party: ctx.scenario.parties.find((p) => p.id === party)!,
      judge: (t) => judgeNow(ctx, party, t),
      leaderFlex: ctx.scenario.summit.leaderFlex,
      open: s.open,
      demanded: s.demands.some((d) => d.party === party),
      lastRefused: s.refused[party] ?? null,
    },
    text,
  );
}

/** The mediator puts a proposal to the leaders (its own package, or a leader's last demand taken up). */
export function proposeStep(ctx: NegotiationContext, changes: readonly Change[], demandOf: string | null): Step {
  const s = ctx.atSummit!;
  const proposal: Record<string, PlanText[string]> = { ...s.proposal };
  for (const c of changes) proposal[c.point] = { option: c.option, deferred: false };
  const round = s.round + 1;
  // A leader whose party walked out of the talks while the summit lasted (its patience ran out at a day's end) is not at the table.
  const absent = absentParties(ctx);
  const present = s.leaders.filter((id) => !s.walkedOut.includes(id) && !absent.has(id));
  const people = present.filter((id) => ctx.held.includes(id));
  const demands = demandOf ? s.demands.map((d) => (d.party === demandOf && d.round === s.round ? { ...d, accepted: true } : d)) : s.demands;
  const next: SummitSession = { ...s, proposal, proposed: true, round, answers: [], waiting: people, demands, takenUp: demandOf };
  const session = { ...ctx, atSummit: next };
  const machines = present.filter((id) => !ctx.held.includes(id)).map((id) => leaderMachineAnswer(session, id, proposal));
  const requests = people.map((party, i) => ({
    id: ctx.nextRequest + i, party, kind: 'sign' as const, day: ctx.day, envoy: null, text: proposal, version: ctx.version, incentive: null,
  }));
  const options = onOpen(next, proposal).map((c) => `“${pointTitle(ctx, c.point)}”: ${optionLabel(ctx, c.point, c.option)}`).join('; ');
  const said = demandOf
    ? `Round ${round} of ${s.rounds}: the mediator takes up ${partyName(ctx, demandOf)}'s demand${options ? ` (${options})` : ''}.`
    : `Round ${round} of ${s.rounds}: the mediator proposes ${options || 'the text as it stands'}.`;
  const opened = step({
    ...spoken(ctx, machines),
    atSummit: { ...next, answers: machines },
    requests: [...ctx.requests.filter((r) => r.kind !== 'sign'), ...requests],
    nextRequest: ctx.nextRequest + requests.length,
    journal: [...ctx.journal, notice(ctx, 'summit.proposed', said)],
  });
  return chain(ctx, () => opened, (c) => (c.atSummit!.waiting.length === 0 ? resolveRoundStep(c) : noStep));
}

/** Red lines leaders cite at the table become known to every seat. */
function spoken(ctx: NegotiationContext, answers: readonly LeaderAnswer[]): Pick<NegotiationContext, 'knowledge' | 'seatKnowledge'> {
  let knowledge = ctx.knowledge;
  const seatKnowledge = { ...ctx.seatKnowledge };
  for (const a of answers) {
    for (const line of a.redLines) {
      knowledge = revealRedLine(knowledge, a.party, line);
      for (const [seat, k] of Object.entries(seatKnowledge)) if (seat !== a.party) seatKnowledge[seat] = revealRedLine(k, a.party, line);
    }
  }
  return { knowledge, seatKnowledge };
}

/** A leader held by a person answers the proposal (or its machine does, when the day ends first). */
export function leaderAnsweredStep(ctx: NegotiationContext, party: string, answer: LeaderAnswer): Step {
  const s = ctx.atSummit;
  if (!s || !s.waiting.includes(party)) return noStep;
  const next = { ...s, answers: [...s.answers, answer], waiting: s.waiting.filter((w) => w !== party) };
  return chain(ctx, () => step({ ...spoken(ctx, [answer]), atSummit: next }), (c) => (next.waiting.length === 0 ? resolveRoundStep(c) : noStep));
}

/** A person's reply to a `sign` request as a leader's answer. */
export function personLeaderAnswer(ctx: NegotiationContext, party: string, reply: 'accept' | 'decline' | 'counter', changes: Change[]): LeaderAnswer {
  if (reply === 'accept') return { party, reply: 'accept', demand: [], reasons: ['Its leader will sign.'], by: 'person', redLines: [] };
  if (reply === 'counter' && changes.length > 0) return { party, reply: 'demand', demand: changes, reasons: [`It signs if ${demandWords(ctx.scenario, changes)}.`], by: 'person', redLines: [] };
  return { party, reply: 'reject', demand: [], reasons: ['Its leader will not sign this text.'], by: 'person', redLines: [] };
}

function answerWords(ctx: NegotiationContext, a: LeaderAnswer): string {
  const name = partyName(ctx, a.party);
  const why = a.reasons.join(' ');
  switch (a.reply) {
    case 'accept':
      return `${name} will sign. ${why}`;
    case 'demand':
      return `${name}'s last demand: it signs if ${demandWords(ctx.scenario, a.demand)}. ${a.reasons.filter((r) => !r.startsWith('It signs if')).join(' ')}`.trim();
    case 'reject':
      return `${name} will not sign. ${why}`;
    case 'walkout':
      return `${name} walked out of the summit. ${why}`;
  }
}

/** Every leader has answered: sign, fail, or go on to the next round. */
function resolveRoundStep(ctx: NegotiationContext): Step {
  const s = ctx.atSummit!;
  const rule = ruleOf(ctx.scenario);
  const refused = { ...s.refused };
  const walkedOut = [...s.walkedOut];
  for (const id of absentParties(ctx)) if (s.leaders.includes(id) && !walkedOut.includes(id)) walkedOut.push(id);
  const demands = [...s.demands];
  for (const a of s.answers) {
    if (a.reply !== 'accept') refused[a.party] = judgeNow(ctx, a.party, s.proposal).utility;
    if (a.reply === 'walkout') walkedOut.push(a.party);
    if (a.reply === 'demand') demands.push({ party: a.party, changes: a.demand, round: s.round, accepted: false });
  }
  const history = [...s.history, { round: s.round, proposal: onOpen(s, s.proposal), demandOf: s.takenUp, answers: s.answers }];
  const session: SummitSession = { ...s, refused, walkedOut, demands, history };
  const journal = [...ctx.journal, ...s.answers.map((a) => notice(ctx, `summit.${a.reply}`, answerWords(ctx, a), { party: a.party }))];
  const after = { ...ctx, atSummit: session, journal };
  // Only what clears each signer's own red lines is signed, whoever answered for it.
  const accepting = new Set(
    s.answers
      .filter((a) => a.reply === 'accept' && rule.signatories.includes(a.party))
      .filter((a) => crossedRedLines(ctx.scenario.parties.find((p) => p.id === a.party)!, s.proposal).length === 0)
      .map((a) => a.party),
  );
  const holderIds = holders(ctx.scenario);
  const blocked = s.answers.some((a) => holderIds.includes(a.party) && !rule.signatories.includes(a.party) && a.reply !== 'accept');
  if (passes(rule, accepting) && !blocked) return signStep(after, [...accepting]);
  const gone = walkedOut.filter((id) => required(rule).includes(id));
  if (gone.length > 0) return failStep(after, `${names(ctx, gone)} walked out`);
  if (!passes(rule, new Set(rule.signatories.filter((id) => !walkedOut.includes(id))))) return failStep(after, `too few leaders are left at the table`);
  if (s.round >= s.rounds) return failStep(after, `${s.rounds} round${s.rounds > 1 ? 's' : ''} passed without a text every leader signs`);
  return step({ atSummit: session, journal });
}

/** The accord is signed at the summit: the outcome says who gave what on each point. */
function signStep(ctx: NegotiationContext, signers: string[]): Step {
  const s = ctx.atSummit!;
  const text = s.proposal;
  const record: SummitRecord = {
    rounds: s.round,
    points: s.open.map((point) => {
      const option = text[point]!.option;
      const prefs = Object.entries(s.preferred[point] ?? {});
      return {
        point,
        option,
        preferredBy: prefs.filter(([, o]) => o === option).map(([p]) => p),
        conceded: prefs.filter(([, o]) => o !== option).map(([party, preferred]) => ({ party, preferred })),
      };
    }),
    demands: s.demands.map((d) => ({ party: d.party, changes: d.changes, accepted: d.accepted })),
    walkedOut: s.walkedOut,
  };
  const score = scoreDeal(ctx.scenario, text, signers, ctx.day + 1);
  const outcome: Outcome = { kind: 'deal', day: ctx.day, text, signers, score, summit: record };
  const gave = record.points.map((p) => {
    const took = p.preferredBy.length > 0 ? `${names(ctx, p.preferredBy)}'s wish` : 'no leader’s first wish';
    return `“${pointTitle(ctx, p.point)}” reads ${optionLabel(ctx, p.point, p.option)} (${took}${p.conceded.length > 0 ? `; ${names(ctx, p.conceded.map((c) => c.party))} gave way` : ''})`;
  });
  return step(
    {
      atSummit: null,
      requests: ctx.requests.filter((r) => r.kind !== 'sign'),
      ...newVersion(ctx, text, 'summit'),
      outcome,
      journal: [...ctx.journal, notice(ctx, 'deal.signed', `The leaders signed the accord in round ${s.round}: ${pointsInText(text)} points, signed by ${names(ctx, signers)}.${gave.length > 0 ? ` ${gave.join('; ')}.` : ''}`)],
    },
    signers.map((id): [string, PartyEvent] => [id, { type: 'deal.signed', text, leaderFlex: ctx.scenario.summit.leaderFlex, byPerson: ctx.held.includes(id) }]),
  );
}

/** The summit ends without an accord: it costs capital and bruises every party. */
function failStep(ctx: NegotiationContext, why: string): Step {
  const live = Object.keys(ctx.parties).filter((id) => ctx.parties[id]!.getSnapshot().status === 'active');
  return step(
    {
      atSummit: null,
      requests: ctx.requests.filter((r) => r.kind !== 'sign'),
      capital: Math.max(0, ctx.capital - ctx.scenario.mediator.costs.failedSummit),
      journal: [...ctx.journal, notice(ctx, 'summit.failed', `The summit ended without an accord: ${why}.`)],
    },
    live.map((id): [string, PartyEvent] => [id, { type: 'summit.failed' }]),
  );
}

/** The mediator closes the summit without an accord. */
export function closeSummitStep(ctx: NegotiationContext): Step {
  return failStep(ctx, 'the mediator closed it');
}

/** Route a summit command (already checked). */
export function summitStep(ctx: NegotiationContext, c: Extract<Command, { type: 'summit.propose' | 'summit.acceptDemand' | 'summit.close' }>): Step {
  switch (c.type) {
    case 'summit.propose':
      return proposeStep(ctx, c.changes, null);
    case 'summit.acceptDemand':
      return proposeStep(ctx, ctx.atSummit!.answers.find((a) => a.party === c.party && a.reply === 'demand')!.demand, c.party);
    case 'summit.close':
      return closeSummitStep(ctx);
  }
}

/** The summit as every seat sees it: public, since the leaders speak at one table. Plain JSON. */
export interface SummitTalksView {
  open: string[];
  leaders: string[];
  /** Each leader's stated wish on each open point. */
  preferred: Record<string, Record<string, string>>;
  /** The options on the open points now on the table (the text as it stood, before the first proposal). */
  proposal: Change[];
  proposed: boolean;
  round: number;
  rounds: number;
  answers: LeaderAnswer[];
  waiting: string[];
  walkedOut: string[];
  demands: { party: string; changes: Change[]; round: number; accepted: boolean }[];
  history: SummitRound[];
}

export function talksView(ctx: NegotiationContext): SummitTalksView | null {
  const s = ctx.atSummit;
  if (!s) return null;
  return {
    open: s.open, leaders: s.leaders, preferred: s.preferred, proposal: onOpen(s, s.proposal), proposed: s.proposed,
    round: s.round, rounds: s.rounds, answers: s.answers, waiting: s.waiting, walkedOut: s.walkedOut, demands: s.demands, history: s.history,
  };
}
