/**
 * A step: what one rule does to the negotiation — a patch of its context and the events it
 * sends to party actors. Steps are pure; the negotiation machine applies them. Small steps
 * compose into larger ones (each sees the context the previous one left).
 */
import type { AnyActorRef } from 'xstate';
import type { NegotiationContext } from './negotiationMachine.ts';
import type { PartyEvent } from './partyMachine.ts';

export interface Step {
  patch: Partial<NegotiationContext>;
  sends: [string, PartyEvent][];
}

export const noStep: Step = { patch: {}, sends: [] };

export function step(patch: Partial<NegotiationContext>, sends: [string, PartyEvent][] = []): Step {
  return { patch, sends };
}

/** Run steps one after another, each on the context the previous one left. Pure. */
export function chain(ctx: NegotiationContext, ...fs: ((c: NegotiationContext) => Step)[]): Step {
  let current = ctx;
  const patch: Partial<NegotiationContext> = {};
  const sends: [string, PartyEvent][] = [];
  for (const f of fs) {
    const s = f(current);
    Object.assign(patch, s.patch);
    current = { ...current, ...s.patch };
    sends.push(...s.sends);
  }
  return { patch, sends };
}

/** The event the negotiation sends itself once parties have heard news or the day's passing (see `heard`). */
export interface PartiesHeard {
  type: 'parties.heard';
  parties: string[];
}

/** What the machine's `enqueueActions` offers that a step needs: its context, its queue of actions, and itself. */
export interface StepArgs {
  context: NegotiationContext;
  enqueue: {
    assign(patch: Partial<NegotiationContext>): void;
    sendTo(ref: AnyActorRef, event: PartyEvent | PartiesHeard): void;
  };
  self: AnyActorRef;
}

/**
 * After events that move parties' moods (news, the day's passing), tell the negotiation which
 * parties heard them, so it takes their rows of the day's trace. Sent to itself after the events
 * to the parties: it arrives once every party has heard them, in one event instead of a reply
 * from each.
 */
export function heard({ enqueue, self }: StepArgs, parties: string[]): void {
  if (parties.length > 0) enqueue.sendTo(self, { type: 'parties.heard', parties });
}

/** Apply a step inside a machine action: the patch (after `before`), then the events to parties still at the table. */
export function applyStep(args: StepArgs, s: Step, before: Partial<NegotiationContext> = {}): void {
  const { context: ctx, enqueue } = args;
  const patch = { ...before, ...s.patch };
  // An empty patch would only copy the context (the close of a day with no requests waiting).
  if (Object.keys(patch).length > 0) enqueue.assign(patch);
  const moved: string[] = [];
  for (const [id, event] of s.sends) {
    const ref = ctx.parties[id];
    if (!ref || ref.getSnapshot().status !== 'active') continue;
    enqueue.sendTo(ref, event);
    if (event.type === 'news.arrived' && !moved.includes(id)) moved.push(id);
  }
  heard(args, moved);
}
