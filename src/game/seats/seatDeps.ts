/**
 * What the party-seat components need from whoever runs the table: the seat's view comes in
 * through `update`, commands go out through `send`. On one device `send` is the table's own;
 * in a live class it goes over the network (the answer may come later, hence the promise).
 */
import type { PartyCommand } from '../../engine/commands.ts';

export type SeatCommandOut = PartyCommand | { type: 'day.end' };
export type SendOutcome = { ok: true } | { ok: false; reason: string };

export interface SeatDeps {
  send(command: SeatCommandOut): SendOutcome | Promise<SendOutcome>;
}

/** Send and report a refusal (a reason) or null, whether the sender answers at once or later. */
export async function sendFor(deps: SeatDeps, command: SeatCommandOut): Promise<string | null> {
  const r = await deps.send(command);
  return r.ok ? null : r.reason;
}
