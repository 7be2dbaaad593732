/**
 * A game's result as a file a student hands in and a teacher loads: scenario, version, start,
 * seed, difficulty, the log of commands, the outcome and the score. Importing replays the log,
 * so a result whose outcome does not follow from its log is refused.
 */
import { z } from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import type { Game } from '../engine/session.ts';
import { replay } from '../engine/session.ts';
import { commandSchema, MAX_LOG, SAVE_FORMAT, SAVE_VERSION, type SaveFile } from '../engine/save.ts';
import { DIFFICULTIES } from '../engine/knowledge.ts';

export const RESULT_FORMAT = 'accord-result';
export const RESULT_VERSION = 1;

const id = z.string().min(1).max(48);
const scoreSchema = z.strictObject({
  days: z.number(),
  points: z.number(),
  margins: z.record(z.string(), z.number()),
  durability: z.number(),
  balance: z.number(),
});

export const resultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  scenario: z.strictObject({ id, version: z.string().max(20), title: z.string().max(200) }),
  start: id,
  seed: z.number().int().min(0).max(0xffffffff),
  difficulty: z.enum(DIFFICULTIES as unknown as [string, ...string[]]),
  // Far beyond any real game; replay cost grows with the log, so a crafted file cannot stall a browser.
  log: z.array(commandSchema).max(MAX_LOG),
  outcome: z.enum(['deal', 'collapse', 'timeout', 'unfinished']),
  day: z.number().int().min(0),
  score: scoreSchema.nullable(),
});

export type ResultFile = z.output<typeof resultSchema>;

/** The result file of a game (finished or not). */
export function resultOf(game: Game): ResultFile {
  const view = game.view();
  const o = view.outcome;
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    scenario: { id: game.scenario.id, version: game.scenario.version, title: game.scenario.title },
    start: game.start,
    seed: game.seed,
    difficulty: game.difficulty,
    log: [...game.log()],
    outcome: o?.kind ?? 'unfinished',
    day: o?.day ?? view.day,
    score: o?.kind === 'deal' ? o.score : null,
  };
}

export type ImportResult = { ok: true; game: Game; result: ResultFile } | { ok: false; message: string };

/** Read a result file's text against its scenario: parse, replay, and check it matches. Never throws. */
export function importResult(text: string, scenarioFor: (id: string) => Scenario | null): ImportResult {
  if (text.length > 20_000_000) return { ok: false, message: 'the result file is too large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `the result file is not valid JSON (${(e as Error).message})` };
  }
  const parsed = resultSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `not an Accord result file: ${issue.path.map(String).join('.') || 'the file'}: ${issue.message}` };
  }
  const result = parsed.data;
  const scenario = scenarioFor(result.scenario.id);
  if (!scenario) return { ok: false, message: `the result is for scenario "${result.scenario.id}", which is not available here` };
  const save: SaveFile = {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenario: { id: result.scenario.id, version: result.scenario.version },
    start: result.start,
    seed: result.seed,
    difficulty: result.difficulty as SaveFile['difficulty'],
    log: result.log,
  };
  const replayed = replay(scenario, save);
  if (!replayed.ok) return { ok: false, message: replayed.message };
  const again = resultOf(replayed.game);
  if (again.outcome !== result.outcome || JSON.stringify(again.score) !== JSON.stringify(result.score)) {
    replayed.game.stop();
    return { ok: false, message: 'the result does not match its own log (the file was edited or made by another version)' };
  }
  return { ok: true, game: replayed.game, result };
}
