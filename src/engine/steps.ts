/**
 * A step: what one rule does to the negotiation — a patch of its context and the events it
 * sends to party actors. Steps are pure; the negotiation machine applies them. Small steps
 * compose into larger ones (each sees the context the previous one left).
 */
import type { ActorRefFrom } from 'xstate';
import type { NegotiationContext } from './negotiationMachine.ts';
import type { PartyEvent, partyMachine } from './partyMachine.ts';

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

/** What the machine's `enqueueActions` offers that a step needs. */
export interface Enqueue {
  assign(patch: Partial<NegotiationContext>): void;
  sendTo(ref: ActorRefFrom<typeof partyMachine>, event: PartyEvent): void;
}

/** Apply a step inside a machine action: the patch (after `before`), then the events to parties still at the table. */
export function applyStep(ctx: NegotiationContext, enqueue: Enqueue, s: Step, before: Partial<NegotiationContext> = {}): void {
  enqueue.assign({ ...before, ...s.patch });
  for (const [id, event] of s.sends) {
    const ref = ctx.parties[id];
    if (ref && ref.getSnapshot().status === 'active') enqueue.sendTo(ref, event);
  }
}
