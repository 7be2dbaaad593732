/**
 * Whether a command from a seat is allowed now (the negotiation's side: the table checks first
 * that the seat may send that kind of command at all). Returns the reason it is not, or null.
 * Pure.
 */
import { OMIT } from '../scenario/omit.ts';
import { packageRefusal, validateCommand, type Command, type PartyCommand } from './commands.ts';
import { crossedRedLines } from './evaluate.ts';
import { summitRefusalOf } from './summitSteps.ts';
import { commandState, partyName, partyState, pointTitle, type NegotiationContext, type SeatEvent } from './negotiationMachine.ts';

const MAX_NEWS = 300;

function checkParty(ctx: NegotiationContext, id: string): string | null {
  const party = ctx.scenario.parties.find((p) => p.id === id);
  return !party || party.role === 'mediator' ? `there is no party "${id}"` : null;
}

function answerRefusal(ctx: NegotiationContext, e: Extract<SeatEvent, { type: 'party.answer' }>): string | null {
  const r = ctx.requests.find((x) => x.id === e.request);
  if (!r || r.party !== e.party) return `there is no request ${e.request} waiting for ${partyName(ctx, e.party)}`;
  const yesNo = r.kind !== 'table';
  if (r.kind === 'sign' && e.reply === 'counter') {
    // A leader's last demand at the summit: changes on the open points only.
    const open = ctx.atSummit?.open ?? [];
    for (const c of e.changes ?? []) if (!open.includes(c.point)) return `“${pointTitle(ctx, c.point)}” is not open at the summit`;
  } else if (yesNo && e.reply !== 'accept' && e.reply !== 'decline') return `answer this request with accept, decline or (at a summit) counter with your last demand`;
  if (!yesNo && e.reply === 'decline') return 'answer a tabled text with accept, reject or counter';
  const party = ctx.scenario.parties.find((p) => p.id === r.party)!;
  if ((r.kind === 'table' || r.kind === 'sign') && e.reply === 'accept') {
    const lines = crossedRedLines(party, r.text!);
    if (lines.length > 0) return `your government would fall: ${lines.map((l) => l.reason).join(' ')}`;
  }
  if (e.reply === 'reject') {
    const points = e.points ?? [];
    if (points.length === 0) return 'name the points you object to';
    for (const p of points) if (!ctx.scenario.points.some((x) => x.id === p)) return `there is no point "${p}"`;
  }
  if (e.reply === 'counter') {
    const changes = e.changes ?? [];
    if (changes.length === 0) return 'a counter-draft changes at least one point';
    const seen = new Set<string>();
    for (const c of changes) {
      const point = ctx.scenario.points.find((x) => x.id === c.point);
      if (!point) return `there is no point "${c.point}"`;
      if (seen.has(c.point)) return `the counter-draft changes "${point.title}" twice`;
      seen.add(c.point);
      if (c.option === OMIT ? !point.omittable : !point.options.some((o) => o.id === c.option)) return `"${point.title}" has no option "${c.option}"`;
      if (r.text![c.point]?.option === c.option) return `"${point.title}" already reads that way`;
    }
  }
  return null;
}

/**
 * The statements and consultations a party's seat may make now: exactly the `party.signal` (each
 * point, red line then flexible) and `party.consult` (each party) commands `validateSeatEvent`
 * allows, worked out once for the seat instead of command by command. Pure.
 */
export function partyMoves(ctx: NegotiationContext, id: string): PartyCommand[] {
  if (ctx.outcome !== null || (ctx.partyActions[id] ?? 0) <= 0) return [];
  const out: PartyCommand[] = [];
  const party = ctx.scenario.parties.find((p) => p.id === id)!;
  if (partyState(ctx, id) !== 'withdrawn') {
    for (const point of ctx.scenario.points) {
      if (party.redLines.some((l) => l.when.some((c) => c.point === point.id))) out.push({ type: 'party.signal', point: point.id, stance: 'redLine' });
      out.push({ type: 'party.signal', point: point.id, stance: 'flexible' });
    }
  }
  for (const ally of ctx.scenario.parties) {
    if (ally.role !== 'consulted' || ally.id === id || partyState(ctx, ally.id) === 'withdrawn') continue;
    out.push({ type: 'party.consult', ally: ally.id });
  }
  return out;
}

