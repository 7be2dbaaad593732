/**
 * The `greedy` bot: tables the text, gives whoever answered last exactly what it asked for,
 * and calls the summit as soon as the answers say it may. Myopic by design.
 */
import type { Bot } from './bot.ts';
import { summitMove } from './summitPlay.ts';
import { assignments, travelToward } from './common.ts';

export function greedyBot(): Bot {
  return {
    name: 'greedy',
    next(game) {
      const view = game.view();
      const atSummit = summitMove(view, game.scenario);
      if (atSummit) return atSummit;
      if (view.summit.ready && view.legal.some((c) => c.type === 'summit.call')) return { type: 'summit.call' };
      const plan = assignments(view);
      for (const [envoyId, partyId] of Object.entries(plan)) {
        const party = view.parties.find((p) => p.id === partyId)!;
        const move = travelToward(view, game.scenario, envoyId, party.home);
        if (move) return move;
        const answer = party.answer;
        if (answer?.current && answer.kind === 'rejected' && answer.counter && answer.counter.length > 0) {
          return { type: 'text.package', changes: answer.counter };
        }
        const table = { type: 'envoy.table', envoy: envoyId, party: partyId } as const;
        if (!answer?.current && view.legal.some((c) => c.type === table.type && c.envoy === envoyId && c.party === partyId)) return table;
      }
      return { type: 'day.end' };
    },
  };
}
