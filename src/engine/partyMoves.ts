/**
 * What a person in a party seat does on its own initiative: public statements (a red line on
 * a point, flexibility on a point) and consulting an ally. Statements are honest and public:
 * every seat learns what they reveal. Pure steps over the negotiation context.
 */
import type { PartyCommand } from './commands.ts';
import { hiddenRedLine, revealPoint, revealRedLine, revealWidth, topicOfMeeting, type Knowledge } from './knowledge.ts';
import { notice, partyContext, partyName, pointTitle, type NegotiationContext } from './negotiationMachine.ts';
import { RngCursor } from './rng.ts';
import { step, type Step } from './steps.ts';

type Move = Extract<PartyCommand, { type: 'party.signal' | 'party.consult' }> & { party: string };

/** Apply the same change to the mediator's knowledge and every seat's. */
function toEveryone(ctx: NegotiationContext, f: (k: Knowledge) => Knowledge): Pick<NegotiationContext, 'knowledge' | 'seatKnowledge'> {
  return {
    knowledge: f(ctx.knowledge),
    seatKnowledge: Object.fromEntries(Object.entries(ctx.seatKnowledge).map(([id, k]) => [id, f(k)])),
  };
}

function spend(ctx: NegotiationContext, party: string): Record<string, number> {
  return { ...ctx.partyActions, [party]: (ctx.partyActions[party] ?? 0) - 1 };
}

export function partyMove(ctx: NegotiationContext, e: Move): Step {
  const pc = partyContext(ctx, e.party)!;
  const name = pc.party.name;
  if (e.type === 'party.signal') {
    const title = pointTitle(ctx, e.point);
    if (e.stance === 'redLine') {
      const lines = pc.party.redLines.filter((l) => l.when.some((c) => c.point === e.point));
      const known = toEveryone(ctx, (k) => lines.reduce((acc, l) => revealRedLine(acc, e.party, l.id), k));
      const text = `${name} stated publicly that “${title}” touches its red line${lines.length > 1 ? 's' : ''}: ${lines.map((l) => l.reason).join(' ')}`;
      return step({ ...known, partyActions: spend(ctx, e.party), journal: [...ctx.journal, notice(ctx, 'statement.redLine', text, { party: e.party })] });
    }
    const rng = new RngCursor(ctx.rng);
    const width = revealWidth(pc.mood.trust, ctx.difficulty);
    const known = toEveryone(ctx, (k) => revealPoint(k, ctx.scenario, pc.party, e.point, width, rng));
    const text = `${name} signalled publicly that it is flexible on “${title}”.`;
    return step({ ...known, rng: rng.state, partyActions: spend(ctx, e.party), journal: [...ctx.journal, notice(ctx, 'statement.flexible', text, { party: e.party })] });
  }
  // Consulting an ally: the ally says what each other government can live with, and its own red lines.
  const ally = partyContext(ctx, e.ally)!;
  const rng = new RngCursor(ctx.rng);
  let knowledge = ctx.seatKnowledge[e.party] ?? {};
  const learned: string[] = [];
  for (const party of ctx.scenario.parties) {
    if (party.role !== 'signatory' || party.id === e.party) continue;
    const pk = knowledge[party.id];
    if (!pk) continue;
    const line = hiddenRedLine(pk, party);
    if (line) {
      knowledge = revealRedLine(knowledge, party.id, line);
      learned.push(`a red line of ${party.name}`);
      continue;
    }
    const topic = topicOfMeeting(pk, party);
    if (topic) {
      knowledge = revealPoint(knowledge, ctx.scenario, party, topic, revealWidth(ally.mood.trust, ctx.difficulty), rng);
      learned.push(`${party.name}'s view of “${pointTitle(ctx, topic)}”`);
    }
  }
  for (const line of ally.party.redLines) knowledge = revealRedLine(knowledge, e.ally, line.id);
  const text = `${name} consulted ${partyName(ctx, e.ally)}${learned.length > 0 ? ` and learned ${learned.join(', ')}` : ''}.`;
  return step({
    rng: rng.state,
    seatKnowledge: { ...ctx.seatKnowledge, [e.party]: knowledge },
    partyActions: spend(ctx, e.party),
    journal: [...ctx.journal, notice(ctx, 'allies.consulted', text, { party: e.party, to: [e.party, e.ally] })],
  });
}
