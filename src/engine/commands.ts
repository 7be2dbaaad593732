/**
 * What the player (or a bot) can do, and whether it may do it now. Commands are imperative
 * and namespaced; an illegal command is answered with a reason, never an exception.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import { isSettled } from '../scenario/gameLength.ts';
import type { Change } from './evaluate.ts';
import type { PartyState } from './partyMachine.ts';
import type { PlanText } from './text.ts';

export type Command =
  | { type: 'envoy.travel'; envoy: string; to: string }
  | { type: 'envoy.meet'; envoy: string; party: string }
  | { type: 'envoy.table'; envoy: string; party: string }
  | { type: 'envoy.press'; envoy: string; party: string }
  | { type: 'envoy.offer'; envoy: string; incentive: string }
  | { type: 'envoy.consult'; envoy: string; party: string }
  /**
   * Put a package (changes to the current text, together) to a party: it accepts or refuses it as
   * a whole, with reasons per point. Accepted, the package enters the text. In public, every seat
   * hears the answer, and a concession in it moves the other parties as the scenario says.
   */
  | { type: 'envoy.propose'; envoy: string; party: string; changes: Change[]; public?: boolean }
  | { type: 'text.redraft'; point: string; option: string }
  | { type: 'text.omit'; point: string }
  | { type: 'text.defer'; point: string }
  | { type: 'text.undefer'; point: string }
  | { type: 'text.package'; changes: Change[] }
  | { type: 'day.end' }
  | { type: 'summit.call' }
  /** At the summit: options on the open points (a package; points left out keep their option on the table). */
  | { type: 'summit.propose'; changes: Change[] }
  /** At the summit: take up a leader's last demand as the next proposal. */
  | { type: 'summit.acceptDemand'; party: string }
  /** At the summit: the mediator ends it without an accord. */
  | { type: 'summit.close' };

/** A party seat's reply to a request: tables are accepted, rejected (naming points) or countered; the rest accepted or declined. */
export type Reply = 'accept' | 'decline' | 'reject' | 'counter';

/** Commands a person in a party seat issues. The table adds which party sends them. */
export type PartyCommand =
  | { type: 'party.answer'; request: number; reply: Reply; points?: string[]; changes?: Change[] }
  | { type: 'party.signal'; point: string; stance: 'redLine' | 'flexible' }
  | { type: 'party.consult'; ally: string }
  /** Put a package forward in public: the changes the party would accept together (the mediator may adopt it). */
  | { type: 'party.propose'; changes: Change[] };

/** Commands of the teacher / world authority: no party seat, logged and replayed like any other. */
export type WorldCommand =
  | { type: 'world.endDay' }
  | { type: 'world.event'; event: string }
  | { type: 'world.news'; headline: string; text?: string }
  | { type: 'world.redLine'; party: string; line: string; lifted: boolean }
  | { type: 'world.mood'; party: string; patience?: number; trust?: number };

/** Anything a seat (or the world authority) may send to a table. */
export type SeatCommand = Command | PartyCommand | WorldCommand;

export const COMMAND_TYPES = [
  'envoy.travel', 'envoy.meet', 'envoy.table', 'envoy.press', 'envoy.offer', 'envoy.consult', 'envoy.propose',
  'text.redraft', 'text.omit', 'text.defer', 'text.undefer', 'text.package', 'day.end', 'summit.call',
  'summit.propose', 'summit.acceptDemand', 'summit.close',
] as const satisfies readonly Command['type'][];

export interface EnvoyState {
  id: string;
  name: string;
  at: string;
  /** Venue the envoy is travelling to, or null when it is somewhere. */
  to: string | null;
  /** Day index of arrival while travelling. */
  arrives: number | null;
  actionsLeft: number;
}

/** The state a command is checked against. */
export interface CommandState {
  scenario: Scenario;
  envoys: Record<string, EnvoyState>;
  text: PlanText;
  capital: number;
  granted: readonly string[];
  partyStates: Record<string, PartyState>;
  over: boolean;
}

/** Pressure one press adds to a party's willingness, before its sensitivity. */
export const PRESS_AMOUNT = 8;

/** Days of travel between two venues, or null when there is no direct route. */
export function travelDays(scenario: Scenario, from: string, to: string): number | null {
  for (const r of scenario.travel) {
    if ((r.from === from && r.to === to) || (r.from === to && r.to === from)) return r.days;
  }
  return null;
}

