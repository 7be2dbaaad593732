/**
 * Saves: a game is its scenario id and version, seed, start, difficulty and the log of
 * commands. Small, replayable and versioned; a corrupt or outdated save is a clear message.
 */
import { z } from 'zod';
import { DIFFICULTIES } from './knowledge.ts';
import type { Command } from './commands.ts';

export const SAVE_FORMAT = 'accord-save';
export const SAVE_VERSION = 1;
/** Most commands a save or result file may hold. */
export const MAX_LOG = 5000;

const id = z.string().min(1).max(48);
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
  version: z.number().int(),
  scenario: z.strictObject({ id, version: z.string().max(20) }),
  start: id,
  seed: z.number().int().min(0).max(0xffffffff),
  difficulty: z.enum(DIFFICULTIES as unknown as [string, ...string[]]),
  // Far beyond any real game; replay cost grows with the log, so a crafted file cannot stall a browser.
  log: z.array(commandSchema).max(MAX_LOG),
});

export type SaveFile = Omit<z.output<typeof saveSchema>, 'difficulty' | 'log'> & {
  difficulty: (typeof DIFFICULTIES)[number];
  log: Command[];
};

export type SaveResult = { ok: true; save: SaveFile } | { ok: false; message: string };

/** Read a save from JSON text. Pure; never throws. */
export function parseSave(text: string): SaveResult {
  if (text.length > 20_000_000) return { ok: false, message: 'the save file is too large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `the save is not valid JSON (${(e as Error).message})` };
  }
  // Only a file that says it is an Accord save is judged on its version; any other JSON is simply not a save.
  if (data && typeof data === 'object' && 'format' in data && data.format === SAVE_FORMAT &&
      'version' in data && typeof data.version === 'number' && data.version !== SAVE_VERSION) {
    return { ok: false, message: `the save is format version ${data.version}; this version of Accord reads version ${SAVE_VERSION}` };
  }
  const parsed = saveSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    return { ok: false, message: `the save is not an Accord save: ${where}: ${issue.message}` };
  }
  return { ok: true, save: parsed.data as SaveFile };
}
