/**
 * Negotiation lint: warnings about a scenario that loads but plays badly — a party that can
 * never sign, a point nobody disagrees on, an option nobody would choose, red lines that rule
 * out a whole point, labels piled on the map, parties no envoy reaches in time, events that
 * cannot happen, soft deadlines already past when a start begins. Warnings, not errors: the
 * scenario still plays. Each names the place to look (a document path) and what to do. Pure.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PathPart } from '../scenario/load.ts';
import { ruleOf } from '../engine/ratification.ts';
import { daysBetween, isoToDay } from '../engine/calendar.ts';
import { fitMercator } from '../game/map/projection.ts';
import { placeLabels, type Rect } from '../game/map/labels.ts';
import { MAP } from '../game/layout.ts';
import { compile } from './model.ts';
import { describeCondition, explainInfeasible, reachOf } from './conflict.ts';

export type LintCode =
  | 'no-deal'
  | 'never-signs'
  | 'uncontested-point'
  | 'dominated-option'
  | 'red-lines-cover-point'
  | 'labels-collide'
  | 'unreachable-party'
  | 'event-outside-calendar'
  | 'start-past-deadline';

export interface LintWarning {
  code: LintCode;
  path: PathPart[];
  /** What is wrong and what to do about it. */
  message: string;
}

/** The stage size the map check uses: the game's reference 1280×720. */
export const LINT_STAGE = { width: 1280, height: 720 } as const;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Every warning for a scenario that has passed the loader. */
export function lintScenario(s: Scenario): LintWarning[] {
  const never = neverSigns(s);
  return [
    ...(never.length > 0 ? never : noDeal(s)),
    ...redLinesCoverPoint(s),
    ...uncontestedAndDominated(s),
    ...labelsCollide(s),
    ...unreachableParties(s),
    ...eventsOutsideCalendar(s),
    ...startsPastDeadline(s),
  ];
}

/**
 * Work budget (search nodes) of the no-deal check: lint runs on every `accord check` and every
 * edit in the studio, so it stays around a second on a 60-point, 12-party scenario; past it the
 * warning still holds, and says its list may be longer than needed.
 */
export const LINT_WORK = 100_000;

/** No text passes at all (checked when every party could sign something on its own). */
function noDeal(s: Scenario): LintWarning[] {
  const conflict = explainInfeasible(s, compile(s), LINT_WORK);
  if (!conflict) return [];
  const loosen = conflict.minimal
    ? 'These exclude every text together; loosen any one of them'
    : 'These exclude every text together, though the check stopped at its work budget before showing that each is needed; loosen one of them';
  return [{
    code: 'no-deal',
    path: ['ratification'],
    message: `no text passes: ${conflict.conditions.map((c) => describeCondition(c, s)).join('; ')}. ${loosen} (\`accord analyze\` searches longer and shows each party's best against its walk-away).`,
  }];
}

function neverSigns(s: Scenario): LintWarning[] {
  const model = compile(s);
  const out: LintWarning[] = [];
  for (const r of reachOf(s, model)) {
    const i = s.parties.findIndex((p) => p.id === r.party);
    const party = s.parties[i]!;
    if (r.best === null) {
      out.push({ code: 'never-signs', path: ['parties', i, 'redLines'], message: `${party.name} can never sign: its red lines exclude every text. Lift one of them.` });
    } else if (r.best < r.walkAway - 1e-9) {
      out.push({
        code: 'never-signs',
        path: ['parties', i, 'reservation'],
        message: `${party.name} can never sign: the best text for it is worth ${round1(r.best)}, below its walk-away ${r.walkAway}. Lower "reservation" to ${Math.floor(r.best)} or less, or raise its values.`,
      });
    }
  }
  return out;
}

/** The choices of a point: its options, and "omit" when it may be dropped. */
const choicesOf = (p: Scenario['points'][number]) => [...p.options.map((o) => o.id), ...(p.omittable ? [OMIT] : [])];

function redLinesCoverPoint(s: Scenario): LintWarning[] {
  const out: LintWarning[] = [];
  s.parties.forEach((party, i) => {
    if (party.role === 'mediator') return;
    for (const point of s.points) {
      const choices = choicesOf(point);
      const refused = new Set(party.redLines.filter((l) => l.when.length === 1 && l.when[0]!.point === point.id).map((l) => l.when[0]!.option));
      if (choices.every((c) => refused.has(c))) {
        const first = party.redLines.findIndex((l) => l.when.length === 1 && l.when[0]!.point === point.id);
        out.push({
          code: 'red-lines-cover-point',
          path: ['parties', i, 'redLines', first],
          message: `${party.name}'s red lines exclude every option of point "${point.id}" (${point.title}), so it can sign no text. Lift one of them, or add an option it accepts.`,
        });
      }
    }
  });
  return out;
}

