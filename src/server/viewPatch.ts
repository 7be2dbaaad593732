/**
 * A seat's view travels as a patch against the one it was sent before: after a command only
 * what changed goes out (the journal's new entries, the parties whose standing moved), not the
 * whole view again. A connection's first message, and the answer to a `sync`, carry the whole
 * view. Shared by the server (which makes the patches) and the clients (which apply them).
 * Pure data: no Colyseus, no DOM.
 *
 * A patch is made from the seat's own views only (the one sent before and the one now), so it
 * can never hold more than the seat's own view does.
 */
import type { SeatView } from '../engine/seatView.ts';
import type { SeatMessage, SeatStatus, TableStatus } from './protocol.ts';

/** What became of one key of the view. */
export type Op =
  /** A new value. */
  | { set: unknown }
  /** The key is gone. */
  | { drop: true }
  /** An array grew at its end (the journal): these entries follow the ones before. */
  | { append: unknown[] }
  /** An array of the same length with some entries replaced (index → entry). */
  | { at: Record<string, unknown> };

export type Patch = Record<string, Op>;

/** Table → one seat ('view'): a whole view or a patch against the message before it. */
export interface SeatWire {
  seat: string;
  /** Number of this message on this connection. A whole view starts again from its number. */
  n: number;
  /** The whole view (the first message, after a `sync`, after a reconnection). */
  view?: SeatView;
  /** What changed since message n − 1. */
  patch?: Patch;
  /** The table's clock and lesson state, when they changed (always with a whole view). */
  status?: TableStatus;
  /** Who sits where, when it changed (always with a whole view). */
  seats?: SeatStatus[];
  ref?: number;
}

/** Equal as JSON (keys whose value is undefined count as absent); the same object is equal at once. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** The op that turns array `a` into `b`, or null when they are equal. */
function arrayOp(a: unknown[], b: unknown[]): Op | null {
  if (a === b) return null;
  let prefix = 0;
  const common = Math.min(a.length, b.length);
  while (prefix < common && sameJson(a[prefix], b[prefix])) prefix++;
  if (prefix === a.length) return b.length === a.length ? null : { append: b.slice(a.length) };
  if (a.length !== b.length) return { set: b };
  const at: Record<string, unknown> = {};
  let changed = 0;
  for (let i = prefix; i < b.length; i++) {
    if (sameJson(a[i], b[i])) continue;
    at[i] = b[i];
    changed++;
  }
  return changed === b.length ? { set: b } : { at };
}

/** What changed from `before` to `after` (top-level keys; arrays by entry); null when nothing did. */
export function diff(before: object, after: object): Patch | null {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  if (a === b) return null;
  const patch: Patch = {};
  let any = false;
  for (const k in b) {
    const nv = b[k];
    if (nv === undefined) continue;
    const pv = a[k];
    const op = pv === undefined ? { set: nv }
      : Array.isArray(pv) && Array.isArray(nv) ? arrayOp(pv, nv)
      : sameJson(pv, nv) ? null : { set: nv };
    if (op) {
      patch[k] = op;
      any = true;
    }
  }
  for (const k in a) {
    if (a[k] !== undefined && b[k] === undefined) {
      patch[k] = { drop: true };
      any = true;
    }
  }
  return any ? patch : null;
}

/** `before` with `patch` applied (a new object; unchanged values are shared); null when the patch does not fit. */
export function applyPatch<T extends object>(before: T, patch: Patch): T | null {
  const out: Record<string, unknown> = { ...(before as Record<string, unknown>) };
  for (const [k, op] of Object.entries(patch)) {
    if ('set' in op) out[k] = op.set;
    else if ('drop' in op) delete out[k];
    else if ('append' in op) {
      const prev = out[k];
      if (!Array.isArray(prev) || !Array.isArray(op.append)) return null;
      out[k] = [...(prev as unknown[]), ...op.append];
    } else if ('at' in op) {
      const prev = out[k];
      if (!Array.isArray(prev)) return null;
      const next = [...(prev as unknown[])];
      for (const [i, v] of Object.entries(op.at)) {
        const index = Number(i);
        if (!Number.isInteger(index) || index < 0 || index >= next.length) return null;
        next[index] = v;
      }
      out[k] = next;
    } else return null;
  }
  return out as T;
}

/** JSON of a value, worked out once for the object (the table passes the same status and seats to every seat). */
const keys = new WeakMap<object, string>();
function jsonKey(value: object): string {
  let key = keys.get(value);
  if (key === undefined) keys.set(value, (key = JSON.stringify(value)));
  return key;
}

/** The server's side of one connection: what it was sent last, so the next message is only what changed. */
export class SeatSender {
  private n = 0;
  private view: SeatView | null = null;
  private status = '';
  private seats = '';

  /** The next message for this connection, or null when nothing changed and there is no `ref` to answer. */
  next(seat: string, view: SeatView, status: TableStatus, seats: SeatStatus[], ref?: number, whole = false): SeatWire | null {
    const statusKey = jsonKey(status);
    const seatsKey = jsonKey(seats);
    let wire: SeatWire;
    if (whole || this.view === null) {
      wire = { seat, n: ++this.n, view, status, seats };
    } else {
      const patch = diff(this.view, view);
      const statusChanged = statusKey !== this.status;
      const seatsChanged = seatsKey !== this.seats;
      if (!patch && !statusChanged && !seatsChanged && ref === undefined) return null;
      wire = { seat, n: ++this.n, ...(patch ? { patch } : {}), ...(statusChanged ? { status } : {}), ...(seatsChanged ? { seats } : {}) };
    }
    if (ref !== undefined) wire.ref = ref;
    this.view = view;
    this.status = statusKey;
    this.seats = seatsKey;
    return wire;
  }
}

/** The client's side: rebuilds each whole seat message from the wire. */
export class SeatFeed {
  private last: SeatMessage | null = null;
  private n = 0;
  private asked = false;

  /** `resync` asks the table for the whole view again (a `sync` message). */
  constructor(private readonly resync: () => void) {}

  /**
   * The seat's whole message after `wire`, or null when a patch does not follow on from what
   * this feed has: it then asks for the whole view (once) and drops patches until it comes.
   */
  receive(wire: SeatWire): SeatMessage | null {
    let message: SeatMessage | null = null;
    if (wire.view && wire.status && wire.seats) {
      message = { seat: wire.seat, view: wire.view, status: wire.status, seats: wire.seats };
    } else if (this.last && wire.n === this.n + 1 && wire.seat === this.last.seat) {
      const view = wire.patch ? applyPatch(this.last.view, wire.patch) : this.last.view;
      if (view) message = { seat: wire.seat, view, status: wire.status ?? this.last.status, seats: wire.seats ?? this.last.seats };
    }
    if (!message) {
      this.last = null;
      if (!this.asked) this.resync();
      this.asked = true;
      return null;
    }
    this.asked = false;
    this.n = wire.n;
    this.last = message;
    return wire.ref === undefined ? message : { ...message, ref: wire.ref };
  }
}
