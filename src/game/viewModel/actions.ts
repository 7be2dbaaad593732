/**
 * The Actions section: per envoy, where it is and what it can do there now, straight from the
 * engine's list of legal commands, with what each costs. Pure.
 */
import type { Command } from '../../engine/commands.ts';
import type { PlayerView } from '../../engine/view.ts';
import { amount, partyName, plural, shortDate, venueName } from './names.ts';
import type { PublicScenario } from './publicScenario.ts';

export interface ActionItem {
  /** Stable id for focus keeping, e.g. "envoy-lead:envoy.meet:aldoria". */
  key: string;
  label: string;
  /** What it costs, e.g. "2 capital", "free", "1 day". */
  cost: string;
  /** Extra words, e.g. "costs trust". */
  note: string;
  command: Command;
}

export interface EnvoyCard {
  id: string;
  name: string;
  title: string;
  /** "In Aldor City" or "Travelling to Belmar Port, arrives Tue 4 Mar 2031 (day 3)". */
  where: string;
  travelling: boolean;
  actionsLeft: number;
  /** "2 of 3 actions left today". */
  actionsText: string;
  travel: ActionItem[];
  /** Dealings with the parties at the envoy's venue. */
  here: ActionItem[];
}

function capital(n: number): string {
  return n === 0 ? 'free' : `${amount(n)} capital`;
}

function travelDays(pub: PublicScenario, from: string, to: string): number | null {
  const route = pub.travel.find((r) => (r.from === from && r.to === to) || (r.from === to && r.to === from));
  return route ? route.days : null;
}

function dayOf(view: PlayerView, dayIndex: number): string {
  const d = new Date(`${view.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + (dayIndex - view.day));
  return `${shortDate(d.toISOString().slice(0, 10))} (day ${dayIndex + 1})`;
}

export function describeCommand(pub: PublicScenario, view: PlayerView, c: Command): Omit<ActionItem, 'key' | 'command'> {
  const envoy = 'envoy' in c ? view.envoys.find((e) => e.id === c.envoy) : undefined;
  switch (c.type) {
    case 'envoy.travel': {
      const days = envoy ? travelDays(pub, envoy.at, c.to) : null;
      return { label: `Travel to ${venueName(pub, c.to)}`, cost: days === null ? '' : days === 0 ? 'same day' : plural(days, 'day'), note: '' };
    }
    case 'envoy.meet':
      return { label: `Meet ${partyName(pub, c.party)}`, cost: capital(pub.costs.meet), note: 'learn what matters to it' };
    case 'envoy.table':
      return { label: `Table the text with ${partyName(pub, c.party)}`, cost: capital(pub.costs.table), note: 'ask for its answer' };
    case 'envoy.press':
      return { label: `Press ${partyName(pub, c.party)}`, cost: capital(pub.costs.press), note: 'more willing now; costs trust' };
    case 'envoy.consult':
      return { label: `Consult ${partyName(pub, c.party)}`, cost: capital(pub.costs.consult), note: 'learn what the others can live with' };
    case 'envoy.offer': {
      const inc = pub.incentives.find((i) => i.id === c.incentive);
      const label = inc?.label ?? c.incentive;
      const to = partyName(pub, inc?.to ?? '');
      return { label: label.includes(to) ? `Offer ${label}` : `Offer ${label} to ${to}`, cost: capital(inc?.cost ?? 0), note: inc?.description ?? '' };
    }
    case 'summit.call':
      return { label: 'Call a summit', cost: capital(pub.costs.summit), note: `a failed summit costs ${amount(pub.costs.failedSummit)}` };
    case 'day.end':
      return { label: 'End the day', cost: '', note: '' };
    default:
      return { label: c.type, cost: '', note: '' };
  }
}

function keyOf(c: Command): string {
  const parts: string[] = [c.type];
  if ('envoy' in c) parts.unshift(c.envoy);
  if ('party' in c) parts.push(c.party);
  if ('to' in c) parts.push(c.to);
  if ('incentive' in c) parts.push(c.incentive);
  return parts.join(':');
}

export function envoyCards(pub: PublicScenario, view: PlayerView): EnvoyCard[] {
  const mediator = pub.parties.find((p) => p.role === 'mediator');
  return view.envoys.map((envoy) => {
    const mine = view.legal.filter((c) => 'envoy' in c && c.envoy === envoy.id);
    const item = (c: Command): ActionItem => ({ key: keyOf(c), command: c, ...describeCommand(pub, view, c) });
    const travelling = envoy.to !== null;
    const where = travelling
      ? `Travelling to ${venueName(pub, envoy.to!)}${envoy.arrives !== null ? `, arrives ${dayOf(view, envoy.arrives)}` : ''}`
      : `In ${venueName(pub, envoy.at)}`;
    const perDay = pub.calendar.actionsPerDay;
    return {
      id: envoy.id,
      name: envoy.name,
      title: mediator?.envoys.find((e) => e.id === envoy.id)?.title ?? '',
      where,
      travelling,
      actionsLeft: envoy.actionsLeft,
      actionsText: travelling ? 'No actions while travelling' : `${envoy.actionsLeft} of ${plural(perDay, 'action')} left today`,
      travel: mine.filter((c) => c.type === 'envoy.travel').map(item),
      here: mine.filter((c) => c.type !== 'envoy.travel').map(item),
    };
  });
}

/** Who can be met at a venue, for "nobody to meet here" hints. */
export function partiesAt(pub: PublicScenario, venue: string): string[] {
  return pub.parties.filter((p) => p.home === venue && p.role !== 'mediator').map((p) => p.name);
}
