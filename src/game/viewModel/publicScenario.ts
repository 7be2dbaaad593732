/**
 * The parts of a scenario a player may read: titles, briefings, points and their options,
 * venues, routes, costs, incentives, rules and sources. Each party's weights, values, hidden
 * red lines, reservation and concession curve are left out, so no screen can show them by
 * mistake. Pure.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { ruleOf, type Rule } from '../../engine/ratification.ts';

export interface PublicOption {
  id: string;
  label: string;
  text: string;
}

export interface PublicPoint {
  id: string;
  /** The point's number in the plan (its position when the author gave none). */
  number: number;
  title: string;
  summary: string;
  options: PublicOption[];
  omittable: boolean;
  leadersOnly: boolean;
}

export interface PublicParty {
  id: string;
  name: string;
  leader: string;
  role: 'mediator' | 'signatory' | 'consulted';
  home: string;
  briefing: string;
  envoys: { id: string; name: string; title: string; start: string }[];
  /** Red lines the party has stated in public (known from the start). */
  statedRedLines: string[];
}

export interface PublicStart {
  id: string;
  title: string;
  summary: string;
  /** The start's own briefing, when it has one (shown instead of the scenario's). */
  briefing: string | null;
  date: string;
  /** point → option id (or `omit`). */
  text: Record<string, string>;
  points: number;
  /** Where envoys begin on this start, when it says (envoy id → venue id). */
  envoys: Record<string, string>;
}

export interface PublicScenario {
  id: string;
  title: string;
  version: string;
  disclaimer: string;
  summary: string;
  briefing: string;
  sources: { title: string; outlet: string | null; url: string | null; date: string | null }[];
  calendar: { start: string; deadline: string; softDeadlines: { date: string; label: string }[]; actionsPerDay: number };
  venues: { id: string; name: string }[];
  travel: { from: string; to: string; days: number }[];
  parties: PublicParty[];
  points: PublicPoint[];
  starts: PublicStart[];
  costs: { meet: number; table: number; press: number; consult: number; summit: number; failedSummit: number };
  incentives: { id: string; label: string; description: string; cost: number; to: string }[];
  rule: Rule;
  summit: { maxOpenPoints: number; venue: string };
}

export function publicScenario(s: Scenario): PublicScenario {
  const mediator = s.parties.find((p) => p.role === 'mediator');
  return {
    id: s.id,
    title: s.title,
    version: s.version,
    disclaimer: s.disclaimer,
    summary: s.summary,
    briefing: s.briefing,
    sources: s.sources.map((src) => ({ title: src.title, outlet: src.outlet ?? null, url: src.url ?? null, date: src.date ?? null })),
    calendar: {
      start: s.calendar.start,
      deadline: s.calendar.deadline,
      softDeadlines: s.calendar.softDeadlines.map((d) => ({ date: d.date, label: d.label })),
      actionsPerDay: s.calendar.actionsPerDay,
    },
    venues: s.venues.map((v) => ({ id: v.id, name: v.name })),
    travel: s.travel.map((r) => ({ from: r.from, to: r.to, days: r.days })),
    parties: s.parties.map((p) => ({
      id: p.id,
      name: p.name,
      leader: p.leader,
      role: p.role,
      home: p.home,
      briefing: p.briefing,
      envoys: p.envoys.map((e) => ({ id: e.id, name: e.name, title: e.title ?? '', start: e.start ?? p.home })),
      statedRedLines: p.redLines.filter((l) => l.public).map((l) => l.reason),
    })),
    points: s.points.map((p, i) => ({
      id: p.id,
      number: p.number ?? i + 1,
      title: p.title,
      summary: p.summary,
      options: p.options.map((o) => ({ id: o.id, label: o.label, text: o.text })),
      omittable: p.omittable,
      leadersOnly: p.leadersOnly,
    })),
    starts: s.starts.map((st) => ({
      id: st.id,
      title: st.title,
      summary: st.summary,
      briefing: st.briefing ?? null,
      date: st.date ?? s.calendar.start,
      text: { ...st.text },
      points: s.points.filter((p) => (st.text[p.id] ?? OMIT) !== OMIT).length,
      envoys: { ...(st.envoys ?? {}) },
    })),
    costs: { ...s.mediator.costs },
    incentives: s.incentives.map((i) => ({ id: i.id, label: i.label, description: i.description, cost: i.cost, to: i.to })),
    rule: ruleOf(s),
    summit: { maxOpenPoints: s.summit.maxOpenPoints, venue: s.summit.venue ?? mediator?.home ?? s.venues[0]!.id },
  };
}