function partyAt(s: CommandState, envoyId: string, partyId: string): string | null {
  const envoy = s.envoys[envoyId];
  if (!envoy) return `there is no envoy "${envoyId}"`;
  if (envoy.to !== null) return `${envoy.name} is travelling`;
  if (envoy.actionsLeft <= 0) return `${envoy.name} has no actions left today`;
  const party = s.scenario.parties.find((p) => p.id === partyId);
  if (!party || party.role === 'mediator') return `there is no party "${partyId}" to deal with`;
  if (party.home !== envoy.at) {
    const venue = s.scenario.venues.find((v) => v.id === party.home)?.name ?? party.home;
    return `${party.name} is met in ${venue}; ${envoy.name} is elsewhere`;
  }
  if (s.partyStates[partyId] === 'withdrawn') return `${party.name} has withdrawn from the talks`;
  return null;
}

function afford(s: CommandState, cost: number, what: string): string | null {
  return s.capital + 1e-9 < cost ? `not enough political capital to ${what} (needs ${cost}, have ${Math.floor(s.capital)})` : null;
}

function checkOption(s: CommandState, pointId: string, option: string): string | null {
  const point = s.scenario.points.find((p) => p.id === pointId);
  if (!point) return `there is no point "${pointId}"`;
  if (option === OMIT) return point.omittable ? null : `"${point.title}" cannot be dropped from the plan`;
  if (!point.options.some((o) => o.id === option)) return `"${point.title}" has no option "${option}"`;
  return null;
}

/** A point settled before the talks (a start's locked point) cannot be changed. */
function settled(s: CommandState, pointId: string): string | null {
  const point = s.scenario.points.find((p) => p.id === pointId);
  return point && isSettled(point) ? `"${point.title}" was settled before the talks` : null;
}

/** Most changes a package put to a party may hold. */
export const MAX_PACKAGE = 8;

/** Why these changes are not a package that can be put now (each a legal redraft that changes the text), or null. Pure. */
export function packageRefusal(s: Pick<CommandState, 'scenario' | 'text'>, changes: readonly Change[]): string | null {
  if (!Array.isArray(changes) || changes.length === 0) return 'a package needs at least one change';
  if (changes.length > MAX_PACKAGE) return `a package holds at most ${MAX_PACKAGE} changes`;
  const seen = new Set<string>();
  for (const ch of changes) {
    const point = s.scenario.points.find((p) => p.id === ch.point);
    if (!point) return `there is no point "${ch.point}"`;
    if (seen.has(ch.point)) return `the package changes "${point.title}" twice`;
    seen.add(ch.point);
    if (isSettled(point)) return `"${point.title}" was settled before the talks`;
    if (ch.option === OMIT ? !point.omittable : !point.options.some((o) => o.id === ch.option)) {
      return ch.option === OMIT ? `"${point.title}" cannot be dropped from the plan` : `"${point.title}" has no option "${ch.option}"`;
    }
    const clause = s.text[ch.point];
    if (clause?.deferred) return `"${point.title}" is deferred to the leaders; bring it back first`;
    if (clause?.option === ch.option) return `"${point.title}" already reads that way`;
  }
  return null;
}

