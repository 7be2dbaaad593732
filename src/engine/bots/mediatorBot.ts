/**
 * The `mediator` bot: a competent player that uses only what the player's view reveals.
 * It sends an envoy to each party, meets to learn and build trust, drafts the text that
 * looks fairest on what it knows (largest smallest estimated margin, no known red line),
 * tables it, presses a party that holds out late, and calls the summit when the answers
 * say the leaders would meet.
 */
import { mid } from '../knowledge.ts';
import { required } from '../ratification.ts';
import type { Bot } from './bot.ts';
import { summitMove } from './summitPlay.ts';
import { counterparts, estimator, guardians, routes, travelToward } from './common.ts';
import { crossesLine } from '../evaluate.ts';
import { diff, improveText } from './textSearch.ts';
import { compact, type PlanText } from '../text.ts';
import type { PlayerView } from '../view.ts';

export function mediatorBot(): Bot {
  /** Day of the last meeting with each party, so a party is met once a day. */
  const met = new Map<string, number>();
  const pressed = new Map<string, number>();
  let draftedOn = -1;
  let summonedFor = -1;
  return {
    name: 'mediator',
    next(game) {
      const view = game.view();
      const costs = game.scenario.mediator.costs;
      const can = (type: string, envoy?: string, party?: string) =>
        view.legal.some((c) => c.type === type && (!envoy || ('envoy' in c && c.envoy === envoy)) && (!party || ('party' in c && c.party === party)));

      // At the summit: open with the options that look fairest on what it knows, then take up demands.
      // The points open at the summit are on the table: the search may choose them too (a deferred point is otherwise left as it stands).
      const atSummit = summitMove(view, game.scenario, (open) => {
        const onTable: PlanText = compact(Object.fromEntries(Object.entries(view.text).map(([p, c]) => [p, open.includes(p) ? { option: c.option, deferred: false } : c])));
        return diff(onTable, bestEstimate(view, game.scenario, onTable)).filter((c) => open.includes(c.point));
      });
      if (atSummit) return atSummit;

      // Call the leaders when the answers say they would meet, once per version of the text.
      if (view.summit.ready && summonedFor !== view.version && can('summit.call')) {
        summonedFor = view.version;
        return { type: 'summit.call' };
      }

      // A party needs an envoy until it has been met and has answered the current text.
      const needs = (id: string) => {
        const p = view.parties.find((x) => x.id === id)!;
        return p.state === 'walkedOut' || !met.has(id) || !p.answer?.current;
      };
      const plan = routes(view, game.scenario, needs);

      // Redraft once a day, before tabling, on what is known now: once the envoys are where they are going.
      if (draftedOn !== view.day && view.envoys.every((e) => e.to === null && (plan[e.id] ?? e.at) === e.at)) {
        draftedOn = view.day;
        const target = bestEstimate(view, game.scenario);
        const changes = diff(view.text, target);
        if (changes.length > 0) return { type: 'text.package', changes };
      }

      const reserve = costs.summit + costs.failedSummit;
      const others = counterparts(view);
      for (const [envoyId, home] of Object.entries(plan)) {
        const move = travelToward(view, game.scenario, envoyId, home);
        if (move) return move;
        // Work with every party met where the envoy is.
        for (const party of view.parties.filter((p) => others.includes(p.id) && p.home === home)) {
          const partyId = party.id;
          if (party.state === 'walkedOut' && can('envoy.meet', envoyId, partyId)) return { type: 'envoy.meet', envoy: envoyId, party: partyId };
          // Learn first; then, with actions scarce, put the current text before meeting again.
          const lastMet = met.get(partyId);
          if (lastMet === undefined && can('envoy.meet', envoyId, partyId)) {
            met.set(partyId, view.day);
            return { type: 'envoy.meet', envoy: envoyId, party: partyId };
          }
          // Positions soften with time: ask again every other day even if the text has not changed.
          const stale = !party.answer?.current || view.day - party.answer.day >= 2;
          if (stale && can('envoy.table', envoyId, partyId) && view.capital - costs.table >= reserve) {
            return { type: 'envoy.table', envoy: envoyId, party: partyId };
          }
          if (lastMet !== view.day && can('envoy.meet', envoyId, partyId)) {
            met.set(partyId, view.day);
            return { type: 'envoy.meet', envoy: envoyId, party: partyId };
          }
          // Press a party that still holds out once the deadline nears, if capital allows.
          const late = view.daysLeft <= Math.max(3, Math.floor((view.daysLeft + view.day) / 3));
          if (late && party.answer?.current && party.answer.kind === 'rejected' && party.answer.redLines.length === 0 &&
              pressed.get(partyId) !== view.day && party.trust > 30 && view.capital - costs.press >= reserve && can('envoy.press', envoyId, partyId)) {
            pressed.set(partyId, view.day);
            return { type: 'envoy.press', envoy: envoyId, party: partyId };
          }
        }
      }
      return { type: 'day.end' };
    },
  };
}

/** The text with the largest smallest estimated margin, avoiding every red line the player knows. */
function bestEstimate(view: PlayerView, scenario: import('../../scenario/schema.ts').Scenario, from: PlanText = view.text): PlanText {
  const watch = guardians(view, scenario);
  // Worked out once per search, not per candidate text: the known lines to avoid and each judge's estimate.
  const lines = view.parties.filter((p) => watch.includes(p.id)).flatMap((p) => p.knownRedLines);
  // Each signatory once (as a map by id would keep it), in the order of the rule.
  const judges = [...new Set(view.rule.signatories)].flatMap((id) => {
    const pk = view.parties.find((p) => p.id === id)?.knowledge;
    return pk ? [{ id, estimate: estimator(pk), reservation: mid(pk.reservation) }] : [];
  });
  // The text must satisfy every veto holder and enough others to make up the count.
  const vetoes = required(view.rule).map((v) => judges.findIndex((j) => j.id === v));
  const margins = judges.map(() => 0);
  const sorted = judges.map(() => 0);
  const kthAt = Math.min(judges.length, view.rule.atLeast) - 1;
  const known = judges.map(() => false);
  // The veto holder whose margin last put a text at or below the floor: most often the one again.
  let cut = 0;
  const score = (t: PlanText, floor: number) => {
    // Count the lines crossed, so a text crossing two can still climb to one and then none.
    let crossed = 0;
    for (const l of lines) if (crossesLine(l, t)) crossed++;
    if (crossed > 0) return -1000 * crossed;
    known.fill(false);
    // The score is at most any veto holder's margin: one at or below the floor settles it.
    for (let n = 0; n < vetoes.length; n++) {
      const v = (cut + n) % vetoes.length;
      const i = vetoes[v]!;
      if (i < 0 || known[i]) continue;
      margins[i] = judges[i]!.estimate(t) - judges[i]!.reservation;
      known[i] = true;
      if (margins[i]! <= floor) {
        cut = v;
        return margins[i]!;
      }
    }
    for (let i = 0; i < judges.length; i++) sorted[i] = known[i] ? margins[i]! : (margins[i] = judges[i]!.estimate(t) - judges[i]!.reservation);
    sorted.sort((a, b) => b - a);
    let worst = sorted[kthAt] ?? 0;
    // A veto holder the player knows nothing of does not count (its margin is unknown).
    for (const i of vetoes) worst = Math.min(worst, i >= 0 ? margins[i]! : Infinity);
    return worst;
  };
  return improveText(scenario, from, score);
}
