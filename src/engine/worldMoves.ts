/**
 * The teacher's (world authority's) moves: news from the scenario's events or written on the
 * spot, a party's red line lifted or restored, its patience or trust shifted. Logged and
 * replayed like every other command. Pure steps over the negotiation context.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { WorldCommand } from './commands.ts';
import { newsText, notice, partyName, reportNews, type NegotiationContext } from './negotiationMachine.ts';
import type { PartyEvent } from './partyMachine.ts';
import { RngCursor } from './rng.ts';
import { step, type Step } from './steps.ts';

type Move = Extract<WorldCommand, { type: 'world.event' | 'world.news' | 'world.redLine' | 'world.mood' }>;

/** The scenario with one party's red lines replaced. Pure. */
function withRedLines(scenario: Scenario, partyId: string, redLines: Scenario['parties'][number]['redLines']): Scenario {
  return { ...scenario, parties: scenario.parties.map((p) => (p.id === partyId ? { ...p, redLines } : p)) };
}

export function worldMove(ctx: NegotiationContext, e: Move): Step {
  switch (e.type) {
    case 'world.event': {
      const ev = ctx.scenario.events.find((x) => x.id === e.event)!;
      const journal = [...ctx.journal];
      const sends: [string, PartyEvent][] = [];
      const rng = new RngCursor(ctx.rng);
      const idOf = (ref: unknown) => Object.keys(ctx.parties).find((id) => ctx.parties[id] === ref)!;
      const { knowledge, capital } = reportNews(ctx, [ev], rng, (text) => journal.push(notice(ctx, 'news.reported', text)), (ref, pe) => sends.push([idOf(ref), pe]));
      return step({ journal, knowledge, capital, rng: rng.state, fired: [...ctx.fired, ev.id] }, sends);
    }
    case 'world.news':
      return step({ journal: [...ctx.journal, notice(ctx, 'news.reported', newsText(e.headline, e.text ?? ''))] });
    case 'world.redLine': {
      const base = ctx.baseScenario.parties.find((p) => p.id === e.party)!;
      const current = ctx.scenario.parties.find((p) => p.id === e.party)!;
      const keep = new Set(current.redLines.map((l) => l.id));
      if (e.lifted) keep.delete(e.line);
      else keep.add(e.line);
      const redLines = base.redLines.filter((l) => keep.has(l.id));
      const line = base.redLines.find((l) => l.id === e.line)!;
      const text = e.lifted
        ? `${partyName(ctx, e.party)}'s government no longer holds this red line: ${line.reason}`
        : `${partyName(ctx, e.party)}'s government holds this red line again: ${line.reason}`;
      return step(
        { scenario: withRedLines(ctx.scenario, e.party, redLines), journal: [...ctx.journal, notice(ctx, 'redLine.changed', text, { party: e.party, to: [e.party] })] },
        [[e.party, { type: 'redLines.changed', redLines }]],
      );
    }
    case 'world.mood': {
      const parts = [e.patience ? `patience ${e.patience > 0 ? '+' : ''}${e.patience}` : '', e.trust ? `trust ${e.trust > 0 ? '+' : ''}${e.trust}` : ''].filter(Boolean);
      return step(
        { journal: [...ctx.journal, notice(ctx, 'mood.changed', `Events at home move ${partyName(ctx, e.party)}: ${parts.join(', ')}.`, { party: e.party, to: [e.party] })] },
        [[e.party, { type: 'news.arrived', ...(e.patience ? { patience: e.patience } : {}), ...(e.trust ? { trust: e.trust } : {}) }]],
      );
    }
  }
}