function uncontestedAndDominated(s: Scenario): LintWarning[] {
  const out: LintWarning[] = [];
  const inLine = new Set<string>();
  for (const party of s.parties) for (const l of party.redLines) for (const c of l.when) inLine.add(`${c.point}\u0000${c.option}`);
  s.points.forEach((point, i) => {
    const choices = choicesOf(point);
    if (choices.length < 2) return;
    const weighing = s.parties.filter((p) => (p.weights[point.id] ?? 0) > 0);
    if (weighing.length === 0) return;
    const value = (p: Scenario['parties'][number], c: string) => p.values[point.id]?.[c] ?? (c === OMIT ? 50 : 0);
    // Uncontested: one choice every party that weighs the point likes best, and no red line on it.
    const favourites = weighing.map((p) => {
      const best = Math.max(...choices.map((c) => value(p, c)));
      return new Set(choices.filter((c) => value(p, c) === best));
    });
    const shared = choices.filter((c) => favourites.every((f) => f.has(c)));
    const contestedByLine = choices.some((c) => inLine.has(`${point.id}\u0000${c}`));
    if (shared.length > 0 && !contestedByLine) {
      const label = shared[0] === OMIT ? 'dropping it' : `"${point.options.find((o) => o.id === shared[0])?.label ?? shared[0]}"`;
      out.push({
        code: 'uncontested-point',
        path: ['points', i],
        message: `point "${point.id}" is uncontested: every party that weighs it likes ${label} best, so it needs no negotiation. Give some party a different preference, or remove the point.`,
      });
      return;
    }
    // Dominated: another choice, on no red line, that no party values less and one values more.
    point.options.forEach((option, j) => {
      const better = choices.find((c) => {
        if (c === option.id || inLine.has(`${point.id}\u0000${c}`)) return false;
        let strict = false;
        for (const p of weighing) {
          const d = value(p, c) - value(p, option.id);
          if (d < 0) return false;
          if (d > 0) strict = true;
        }
        return strict;
      });
      if (better === undefined) return;
      const name = better === OMIT ? 'dropping the point' : `"${better}"`;
      out.push({
        code: 'dominated-option',
        path: ['points', i, 'options', j],
        message: `option "${option.id}" of point "${point.id}" is dominated by ${name}: no party values it more and some value it less, so nobody would choose it. Make it better for some party, or remove it.`,
      });
    });
  });
  return out;
}

/** Label size as the map draws it, estimated from character counts (the map measures real text). */
function labelBox(s: Scenario, venue: Scenario['venues'][number]): { width: number; height: number } {
  const names = s.parties.filter((p) => p.home === venue.id).map((p) => p.name);
  const width = Math.max(venue.name.length * MAP.labelSize * 0.6, ...names.map((n) => MAP.partySwatch + 6 + n.length * MAP.partySize * 0.55));
  return { width: Math.ceil(width + 14), height: Math.ceil(MAP.labelSize * 1.2 + names.length * MAP.partySize * 1.2 + 5) };
}

function labelsCollide(s: Scenario): LintWarning[] {
  if (s.venues.length < 2) return [];
  const { width, height } = LINT_STAGE;
  const projection = fitMercator(s.venues, width, height, MAP.margins, MAP.minSpanDegrees, MAP.maxPxPerDegree);
  const anchors = s.venues.map((v) => projection.project(v.lon, v.lat));
  const marks: Rect[] = anchors.map((p) => ({ x: p.x - MAP.markerHalo, y: p.y - MAP.markerHalo, width: 2 * MAP.markerHalo, height: 2 * MAP.markerHalo }));
  const boxes = s.venues.map((v) => labelBox(s, v));
  const placed = placeLabels(anchors.map((anchor, i) => ({ anchor, ...boxes[i]! })), { x: 4, y: 4, width: width - 8, height: height - 8 }, marks, MAP.labelGap);
  const hit = (a: Rect, b: Rect) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;
  const out: LintWarning[] = [];
  const reported = new Set<number>();
  for (let j = 1; j < s.venues.length; j++) {
    for (let i = 0; i < j; i++) {
      const close = Math.hypot(anchors[i]!.x - anchors[j]!.x, anchors[i]!.y - anchors[j]!.y) < 2 * MAP.markerHalo;
      if (!close && !hit(placed[i]!, placed[j]!) && !hit(placed[j]!, marks[i]!) && !hit(placed[i]!, marks[j]!)) continue;
      if (reported.has(j)) continue;
      reported.add(j);
      out.push({
        code: 'labels-collide',
        path: ['venues', j],
        message: `venues "${s.venues[i]!.id}" and "${s.venues[j]!.id}" are so close that their labels collide on the map (at ${width}×${height}). Move one apart (lat/lon), or meet both parties at one venue.`,
      });
    }
  }
  return out;
}

