/**
 * Saves: a game is its scenario id and version, seed, start, difficulty, who holds each seat
 * and the log of commands with the seat that sent each, in the file envelope (envelope.ts:
 * format, version, rules version, checksum). Small, replayable and versioned; older saves (one
 * player, commands only) migrate to the mediator's seat; a corrupt, edited or outdated save is
 * a clear message.
 */
import { z } from '../zod.ts';
import { DIFFICULTIES } from './knowledge.ts';
import { isObjectName } from '../scenario/objectNames.ts';
import type { SeatCommand } from './commands.ts';
import type { SeatHolder } from './seats.ts';
import { ENGINE_VERSION, seal } from './envelope.ts';
import { GAME_LENGTHS } from '../scenario/gameLength.ts';
import { MAX_LOG, openSave, SAVE_FORMAT, SAVE_VERSION, type SaveResult } from './saveFile.ts';

export { daysPlayed, MAX_LOG, MAX_SAVE_CHARS, MEDIATOR_ALIAS, mediatorLog, OLDEST_SAVE_VERSION, SAVE_FORMAT, SAVE_VERSION, type SaveResult } from './saveFile.ts';
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
  z.strictObject({ type: z.literal('envoy.propose'), envoy: id, party: id, changes: z.array(change).min(1).max(8), public: z.boolean().optional() }),
  z.strictObject({ type: z.literal('text.redraft'), point: id, option: id }),
  z.strictObject({ type: z.literal('text.omit'), point: id }),
  z.strictObject({ type: z.literal('text.defer'), point: id }),
  z.strictObject({ type: z.literal('text.undefer'), point: id }),
  z.strictObject({ type: z.literal('text.package'), changes: z.array(change).min(1).max(60) }),
  z.strictObject({ type: z.literal('day.end') }),
  z.strictObject({ type: z.literal('summit.call') }),
  z.strictObject({ type: z.literal('summit.propose'), changes: z.array(change).max(60) }),
  z.strictObject({ type: z.literal('summit.acceptDemand'), party: id }),
  z.strictObject({ type: z.literal('summit.close') }),
]);

const delta = z.number().finite().min(-100).max(100);
const partyCommandSchemas = [
  z.strictObject({
    type: z.literal('party.answer'),
    request: z.number().int().min(0),
    reply: z.enum(['accept', 'decline', 'reject', 'counter']),
    points: z.array(id).max(60).optional(),
    changes: z.array(change).max(60).optional(),
  }),
  z.strictObject({ type: z.literal('party.signal'), point: id, stance: z.enum(['redLine', 'flexible']) }),
  z.strictObject({ type: z.literal('party.consult'), ally: id }),
  z.strictObject({ type: z.literal('party.propose'), changes: z.array(change).min(1).max(8) }),
] as const;
const worldCommandSchemas = [
  z.strictObject({ type: z.literal('world.endDay') }),
  z.strictObject({ type: z.literal('world.event'), event: id }),
  z.strictObject({ type: z.literal('world.news'), headline: z.string().min(1).max(200), text: z.string().max(300).optional() }),
  z.strictObject({ type: z.literal('world.redLine'), party: id, line: id, lifted: z.boolean() }),
  z.strictObject({ type: z.literal('world.mood'), party: id, patience: delta.optional(), trust: delta.optional() }),
] as const;

/** Every command a seat or the teacher may send. */
export const seatCommandSchema = z.discriminatedUnion('type', [...commandSchema.options, ...partyCommandSchemas, ...worldCommandSchemas]);

const seatId = z.string().min(1).max(100).refine((s) => !isObjectName(s), 'is not a seat id (a name every JavaScript object has)');
export const holderSchema = z.union([z.literal('person'), z.strictObject({ bot: id })]);
export const logEntrySchema = z.strictObject({ seat: seatId, command: seatCommandSchema });

/** One command of a table's log and the seat that sent it. */
export interface LogEntry {
  seat: string;
  command: SeatCommand;
}

export const saveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(SAVE_VERSION),
  /** The rules version that wrote it (envelope.ts); 0 for saves from before rules had versions. */
  engine: z.number().int().min(0),
  scenario: z.strictObject({ id, version: z.string().max(20) }),
  start: id,
  seed: z.number().int().min(0).max(0xffffffff),
  difficulty: z.enum(DIFFICULTIES as unknown as [string, ...string[]]),
  /** One seat per envoy for the mediator team. */
  split: z.boolean(),
  /** Who holds each seat (seats not named: people for the mediator's, machines for the parties). */
  seats: z.record(seatId, holderSchema),
  /** The game's length (scenario/gameLength.ts); absent for the standard length. */
  length: z.enum(GAME_LENGTHS).optional(),
  // Far beyond any real game; replay cost grows with the log, so a crafted file cannot stall a browser.
  log: z.array(logEntrySchema).max(MAX_LOG),
  checksum: z.string().max(100),
});

export type SaveFile = Omit<z.output<typeof saveSchema>, 'difficulty' | 'log' | 'seats'> & {
  difficulty: (typeof DIFFICULTIES)[number];
  seats: Record<string, SeatHolder>;
  log: LogEntry[];
};

/** A save of a game, sealed with its checksum. Pure. */
export function makeSave(fields: Omit<SaveFile, 'format' | 'version' | 'engine' | 'checksum'>): SaveFile {
  return seal({ format: SAVE_FORMAT, version: SAVE_VERSION, engine: ENGINE_VERSION, ...fields });
}

/** Read a save from JSON text, migrating older versions, and check it in full. Pure; never throws. */
export function parseSave(text: string): SaveResult {
  const opened = openSave(text);
  if (!opened.ok) return opened;
  const parsed = saveSchema.safeParse(opened.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    return { ok: false, message: `the save is not an Accord save: ${where}: ${issue.message}` };
  }
  return { ok: true, save: parsed.data as SaveFile };
}
