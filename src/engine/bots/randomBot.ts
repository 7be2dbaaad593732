/** The `random` bot: any legal move, any redraft, at random. A floor for how hard a scenario is. */
import { OMIT } from '../../scenario/omit.ts';
import type { Command } from '../commands.ts';
import type { Bot } from './bot.ts';
import { summitMove } from './summitPlay.ts';
import { optionsOf } from './common.ts';

export function randomBot(): Bot {
  return {
    name: 'random',
    next(game, rng) {
      const view = game.view();
      const atSummit = summitMove(view, game.scenario);
      if (atSummit) return atSummit;
      const roll = rng.next();
      if (roll < 0.2) return { type: 'day.end' };
      if (roll < 0.45) {
        const point = rng.pick(game.scenario.points);
        const clause = view.text[point.id];
        const r = rng.next();
        if (clause?.deferred) return point.leadersOnly ? { type: 'day.end' } : { type: 'text.undefer', point: point.id };
        if (r < 0.1 && clause?.option !== OMIT) return { type: 'text.defer', point: point.id };
        return { type: 'text.redraft', point: point.id, option: rng.pick(optionsOf(game.scenario, point.id)) };
      }
      const moves: Command[] = view.legal.filter((c) => c.type !== 'day.end');
      return moves.length > 0 ? rng.pick(moves) : { type: 'day.end' };
    },
  };
}