/**
 * The last verdict, by the very context and event objects: the table checks a command and the
 * negotiation machine's guards check the same event against the same context at once (twice for
 * a request to a party's seat). Nothing runs between those checks, so the verdict stands.
 */
let last: { ctx: NegotiationContext; event: object; verdict: string | null } | null = null;

/** Why the event may not happen now, or null. Pure. */
export function validateSeatEvent(ctx: NegotiationContext, e: SeatEvent | (Command & { seat?: string })): string | null {
  if (last !== null && last.ctx === ctx && last.event === e) return last.verdict;
  const verdict = verdictOn(ctx, e);
  last = { ctx, event: e, verdict };
  return verdict;
}

function verdictOn(ctx: NegotiationContext, e: SeatEvent | (Command & { seat?: string })): string | null {
  if (ctx.outcome !== null) return 'the negotiation is over';
  if (ctx.atSummit && (e.type.startsWith('envoy.') || e.type.startsWith('text.') || e.type === 'summit.call')) {
    return 'the leaders are meeting: propose, take up a demand or close the summit first';
  }
  switch (e.type) {
    case 'party.answer':
      return answerRefusal(ctx, e);
    case 'party.signal': {
      if (!ctx.scenario.points.some((p) => p.id === e.point)) return `there is no point "${e.point}"`;
      if ((ctx.partyActions[e.party] ?? 0) <= 0) return 'you have made all the statements and consultations you can today';
      if (partyState(ctx, e.party) === 'withdrawn') return 'you have withdrawn from the talks';
      const party = ctx.scenario.parties.find((p) => p.id === e.party)!;
      if (e.stance === 'redLine' && !party.redLines.some((l) => l.when.some((c) => c.point === e.point))) {
        return `you have no red line on “${pointTitle(ctx, e.point)}”`;
      }
      return null;
    }
    case 'party.propose': {
      if ((ctx.partyActions[e.party] ?? 0) <= 0) return 'you have made all the statements and consultations you can today';
      if (partyState(ctx, e.party) === 'withdrawn') return 'you have withdrawn from the talks';
      return packageRefusal(ctx, e.changes);
    }
    case 'party.consult': {
      const ally = ctx.scenario.parties.find((p) => p.id === e.ally);
      if (!ally || ally.role !== 'consulted' || ally.id === e.party) return `"${e.ally}" is not an ally you can consult`;
      if (partyState(ctx, e.ally) === 'withdrawn') return `${ally.name} has withdrawn from the talks`;
      if ((ctx.partyActions[e.party] ?? 0) <= 0) return 'you have made all the statements and consultations you can today';
      return null;
    }
    case 'world.endDay':
      return null;
    case 'world.event':
      return ctx.scenario.events.some((x) => x.id === e.event) ? null : `there is no event "${e.event}"`;
    case 'world.news':
      if (e.headline.trim().length === 0) return 'the news needs a headline';
      return e.headline.length + (e.text?.length ?? 0) > MAX_NEWS ? `news is at most ${MAX_NEWS} characters` : null;
    case 'world.redLine': {
      const bad = checkParty(ctx, e.party);
      if (bad) return bad;
      const base = ctx.baseScenario.parties.find((p) => p.id === e.party)!;
      if (!base.redLines.some((l) => l.id === e.line)) return `${base.name} has no red line "${e.line}"`;
      const holds = ctx.scenario.parties.find((p) => p.id === e.party)!.redLines.some((l) => l.id === e.line);
      if (e.lifted && !holds) return 'that red line is already lifted';
      if (!e.lifted && holds) return 'that red line already holds';
      return null;
    }
    case 'world.mood': {
      const bad = checkParty(ctx, e.party);
      if (bad) return bad;
      if (!e.patience && !e.trust) return 'change patience or trust';
      for (const x of [e.patience, e.trust]) if (x !== undefined && (!Number.isFinite(x) || Math.abs(x) > 100)) return 'changes are between -100 and 100';
      return null;
    }
    case 'summit.propose':
    case 'summit.acceptDemand':
    case 'summit.close':
      return summitRefusalOf(ctx, e);
    default:
      return validateCommand(commandState(ctx), e);
  }
}
