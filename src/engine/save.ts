/**
 * Saves: a game is its scenario id and version, seed, start, difficulty and the log of
 * commands, in the file envelope (envelope.ts: format, version, rules version, checksum).
 * Small, replayable and versioned; a corrupt, edited or outdated save is a clear message.
 */
import { z } from 'zod';
import { DIFFICULTIES } from './knowledge.ts';
import { isObjectName } from '../scenario/schema.ts';
import type { Command } from './commands.ts';
import { ENGINE_VERSION, openEnvelope, seal, type Migration } from './envelope.ts';
import { readJsonText } from './jsonText.ts';

export const SAVE_FORMAT = 'accord-save';
export const SAVE_VERSION = 2;
export const OLDEST_SAVE_VERSION = 1;
/** Largest save accepted, in characters: a full log of the largest commands, with room to spare. */
export const MAX_SAVE_CHARS = 20_000_000;
/** Most commands a save or result file may hold. */
export const MAX_LOG = 5000;

// An id in a command names something in the scenario, whose ids are never object machinery (schema.ts).
const id = z.string().min(1).max(48).refine((s) => !isObjectName(s), 'is not an id (a name every JavaScript object has)');
const change = z.strictObject({ point: id, option: id });

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('envoy.travel'), envoy: id, to: id }),
  z.strictObject({ type: z.literal('envoy.meet'), envoy: id, party: id }),
  z.strictObject({ type: z.literal('envoy.table'), envoy: id, party: id }),
  z.strictObject({ type: z.literal('envoy.press'), envoy: id, party: id }),
  z.strictObject({ type: z.literal('envoy.offer'), envoy: id, incentive: id }),
  z.strictObject({ type: z.literal('envoy.consult'), envoy: id, party: id }),
  z.strictObject({ type: z.literal('text.redraft'), point: id, option: id }),
  z.strictObject({ type: z.literal('text.omit'), point: id }),
  z.strictObject({ type: z.literal('text.defer'), point: id }),
  z.strictObject({ type: z.literal('text.undefer'), point: id }),
  z.strictObject({ type: z.literal('text.package'), changes: z.array(change).min(1).max(60) }),
  z.strictObject({ type: z.literal('day.end') }),
  z.strictObject({ type: z.literal('summit.call') }),
]);

export const saveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(SAVE_VERSION),
  /** The rules version that wrote it (envelope.ts); 0 for saves from before rules had versions. */
  engine: z.number().int().min(0),
  scenario: z.strictObject({ id, version: z.string().max(20) }),
  start: id,
  seed: z.number().int().min(0).max(0xffffffff),
  difficulty: z.enum(DIFFICULTIES as unknown as [string, ...string[]]),
  // Far beyond any real game; replay cost grows with the log, so a crafted file cannot stall a browser.
  log: z.array(commandSchema).max(MAX_LOG),
  checksum: z.string().max(100),
});

export type SaveFile = Omit<z.output<typeof saveSchema>, 'difficulty' | 'log'> & {
  difficulty: (typeof DIFFICULTIES)[number];
  log: Command[];
};

export type SaveResult = { ok: true; save: SaveFile } | { ok: false; message: string };

/** Each older save version to the next. */
const migrations: Record<number, Migration> = {
  // Version 1 had no rules version and no checksum.
  1: (data) => seal({ ...data, version: 2, engine: 0 }),
};

/** A save of a game, sealed with its checksum. Pure. */
export function makeSave(fields: Omit<SaveFile, 'format' | 'version' | 'engine' | 'checksum'>): SaveFile {
  return seal({ format: SAVE_FORMAT, version: SAVE_VERSION, engine: ENGINE_VERSION, ...fields });
}

/** Read a save from JSON text, migrating older versions. Pure; never throws. */
export function parseSave(text: string): SaveResult {
  const read = readJsonText(text, 'the save', MAX_SAVE_CHARS);
  if (!read.ok) return read;
  const opened = openEnvelope(read.data, SAVE_FORMAT, SAVE_VERSION, OLDEST_SAVE_VERSION, migrations, 'the save');
  if (!opened.ok) return opened;
  const parsed = saveSchema.safeParse(opened.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    return { ok: false, message: `the save is not an Accord save: ${where}: ${issue.message}` };
  }
  return { ok: true, save: parsed.data as SaveFile };
}
