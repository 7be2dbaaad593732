/**
 * The `oracle` bot reads the hidden truth: an upper bound on what play can reach. It drafts
 * the text every required party is closest to accepting, tables it, and calls the summit the
 * moment the leaders would meet and agree.
 */
import { absentParties, openPointsNow, quickJudgeNow, summitRefusal } from '../negotiationMachine.ts';
import { required, ruleOf } from '../ratification.ts';
import { settleAtSummit } from '../summit.ts';
import type { PlanText } from '../text.ts';
import type { Bot } from './bot.ts';
import { summitMove } from './summitPlay.ts';
import { counterparts, routes, travelToward } from './common.ts';
import { diff, improveText } from './textSearch.ts';

export function oracleBot(): Bot {
  let draftedOn = -1;
  const met = new Map<string, number>();
  return {
    name: 'oracle',
    next(game) {
      const view = game.view();
      const truth = game.truth();
      const scenario = game.scenario;
      const costs = scenario.mediator.costs;
      const can = (type: string, envoy?: string, party?: string) =>
        view.legal.some((c) => c.type === type && (!envoy || ('envoy' in c && c.envoy === envoy)) && (!party || ('party' in c && c.party === party)));

      // One judge for this decision: the truth does not change while the bot thinks.
      const judge = quickJudgeNow(truth);
      // At the summit: propose what the leaders would settle on, read from the truth.
      const atSummit = summitMove(view, scenario, (open) => {
        const settled = settleAtSummit(scenario, truth.text, open, judge, scenario.summit.leaderFlex, absentParties(truth));
        return settled ? open.map((p) => ({ point: p, option: settled.text[p]!.option })) : [];
      });
      if (atSummit) return atSummit;
      if (can('summit.call') && summitRefusal(truth) === null) {
        const open = openPointsNow(truth, truth.text, judge).points;
        if (settleAtSummit(scenario, truth.text, open, judge, scenario.summit.leaderFlex, absentParties(truth))) {
          return { type: 'summit.call' };
        }
      }
      if (draftedOn !== view.day) {
        draftedOn = view.day;
        const parties = required(ruleOf(scenario));
        const max = scenario.summit.maxOpenPoints;
        // Aim for the text the leaders would meet on and settle best; failing that, the fewest open points.
        const score = (t: PlanText, floor: number) => {
          const gaps = parties.map((id) => judge(id, t).gap);
          const closeness = Math.min(...gaps) / 100;
          // Too many open points (or a party too far apart) scores −10 a point and −50 a party: once
          // those found so far put the text at or below the floor, the other parties need not be asked.
          const tooMany = (points: number, farApart: number) => (farApart > 0 || points > max) && -10 * (points + 5 * farApart) + closeness <= floor;
          const open = openPointsNow(truth, t, judge, tooMany);
          if (open.farApart.length > 0 || open.points.length > max) return -10 * (open.points.length + 5 * open.farApart.length) + closeness;
          const settled = settleAtSummit(scenario, t, open.points, judge, scenario.summit.leaderFlex, absentParties(truth));
          return settled ? 1000 + Math.min(...Object.values(settled.margins)) : closeness;
        };
        const changes = diff(truth.text, improveText(scenario, truth.text, score));
        if (changes.length > 0) return { type: 'text.package', changes };
      }
      // Every counterpart needs the current text tabled (and a walked-out party coaxing back).
      const others = counterparts(view);
      const needs = (id: string) => {
        const p = view.parties.find((x) => x.id === id)!;
        return p.state === 'walkedOut' || !p.answer?.current;
      };
      for (const [envoyId, venue] of Object.entries(routes(view, scenario, needs))) {
        const move = travelToward(view, scenario, envoyId, venue);
        if (move) return move;
        for (const party of view.parties.filter((p) => others.includes(p.id) && p.home === venue)) {
          const partyId = party.id;
          if ((party.state === 'walkedOut' || met.get(partyId) !== view.day) && can('envoy.meet', envoyId, partyId)) {
            met.set(partyId, view.day);
            return { type: 'envoy.meet', envoy: envoyId, party: partyId };
          }
          if (!party.answer?.current && can('envoy.table', envoyId, partyId) && view.capital - costs.table >= costs.summit) {
            return { type: 'envoy.table', envoy: envoyId, party: partyId };
          }
        }
      }
      return { type: 'day.end' };
    },
  };
}
