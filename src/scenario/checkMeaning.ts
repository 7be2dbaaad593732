/**
 * Second stage of loading: the scenario has the right shape, now check that it means
 * something playable. Pure; returns every problem found with its document path.
 */
import { OMIT, type Scenario } from './schema.ts';
import { formatPath, type PathPart } from './load.ts';

export interface MeaningProblem {
  path: PathPart[];
  message: string;
  /** The problem is with the mapping key at the end of the path (e.g. an unknown point in `weights`), not its value. */
  onKey?: boolean;
}

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function checkMeaning(s: Scenario): MeaningProblem[] {
  const out: MeaningProblem[] = [];
  const add = (path: PathPart[], message: string, onKey = false) => out.push(onKey ? { path, message, onKey } : { path, message });
  const addOnKey = (path: PathPart[], message: string) => add(path, message, true);
  /** id → item, keeping the first of duplicates (the duplicate itself is reported). */
  const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
    return map;
  };

  const unique = (list: readonly { id: string }[], path: PathPart[], what: string) => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) add([...path, i, 'id'], `duplicate ${what} id "${item.id}" (first used at ${formatPath([...path, seen.get(item.id)!])})`);
      else seen.set(item.id, i);
    });
  };

  unique(s.venues, ['venues'], 'venue');
  unique(s.parties, ['parties'], 'party');
  unique(s.points, ['points'], 'point');
  unique(s.starts, ['starts'], 'start');
  unique(s.events, ['events'], 'event');
  unique(s.incentives, ['incentives'], 'incentive');

  const venues = new Set(s.venues.map((v) => v.id));
  const parties = byId(s.parties);
  const points = byId(s.points);
  const optionProblem = (pointId: string, optionId: string): string | null => {
    const point = points.get(pointId);
    if (!point) return `unknown point "${pointId}"`;
    if (optionId === OMIT) return point.omittable ? null : `point "${pointId}" cannot be omitted (omittable: false)`;
    return point.options.some((o) => o.id === optionId) ? null : `unknown option "${optionId}" on point "${pointId}"`;
  };

  // Calendar
  const start = dayOf(s.calendar.start);
  const deadline = dayOf(s.calendar.deadline);
  if (deadline < start) add(['calendar', 'deadline'], `deadline ${s.calendar.deadline} is before the start ${s.calendar.start}`);
  s.calendar.softDeadlines.forEach((d, i) => {
    const day = dayOf(d.date);
    if (day < start || day > deadline) add(['calendar', 'softDeadlines', i, 'date'], `soft deadline ${d.date} is outside the calendar (${s.calendar.start} to ${s.calendar.deadline})`);
  });

  // Venues and travel: every venue must be reachable from every other.
  s.travel.forEach((r, i) => {
    if (!venues.has(r.from)) add(['travel', i, 'from'], `unknown venue "${r.from}"`);
    if (!venues.has(r.to)) add(['travel', i, 'to'], `unknown venue "${r.to}"`);
    if (r.from === r.to) add(['travel', i], `a route from "${r.from}" to itself`);
  });
  if (s.venues.length > 1) {
    const reached = new Set([s.venues[0]!.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of s.travel) {
        if (reached.has(r.from) !== reached.has(r.to) && venues.has(r.from) && venues.has(r.to)) {
          reached.add(r.from);
          reached.add(r.to);
          grew = true;
        }
      }
    }
    s.venues.forEach((v, i) => {
      if (!reached.has(v.id)) add(['venues', i], `venue "${v.id}" cannot be reached by any route from "${s.venues[0]!.id}"`);
    });
  }

  // Points
  s.points.forEach((p, i) => {
    unique(p.options, ['points', i, 'options'], 'option');
    p.options.forEach((o, j) => {
      if (o.id === OMIT) add(['points', i, 'options', j, 'id'], `"${OMIT}" is reserved for dropping a point; choose another option id`);
    });
  });

  // Parties
  const mediators = s.parties.filter((p) => p.role === 'mediator');
  if (mediators.length !== 1) add(['parties'], `exactly one party must have role "mediator" (found ${mediators.length})`);
  const envoyIds = new Map<string, string>();

  s.parties.forEach((party, i) => {
    const at = (...rest: PathPart[]): PathPart[] => ['parties', i, ...rest];
    if (!venues.has(party.home)) add(at('home'), `unknown venue "${party.home}"`);
    if (party.role === 'mediator' && party.envoys.length === 0) add(at('envoys'), 'the mediator needs at least one envoy for the player to move');
    party.envoys.forEach((e, j) => {
      if (envoyIds.has(e.id)) add(at('envoys', j, 'id'), `duplicate envoy id "${e.id}" (also an envoy of "${envoyIds.get(e.id)}")`);
      envoyIds.set(e.id, party.id);
      if (e.start !== undefined && !venues.has(e.start)) add(at('envoys', j, 'start'), `unknown venue "${e.start}"`);
    });
    if (party.reservation > party.opening) add(at('reservation'), `reservation ${party.reservation} is above the opening aspiration ${party.opening}`);
    let totalWeight = 0;
    for (const [pt, w] of Object.entries(party.weights)) {
      if (!points.has(pt)) addOnKey(at('weights', pt), `unknown point "${pt}"`);
      totalWeight += w;
    }
    if (party.role !== 'consulted' && totalWeight <= 0) add(at('weights'), 'weights must give at least one point a positive weight');
    for (const [pt, opts] of Object.entries(party.values)) {
      const point = points.get(pt);
      if (!point) {
        addOnKey(at('values', pt), `unknown point "${pt}"`);
        continue;
      }
      for (const opt of Object.keys(opts)) {
        if (opt !== OMIT && !point.options.some((o) => o.id === opt)) addOnKey(at('values', pt, opt), `unknown option "${opt}" on point "${pt}"`);
      }
    }
    for (const point of points.values()) {
      if ((party.weights[point.id] ?? 0) <= 0) continue;
      const vals = party.values[point.id];
      const missing = point.options.filter((o) => vals?.[o.id] === undefined).map((o) => o.id);
      if (point.omittable && vals?.[OMIT] === undefined) missing.push(OMIT);
      if (missing.length > 0) add(at('values', point.id), `point "${point.id}" has weight but no value for ${missing.map((m) => `"${m}"`).join(', ')}`);
    }
    const lineIds = new Set<string>();
    party.redLines.forEach((rl, j) => {
      if (lineIds.has(rl.id)) add(at('redLines', j, 'id'), `duplicate red line id "${rl.id}"`);
      lineIds.add(rl.id);
      rl.when.forEach((c, k) => {
        const problem = optionProblem(c.point, c.option);
        if (problem) add(at('redLines', j, 'when', k), problem);
      });
      const pts = rl.when.map((c) => c.point);
      if (new Set(pts).size !== pts.length) add(at('redLines', j, 'when'), 'names the same point twice, so it can never be crossed');
    });
    party.leaderPoints.forEach((pt, j) => {
      if (!points.has(pt)) add(at('leaderPoints', j), `unknown point "${pt}"`);
    });
    party.holds.forEach((pt, j) => {
      if (!points.has(pt)) add(at('holds', j), `unknown point "${pt}"`);
    });
    if (party.holds.length > 0 && party.role !== 'consulted') add(at('holds'), 'only a consulted party holds points; signatories sign the whole text');
  });

  // Starts
  s.starts.forEach((st, i) => {
    for (const point of points.values()) {
      if (st.text[point.id] === undefined) add(['starts', i, 'text'], `does not place point "${point.id}" (give an option id or "${OMIT}")`);
    }
    for (const [pt, opt] of Object.entries(st.text)) {
      const problem = optionProblem(pt, opt);
      // A start is a text the game can reach: a point that may not be dropped is not dropped there either.
      if (problem) add(['starts', i, 'text', pt], problem, !points.has(pt));
    }
    for (const [envoy, venue] of Object.entries(st.envoys ?? {})) {
      if (!envoyIds.has(envoy)) add(['starts', i, 'envoys', envoy], `unknown envoy "${envoy}"`);
      if (!venues.has(venue)) add(['starts', i, 'envoys', envoy], `unknown venue "${venue}"`);
    }
    (st.locked ?? []).forEach((pt, j) => {
      const point = points.get(pt);
      if (!point) add(['starts', i, 'locked', j], `unknown point "${pt}"`);
      else if (point.leadersOnly) add(['starts', i, 'locked', j], `"${pt}" is for the leaders only; it cannot be settled before the talks`);
    });
    if (st.date !== undefined) {
      const day = dayOf(st.date);
      if (day < start || day > deadline) add(['starts', i, 'date'], `start ${st.date} cannot be reached: it is outside the calendar (${s.calendar.start} to ${s.calendar.deadline})`);
    }
  });

  // Incentives
  s.incentives.forEach((inc, i) => {
    if (!parties.has(inc.to)) add(['incentives', i, 'to'], `unknown party "${inc.to}"`);
    inc.objections.forEach((o, j) => {
      if (!parties.has(o.party)) add(['incentives', i, 'objections', j, 'party'], `unknown party "${o.party}"`);
    });
  });

  // Events
  s.events.forEach((ev, i) => {
    if ((ev.on === undefined) === (ev.chance === undefined)) add(['events', i], 'give either "on" (a scheduled date) or "chance" (a daily probability), not both or neither');
    if (ev.on !== undefined && (dayOf(ev.on) < start || dayOf(ev.on) > deadline)) add(['events', i, 'on'], `date ${ev.on} is outside the calendar`);
    if (ev.from !== undefined && ev.until !== undefined && dayOf(ev.from) > dayOf(ev.until)) add(['events', i, 'until'], `"until" ${ev.until} is before "from" ${ev.from}`);
    const w = ev.when;
    w?.starts?.forEach((st, k) => {
      if (!s.starts.some((x) => x.id === st)) add(['events', i, 'when', 'starts', k], `unknown start "${st}"`);
    });
    if (w?.envoyAt) {
      if (w.envoyAt.envoy !== undefined && !envoyIds.has(w.envoyAt.envoy)) add(['events', i, 'when', 'envoyAt', 'envoy'], `unknown envoy "${w.envoyAt.envoy}"`);
      if (!venues.has(w.envoyAt.venue)) add(['events', i, 'when', 'envoyAt', 'venue'], `unknown venue "${w.envoyAt.venue}"`);
    }
    for (const key of ['omitted', 'kept'] as const) {
      w?.[key]?.forEach((pt, k) => {
        if (!points.has(pt)) add(['events', i, 'when', key, k], `unknown point "${pt}"`);
      });
    }
    ev.effects.forEach((ef, j) => {
      if (!parties.has(ef.party)) add(['events', i, 'effects', j, 'party'], `unknown party "${ef.party}"`);
      ef.reveal?.forEach((pt, k) => {
        if (!points.has(pt)) add(['events', i, 'effects', j, 'reveal', k], `unknown point "${pt}"`);
      });
    });
  });

  // Public concessions
  s.concessions.forEach((rule, i) => {
    const by = parties.get(rule.by);
    if (!by || by.role === 'mediator') add(['concessions', i, 'by'], `unknown party "${rule.by}"`);
    if (rule.point !== undefined && !points.has(rule.point)) add(['concessions', i, 'point'], `unknown point "${rule.point}"`);
    rule.effects.forEach((ef, j) => {
      if (!parties.has(ef.party)) add(['concessions', i, 'effects', j, 'party'], `unknown party "${ef.party}"`);
      else if (ef.party === rule.by) add(['concessions', i, 'effects', j, 'party'], 'a concession moves the other parties, not the one that makes it');
    });
  });

  // Ratification and summit
  const r = s.ratification;
  r.signatories.forEach((p, i) => {
    const party = parties.get(p);
    if (!party) add(['ratification', 'signatories', i], `unknown party "${p}"`);
    else if (party.role === 'consulted') add(['ratification', 'signatories', i], `party "${p}" is consulted, not a signatory`);
  });
  if (new Set(r.signatories).size !== r.signatories.length) add(['ratification', 'signatories'], 'lists a party twice');
  r.vetoes?.forEach((p, i) => {
    if (!r.signatories.includes(p)) add(['ratification', 'vetoes', i], `veto holder "${p}" is not among the signatories`);
  });
  if (r.atLeast !== undefined) {
    if (r.atLeast > r.signatories.length) add(['ratification', 'atLeast'], `needs ${r.atLeast} signatures but there are only ${r.signatories.length} signatories`);
    if (r.vetoes && r.atLeast < r.vetoes.length) add(['ratification', 'atLeast'], `is below the number of veto holders (${r.vetoes.length})`);
  }
  if (s.summit.venue !== undefined && !venues.has(s.summit.venue)) add(['summit', 'venue'], `unknown venue "${s.summit.venue}"`);
  return out;
}