/** Why the command is not allowed now, or null when it is. Pure. */
export function validateCommand(s: CommandState, c: Command): string | null {
  if (s.over) return 'the negotiation is over';
  const costs = s.scenario.mediator.costs;
  switch (c.type) {
    case 'envoy.travel': {
      const envoy = s.envoys[c.envoy];
      if (!envoy) return `there is no envoy "${c.envoy}"`;
      if (envoy.to !== null) return `${envoy.name} is already travelling`;
      if (envoy.actionsLeft <= 0) return `${envoy.name} has no actions left today`;
      if (envoy.at === c.to) return `${envoy.name} is already there`;
      if (travelDays(s.scenario, envoy.at, c.to) === null) return `no direct route from ${envoy.at} to ${c.to}`;
      return null;
    }
    case 'envoy.meet':
      return partyAt(s, c.envoy, c.party) ?? afford(s, costs.meet, 'meet');
    case 'envoy.table': {
      const where = partyAt(s, c.envoy, c.party);
      if (where) return where;
      const role = s.scenario.parties.find((p) => p.id === c.party)?.role;
      return role === 'consulted' ? 'consulted parties do not sign; consult them instead' : afford(s, costs.table, 'table the text');
    }
    case 'envoy.press': {
      const where = partyAt(s, c.envoy, c.party);
      if (where) return where;
      if (s.partyStates[c.party] === 'walkedOut') return 'a party that has walked out cannot be pressed; meet it to bring it back';
      return afford(s, costs.press, 'apply pressure');
    }
    case 'envoy.offer': {
      const incentive = s.scenario.incentives.find((i) => i.id === c.incentive);
      if (!incentive) return `there is no incentive "${c.incentive}"`;
      if (s.granted.includes(c.incentive)) return `"${incentive.label}" has already been offered`;
      return partyAt(s, c.envoy, incentive.to) ?? afford(s, incentive.cost, 'offer it');
    }
    case 'envoy.consult': {
      const where = partyAt(s, c.envoy, c.party);
      if (where) return where;
      const role = s.scenario.parties.find((p) => p.id === c.party)?.role;
      return role !== 'consulted' ? 'only consulted parties are consulted; meet signatories instead' : afford(s, costs.consult, 'consult');
    }
    case 'envoy.propose': {
      const where = partyAt(s, c.envoy, c.party);
      if (where) return where;
      const role = s.scenario.parties.find((p) => p.id === c.party)?.role;
      if (role === 'consulted') return 'consulted parties do not sign; consult them instead';
      return packageRefusal(s, c.changes) ?? afford(s, costs.table, 'put a package');
    }
    case 'text.redraft':
      return settled(s, c.point) ?? checkOption(s, c.point, c.option) ?? (s.text[c.point]?.deferred ? 'that point is deferred to the leaders; bring it back first' : null);
    case 'text.omit':
      return settled(s, c.point) ?? checkOption(s, c.point, OMIT) ?? (s.text[c.point]?.deferred ? 'that point is deferred to the leaders; bring it back first' : null);
    case 'text.defer': {
      const point = s.scenario.points.find((p) => p.id === c.point);
      if (!point) return `there is no point "${c.point}"`;
      if (s.text[c.point]?.deferred) return `"${point.title}" is already deferred`;
      if (s.text[c.point]?.option === OMIT) return `"${point.title}" is not in the text`;
      if (isSettled(point)) return `"${point.title}" was settled before the talks`;
      return null;
    }
    case 'text.undefer': {
      const point = s.scenario.points.find((p) => p.id === c.point);
      if (!point) return `there is no point "${c.point}"`;
      if (point.leadersOnly) return `only the leaders can settle "${point.title}"`;
      return s.text[c.point]?.deferred ? null : `"${point.title}" is not deferred`;
    }
    case 'text.package': {
      if (!Array.isArray(c.changes) || c.changes.length === 0) return 'a package needs at least one change';
      const seen = new Set<string>();
      for (const ch of c.changes) {
        if (seen.has(ch.point)) return `the package changes "${ch.point}" twice`;
        seen.add(ch.point);
        const bad = validateCommand(s, { type: 'text.redraft', point: ch.point, option: ch.option });
        if (bad) return bad;
      }
      return null;
    }
    case 'day.end':
      return null;
    case 'summit.call':
      return afford(s, costs.summit, 'call a summit');
    case 'summit.propose':
    case 'summit.acceptDemand':
    case 'summit.close':
      return 'the leaders are not meeting; call a summit first';
    default:
      return 'unknown command';
  }
}

/** Envoy and party commands that are legal now, for the view (text edits are always listed per point). Pure. */
export function legalCommands(s: CommandState): Command[] {
  if (s.over) return [];
  const out: Command[] = [];
  const ok = (c: Command) => validateCommand(s, c) === null && out.push(c);
  for (const envoy of Object.values(s.envoys)) {
    // An envoy on the road or without actions today can do nothing (every command below is refused).
    if (envoy.to !== null || envoy.actionsLeft <= 0) continue;
    for (const v of s.scenario.venues) ok({ type: 'envoy.travel', envoy: envoy.id, to: v.id });
    for (const p of s.scenario.parties) {
      // Nothing can be done with a party this envoy cannot reach now: skip its four commands.
      if (partyAt(s, envoy.id, p.id) !== null) continue;
      ok({ type: 'envoy.meet', envoy: envoy.id, party: p.id });
      ok({ type: 'envoy.table', envoy: envoy.id, party: p.id });
      ok({ type: 'envoy.press', envoy: envoy.id, party: p.id });
      ok({ type: 'envoy.consult', envoy: envoy.id, party: p.id });
    }
    for (const i of s.scenario.incentives) ok({ type: 'envoy.offer', envoy: envoy.id, incentive: i.id });
  }
  ok({ type: 'summit.call' });
  ok({ type: 'day.end' });
  return out;
}
