/**
 * How the bots play a summit in session, from what every seat at the table hears: propose
 * (a bot's own options on the open points, or the text as it stands), take up a last demand,
 * prefer the demands of parties the deal cannot do without, and close the summit when nothing
 * is left to try. Fair: reads only the view.
 */
import type { Change } from '../evaluate.ts';
import type { Command } from '../commands.ts';
import { required } from '../ratification.ts';
import type { PlayerView } from '../view.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { PlanText } from '../text.ts';
import { knownLinesCrossed, optionsOf } from './common.ts';

/** The bot's move at the summit, or null when the leaders are not meeting. `opening` is the bot's own first proposal. */
export function summitMove(view: PlayerView, scenario: Scenario, opening: (open: readonly string[]) => Change[] = () => []): Command | null {
  const t = view.talks;
  if (!t) return null;
  if (t.waiting.length > 0) return { type: 'day.end' };
  if (!t.proposed) {
    const changes = opening(t.open).filter((c) => t.open.includes(c.point));
    return { type: 'summit.propose', changes };
  }
  const needed = required(view.rule);
  const can = (c: Command) => view.legal.some((l) => JSON.stringify(l) === JSON.stringify(c));
  // A demand that undoes what another leader was given is a trap: the other would walk out.
  const given = new Map(t.demands.filter((d) => d.accepted).flatMap((d) => d.changes.map((c) => [c.point, { party: d.party, option: c.option }] as const)));
  const undoes = (party: string, changes: readonly Change[]) => changes.some((c) => {
    const g = given.get(c.point);
    return g !== undefined && g.party !== party && g.option !== c.option;
  });
  // A package that crosses a red line the bot knows of would only be refused.
  const current = new Map(t.proposal.map((c) => [c.point, c.option]));
  const everyone = view.parties.map((p) => p.id);
  const crosses = (changes: readonly Change[]) => {
    const next = new Map(current);
    for (const c of changes) next.set(c.point, c.option);
    const text: Record<string, PlanText[string]> = { ...view.text };
    for (const [p, o] of next) text[p] = { option: o, deferred: false };
    return knownLinesCrossed(view, text, everyone) > 0;
  };
  const demands = t.answers.filter((a) => a.reply === 'demand' && !undoes(a.party, a.demand) && !crosses(a.demand));
  const demand = demands.find((a) => needed.includes(a.party)) ?? demands[0];
  if (demand && t.round < t.rounds && can({ type: 'summit.acceptDemand', party: demand.party })) return { type: 'summit.acceptDemand', party: demand.party };
  // A demand that undoes another's: take it, and make it up to the other on another open point (a trade).
  for (const trap of t.answers.filter((x) => x.reply === 'demand' && undoes(x.party, x.demand) && !crosses(x.demand))) {
    const wronged = [...new Set(trap.demand.map((c) => given.get(c.point)?.party).filter((p): p is string => p !== undefined))];
    const make = t.open
      .filter((q) => !trap.demand.some((c) => c.point === q))
      .flatMap((q) => wronged.map((w) => ({ point: q, option: t.preferred[q]?.[w] })))
      .find((c): c is Change => c.option !== undefined && current.get(c.point) !== c.option && !crosses([...trap.demand, { point: c.point, option: c.option }]));
    if (make && t.round < t.rounds) return { type: 'summit.propose', changes: [...trap.demand, make] };
  }
  // Else a fresh proposal of its own, on what it has learned since.
  const fresh = opening(t.open).filter((c) => t.open.includes(c.point));
  if (t.round < t.rounds && can({ type: 'summit.propose', changes: [] }) && fresh.length > 0) {
    const changes = fresh.filter((c) => current.get(c.point) !== c.option);
    if (changes.length > 0) return { type: 'summit.propose', changes };
  }
  // Last, an option not yet tried on one open point, crossing no red line it knows of.
  if (t.round < t.rounds) {
    const tried = new Set(t.history.map((r) => JSON.stringify(r.proposal)));
    const key = (m: Map<string, string>) => JSON.stringify(t.open.map((point) => ({ point, option: m.get(point) })));
    for (const point of t.open) {
      for (const option of optionsOf(scenario, point)) {
        const next = new Map(current).set(point, option);
        if (option === current.get(point) || tried.has(key(next))) continue;
        if (!crosses([{ point, option }])) return { type: 'summit.propose', changes: [{ point, option }] };
      }
    }
  }
  return { type: 'summit.close' };
}
