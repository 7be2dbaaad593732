/**
 * The teacher's console gets the whole class state once (on joining, on `sync`), then only what
 * changed ('class.patch'): with 40 tables the whole state is about 120 KB as JSON and went out up
 * to three times a second, most of it unchanged tables. Each console's patch is made against
 * what that console was sent last, so a console that joined or synced between two updates never
 * gets a change twice. Pure data, shared by the server and the browser.
 */
import type { ClassState } from './protocol.ts';
import { applyPatch, diff, type Patch } from './viewPatch.ts';

/** The server's side of one teacher connection. */
export class ClassStateSender {
  private last: ClassState | null = null;

  /** The whole state for this console (it is the base of the next patch). */
  whole(state: ClassState): ClassState {
    this.last = state;
    return state;
  }

  /** What to send this console for `state`: the whole state if it has none yet, a patch, or null when nothing changed. */
  next(state: ClassState): { whole: ClassState } | { patch: Patch } | null {
    if (this.last === null) return { whole: this.whole(state) };
    const patch = diff(this.last, state);
    this.last = state;
    return patch ? { patch } : null;
  }
}

/** The console's side: rebuilds the whole class state from what arrives. */
export class ClassStateFeed {
  private state: ClassState | null = null;
  private asked = false;

  /** `resync` asks the class room for the whole state again (a `sync` message). */
  constructor(private readonly resync: () => void) {}

  whole(state: ClassState): ClassState {
    this.asked = false;
    this.state = state;
    return state;
  }

  /** The class state after `patch`, or null when it does not fit what this feed has (it then asks for the whole state, once). */
  patch(patch: Patch): ClassState | null {
    const next = this.state ? applyPatch(this.state, patch) : null;
    if (next) {
      this.state = next;
      return next;
    }
    this.state = null;
    if (!this.asked) this.resync();
    this.asked = true;
    return null;
  }

  /** A new connection starts from a whole state again. */
  reset(): void {
    this.state = null;
    this.asked = false;
  }
}
