/**
 * Secrets of a live class: the teacher's secret (only its hash is kept), students' tokens,
 * join codes, and the seat passes a class hands out and its tables check (signed, so a table
 * on another process can check one without asking).
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from './protocol.ts';

/** A random URL-safe token with `bytes` bytes of entropy. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** A short random id for classes and students (letters and digits only). */
export function randomId(length = 12): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function joinCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Does `secret` hash to `hash`? Constant time in the hash. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Who may sit where: signed by the class, checked by the table. */
export interface SeatPass {
  /** Class id. */
  c: string;
  /** Student id. */
  s: string;
  /** Table index. */
  t: number;
  seat: string;
  /** Display name. */
  n: string;
}

function sign(key: string, body: string): string {
  return createHmac('sha256', Buffer.from(key, 'base64url')).update(body).digest('base64url');
}

export function makePass(key: string, pass: SeatPass): string {
  const body = Buffer.from(JSON.stringify(pass)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** The pass's content when its signature is right, else null. Never throws. */
export function readPass(key: string, text: string): SeatPass | null {
  const dot = text.indexOf('.');
  if (dot <= 0) return null;
  const body = text.slice(0, dot);
  const given = Buffer.from(text.slice(dot + 1));
  const expected = Buffer.from(sign(key, body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SeatPass;
    if (typeof data.c !== 'string' || typeof data.s !== 'string' || typeof data.t !== 'number' || typeof data.seat !== 'string' || typeof data.n !== 'string') return null;
    return data;
  } catch {
    return null;
  }
}

/**
 * At most `limit` events per key in a sliding `windowMs`. Used for join-code guesses and
 * class creation per address. Memory is bounded: old keys are swept.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  /** Is the key over its limit now (without counting anything)? */
  blocked(key: string): boolean {
    const t = this.now();
    return (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs).length >= this.limit;
  }

  /** Count one attempt; false when the key is over its limit (the attempt is refused). */
  allow(key: string): boolean {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(t);
    return true;
  }

  private sweep(t: number): void {
    for (const [k, v] of this.hits) if (v.every((x) => t - x >= this.windowMs)) this.hits.delete(k);
  }
}