/** Fewest days of travel from a venue to every other, over the routes. */
function travelFrom(s: Scenario, from: string): Map<string, number> {
  const dist = new Map<string, number>([[from, 0]]);
  const done = new Set<string>();
  for (;;) {
    let at: string | null = null;
    for (const [v, d] of dist) if (!done.has(v) && (at === null || d < dist.get(at)!)) at = v;
    if (at === null) return dist;
    done.add(at);
    const here = dist.get(at)!;
    for (const r of s.travel) {
      const next = r.from === at ? r.to : r.to === at ? r.from : null;
      if (next === null) continue;
      if (here + r.days < (dist.get(next) ?? Infinity)) dist.set(next, here + r.days);
    }
  }
}

function unreachableParties(s: Scenario): LintWarning[] {
  const mediator = s.parties.find((p) => p.role === 'mediator');
  if (!mediator || mediator.envoys.length === 0) return [];
  const from = new Map<string, Map<string, number>>();
  const travel = (venue: string) => from.get(venue) ?? from.set(venue, travelFrom(s, venue)).get(venue)!;
  // Where each envoy is on a start's first day: the start's placement (`envoys:`), else its own start.
  const placed = (st: Scenario['starts'][number]) => mediator.envoys.map((e) => st.envoys?.[e.id] ?? e.start ?? mediator.home);
  const rule = ruleOf(s);
  const out: LintWarning[] = [];
  s.parties.forEach((party, i) => {
    const matters = rule.signatories.includes(party.id) || party.holds.length > 0;
    if (party.role === 'mediator' || !matters) return;
    const late = s.starts.flatMap((st) => {
      const need = Math.min(...placed(st).map((v) => travel(v).get(party.home) ?? Infinity));
      const left = daysBetween(st.date ?? s.calendar.start, s.calendar.deadline);
      return need > left ? [{ st, need, left }] : [];
    });
    if (late.length === 0) return;
    const each = late.map(({ st, need, left }) => `from start "${st.id}" the nearest envoy needs ${need === Infinity ? 'a route that does not exist' : `${need} days`}, ${left} ${left === 1 ? 'is' : 'are'} left`);
    const placedByStart = late.some(({ st }) => st.envoys !== undefined && Object.keys(st.envoys).length > 0);
    out.push({
      code: 'unreachable-party',
      path: ['parties', i, 'home'],
      message: `no envoy can reach ${party.name} (at "${party.home}") before the deadline: ${each.join('; ')}. Add a shorter route in "travel", start an envoy nearer ("start"${placedByStart ? ', or the start\'s "envoys"' : ''}), or move the deadline.`,
    });
  });
  return out;
}

function eventsOutsideCalendar(s: Scenario): LintWarning[] {
  const start = isoToDay(s.calendar.start);
  const end = isoToDay(s.calendar.deadline);
  const out: LintWarning[] = [];
  s.events.forEach((ev, i) => {
    if (ev.chance === undefined) return;
    const from = ev.from === undefined ? start : isoToDay(ev.from);
    const until = ev.until === undefined ? end : isoToDay(ev.until);
    if (from > end || until < start) {
      out.push({
        code: 'event-outside-calendar',
        path: ['events', i, from > end ? 'from' : 'until'],
        message: `event "${ev.id}" can never happen: its window (${ev.from ?? s.calendar.start} to ${ev.until ?? s.calendar.deadline}) lies outside the calendar (${s.calendar.start} to ${s.calendar.deadline}). Move its dates, or remove it.`,
      });
    } else if (ev.chance === 0) {
      out.push({ code: 'event-outside-calendar', path: ['events', i, 'chance'], message: `event "${ev.id}" can never happen: its chance is 0. Give it a chance above 0, or remove it.` });
    }
  });
  return out;
}

function startsPastDeadline(s: Scenario): LintWarning[] {
  const out: LintWarning[] = [];
  s.starts.forEach((st, i) => {
    if (st.date === undefined) return;
    const day = isoToDay(st.date);
    if (day >= isoToDay(s.calendar.deadline)) {
      out.push({
        code: 'start-past-deadline',
        path: ['starts', i, 'date'],
        message: `start "${st.id}" begins on the deadline (${s.calendar.deadline}): it leaves no day to negotiate. Start earlier, or move the deadline.`,
      });
      return;
    }
    const past = s.calendar.softDeadlines.filter((d) => isoToDay(d.date) < day);
    if (past.length > 0) {
      out.push({
        code: 'start-past-deadline',
        path: ['starts', i, 'date'],
        message: `start "${st.id}" begins on ${st.date}, after the soft deadline${past.length > 1 ? 's' : ''} ${past.map((d) => `"${d.label}" (${d.date})`).join(', ')}: already past, ${past.length > 1 ? 'they' : 'it'} never fire${past.length > 1 ? '' : 's'} from this start. Move the start or the soft deadline.`,
      });
    }
  });
  return out;
}
