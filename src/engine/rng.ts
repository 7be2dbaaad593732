/**
 * The one seeded random generator (sfc32). Its state is a plain tuple kept in machine
 * context, so a game is reproducible from its seed and log. Pure: every draw returns
 * the value and the next state.
 */
export type RngState = readonly [number, number, number, number];

/** Build a generator state from any 32-bit seed. Pure. */
export function seedRng(seed: number): RngState {
  let s: RngState = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
  for (let i = 0; i < 12; i++) s = nextRandom(s)[1];
  return s;
}

/** A float in [0, 1) and the next state. Pure. */
export function nextRandom(state: RngState): [number, RngState] {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  return [(t >>> 0) / 4294967296, [a, b, c, d]];
}

/** A mutable cursor over a state, for code that draws several numbers in a row. */
export class RngCursor {
  constructor(public state: RngState) {}
  next(): number {
    const [value, state] = nextRandom(this.state);
    this.state = state;
    return value;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}
