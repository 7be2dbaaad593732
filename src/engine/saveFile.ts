/**
 * Saves without their schema: the format's constants, the envelope (format, version, checksum,
 * migrations) and a light check of the fields a listing reads. The title lists saved games with
 * this alone, so zod (save.ts's full check) stays off the page's first download; a game is
 * checked in full (save.ts `parseSave`) before it is replayed. Pure; never throws.
 */
import type { Command } from './commands.ts';
import { DIFFICULTIES } from './knowledge.ts';
import { openEnvelope, seal, type Migration, type Opened } from './envelope.ts';
import { readJsonText } from './jsonText.ts';
import { GAME_LENGTHS } from '../scenario/gameLength.ts';
import type { LogEntry, SaveFile } from './save.ts';

export const SAVE_FORMAT = 'accord-save';
export const SAVE_VERSION = 3;
export const OLDEST_SAVE_VERSION = 1;
/** Largest save accepted, in characters: a full log of the largest commands, with room to spare. */
export const MAX_SAVE_CHARS = 20_000_000;
/** Largest result file accepted (a save with its outcome and score), in characters. */
export const MAX_RESULT_CHARS = MAX_SAVE_CHARS;
/** In saves from before seats every command is the mediator's: this alias names the mediator's seat whatever its id. */
export const MEDIATOR_ALIAS = '@mediator';
/** Most commands a save or result file may hold. */
export const MAX_LOG = 5000;

export type SaveResult = { ok: true; save: SaveFile } | { ok: false; message: string };

/** Each older save version to the next. */
const migrations: Record<number, Migration> = {
  // Version 1 had no rules version and no checksum.
  1: (data) => seal({ ...data, version: 2, engine: 0 }),
  // Version 2 had one player: every command is the mediator's.
  2: (data) => seal({ ...data, version: 3, split: false, seats: {}, log: Array.isArray(data.log) ? data.log.map((command: unknown) => ({ seat: MEDIATOR_ALIAS, command })) : data.log }),
};

/** A save's JSON text read, its envelope checked (checksum as written) and migrated to the current version. */
export function openSave(text: string): Opened {
  const read = readJsonText(text, 'the save', MAX_SAVE_CHARS);
  if (!read.ok) return read;
  return openEnvelope(read.data, { format: SAVE_FORMAT, current: SAVE_VERSION, oldest: OLDEST_SAVE_VERSION, sealedFrom: 2, migrations }, 'the save');
}

/**
 * A save read for listing: its envelope, and the fields a listing uses checked by hand (the
 * commands themselves are checked by `parseSave` before a replay). Messages as `parseSave` words them.
 */
export function readSaveForListing(text: string): SaveResult {
  const opened = openSave(text);
  if (!opened.ok) return opened;
  const d = opened.data;
  const bad = (where: string, what: string): SaveResult => ({ ok: false, message: `the save is not an Accord save: ${where}: ${what}` });
  const text_ = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 100;
  const scenario = d.scenario as Record<string, unknown> | null;
  if (!scenario || typeof scenario !== 'object' || !text_(scenario.id) || typeof scenario.version !== 'string') return bad('scenario', 'expected the scenario\'s id and version');
  if (!text_(d.start)) return bad('start', 'expected an id');
  if (typeof d.seed !== 'number' || !Number.isInteger(d.seed) || d.seed < 0 || d.seed > 0xffffffff) return bad('seed', 'expected a whole number');
  if (!(DIFFICULTIES as readonly unknown[]).includes(d.difficulty)) return bad('difficulty', `expected one of ${DIFFICULTIES.join(', ')}`);
  if (typeof d.split !== 'boolean') return bad('split', 'expected true or false');
  if (!d.seats || typeof d.seats !== 'object' || Array.isArray(d.seats)) return bad('seats', 'expected an object');
  if (d.length !== undefined && !(GAME_LENGTHS as readonly unknown[]).includes(d.length)) return bad('length', `expected one of ${GAME_LENGTHS.join(', ')}`);
  if (!Array.isArray(d.log) || d.log.length > MAX_LOG) return bad('log', `expected a list of at most ${MAX_LOG} moves`);
  for (const [i, e] of (d.log as unknown[]).entries()) {
    const entry = e as { seat?: unknown; command?: { type?: unknown } } | null;
    if (!entry || typeof entry !== 'object' || typeof entry.seat !== 'string' || !entry.command || typeof entry.command !== 'object' || typeof entry.command.type !== 'string') {
      return bad(`log.${i}`, 'expected a seat and its command');
    }
  }
  return { ok: true, save: d as unknown as SaveFile };
}

/** A one-player log (commands only) as the mediator's entries. */
export function mediatorLog(commands: readonly Command[]): LogEntry[] {
  return commands.map((command) => ({ seat: MEDIATOR_ALIAS, command }));
}

/**
 * The moves people made in a saved game, as a player counts them (for summaries): every command
 * of a seat a person holds, but not the end of a day (days are counted apart) nor the world's
 * (a teacher's or the calendar's). A seat not named in `seats` is the mediator's person or a party's
 * machine; `mediator` is the mediator's seat id, or null when unknown (then every unnamed seat
 * counts: one player's parties issue no commands). Pure.
 */
export function movesMade(save: Pick<SaveFile, 'log' | 'seats'>, mediator: string | null): number {
  const person = (seat: string): boolean => {
    const holder = save.seats[seat];
    if (holder !== undefined) return holder === 'person';
    return mediator === null || seat === mediator || seat === MEDIATOR_ALIAS;
  };
  return save.log.filter(({ seat, command }) => command.type !== 'day.end' && !command.type.startsWith('world.') && person(seat)).length;
}

/** Days ended in a saved game, as far as its log tells without replaying (for summaries). Pure. */
export function daysPlayed(save: Pick<SaveFile, 'log'>): number {
  const bySeat = new Map<string, number>();
  let forced = 0;
  for (const { seat, command } of save.log) {
    if (command.type === 'day.end') bySeat.set(seat, (bySeat.get(seat) ?? 0) + 1);
    if (command.type === 'world.endDay') forced += 1;
  }
  return Math.max(0, ...bySeat.values()) + forced;
}
