/**
 * Links that open a game directly: `?scenario=geneva-2025&start=geneva-19&seed=42&difficulty=standard`.
 * Pure: a bad parameter comes back as a message, never an exception.
 */
import { DIFFICULTIES, type Difficulty } from '../../engine/knowledge.ts';
import { GAME_LENGTHS, type GameLength } from '../../scenario/gameLength.ts';

export interface GameLink {
  scenario: string;
  start?: string;
  seed?: number;
  difficulty?: Difficulty;
  length?: GameLength;
}

export type LinkResult = { kind: 'none' } | { kind: 'game'; link: GameLink } | { kind: 'invalid'; problems: string[] };

const ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** Read a game link from a query string. Unknown parameters (like `renderer`) are left to others. */
export function parseGameLink(search: string): LinkResult {
  const q = new URLSearchParams(search);
  const problems: string[] = [];
  const scenario = q.get('scenario');
  if (scenario === null) {
    const stray = ['start', 'seed', 'difficulty', 'length'].filter((k) => q.has(k));
    return stray.length > 0 ? { kind: 'invalid', problems: [`${stray.join(', ')} given without a scenario`] } : { kind: 'none' };
  }
  if (!ID.test(scenario)) problems.push(`scenario: "${shorten(scenario)}" is not a scenario id`);
  const link: GameLink = { scenario };
  const start = q.get('start');
  if (start !== null) {
    if (ID.test(start)) link.start = start;
    else problems.push(`start: "${shorten(start)}" is not a start id`);
  }
  const seed = q.get('seed');
  if (seed !== null) {
    const n = /^\d{1,10}$/.test(seed) ? Number(seed) : NaN;
    if (Number.isInteger(n) && n <= 0xffffffff) link.seed = n;
    else problems.push(`seed: "${shorten(seed)}" is not a whole number from 0 to 4294967295`);
  }
  const difficulty = q.get('difficulty');
  if (difficulty !== null) {
    if ((DIFFICULTIES as readonly string[]).includes(difficulty)) link.difficulty = difficulty as Difficulty;
    else problems.push(`difficulty: "${shorten(difficulty)}" is not one of ${DIFFICULTIES.join(', ')}`);
  }
  const length = q.get('length');
  if (length !== null) {
    if ((GAME_LENGTHS as readonly string[]).includes(length)) link.length = length as GameLength;
    else problems.push(`length: "${shorten(length)}" is not one of ${GAME_LENGTHS.join(', ')}`);
  }
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'game', link };
}

/** The link for a game, for teachers to hand out. */
export function gameLinkQuery(link: Required<Omit<GameLink, 'length'>> & Pick<GameLink, 'length'>): string {
  const q = new URLSearchParams({ scenario: link.scenario, start: link.start, seed: String(link.seed), difficulty: link.difficulty });
  if (link.length && link.length !== 'standard') q.set('length', link.length);
  return `?${q.toString()}`;
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * True when an address only works on this computer (localhost, 127.x, ::1, 0.0.0.0, a file:
 * page): a link to it is useless on students' machines.
 */
export function isLoopbackAddress(protocol: string, hostname: string): boolean {
  if (protocol === 'file:') return true;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === '' || host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || host === '0.0.0.0' || host === '::';
}
