/**
 * A game's result as a file a student hands in and a teacher loads: scenario, version, title,
 * start, seed, difficulty, the log of commands, and what the log led to (outcome, day, points in
 * the final text, score), in the file envelope (envelope.ts: format, version, rules version,
 * checksum). Importing checks the checksum, replays the log and re-derives every claim from it:
 * a result edited after the game, or one whose claims do not follow from its log, is refused.
 */
import { z } from '../zod.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Game } from '../engine/session.ts';
import { replay } from '../engine/session.ts';
import { commandSchema, holderSchema, logEntrySchema, makeSave, MAX_LOG, MEDIATOR_ALIAS } from '../engine/save.ts';
import { DIFFICULTIES, type Difficulty } from '../engine/knowledge.ts';
import { canonicalJson, ENGINE_VERSION, openEnvelope, seal, type Migration } from '../engine/envelope.ts';
import { readJsonText } from '../engine/jsonText.ts';
import { MAX_RESULT_CHARS } from '../engine/saveFile.ts';
import { GAME_LENGTHS } from '../scenario/gameLength.ts';

export const RESULT_FORMAT = 'accord-result';
export const RESULT_VERSION = 2;
export const OLDEST_RESULT_VERSION = 1;
/** Largest result file accepted, in characters (as a save: a full log with room to spare). */
export { MAX_RESULT_CHARS };

const id = z.string().min(1).max(48);
const scoreSchema = z.strictObject({
  days: z.number(),
  points: z.number(),
  margins: z.record(z.string(), z.number()),
  durability: z.number(),
  balance: z.number(),
});

/** Longest name (or class alias) a result file carries. */
export const MAX_NAME = 60;

export const resultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  /** Who played, asked before export (covered by the checksum). Older files have none. */
  name: z.string().max(MAX_NAME).optional(),
  /** The rules version that wrote it; 0 for files from before rules had versions. */
  engine: z.number().int().min(0),
  scenario: z.strictObject({ id, version: z.string().max(20), title: z.string().max(200) }),
  start: id,
  seed: z.number().int().min(0).max(0xffffffff),
  difficulty: z.enum(DIFFICULTIES as unknown as [string, ...string[]]),
  /** The game's length (scenario/gameLength.ts); absent for the standard length. */
  length: z.enum(GAME_LENGTHS).optional(),
  // Far beyond any real game; replay cost grows with the log, so a crafted file cannot stall a browser.
  // A one-player game's log is its commands; a game with seats logs each command with its seat.
  log: z.array(z.union([commandSchema, logEntrySchema])).max(MAX_LOG),
  split: z.boolean().optional(),
  seats: z.record(z.string().min(1).max(100), holderSchema).optional(),
  outcome: z.enum(['deal', 'collapse', 'timeout', 'unfinished']),
  day: z.number().int().min(0),
  /** Points in the text at the end (the plan's length). */
  points: z.number().int().min(0),
  score: scoreSchema.nullable(),
  checksum: z.string().max(100),
});

export type ResultFile = z.output<typeof resultSchema>;

/** The claims a result makes that follow from its scenario and log (everything but the envelope and the inputs). */
function claimsOf(game: Game): Pick<ResultFile, 'scenario' | 'outcome' | 'day' | 'points' | 'score'> {
  const view = game.view();
  const o = view.outcome;
  return {
    scenario: { id: game.scenario.id, version: game.scenario.version, title: game.scenario.title },
    outcome: o?.kind ?? 'unfinished',
    day: o?.day ?? view.day,
    points: view.pointsInText,
    score: o?.kind === 'deal' ? o.score : null,
  };
}

/** The result file of a game (finished or not), with the player's name when given, sealed with its checksum. */
export function resultOf(game: Game, name?: string): ResultFile {
  const claims = claimsOf(game);
  const who = name === undefined ? '' : cleanName(name);
  const save = game.table.save();
  const withSeats = save.split || Object.keys(save.seats).length > 0;
  return seal({
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    ...(who ? { name: who } : {}),
    engine: ENGINE_VERSION,
    scenario: claims.scenario,
    start: game.start,
    seed: game.seed,
    difficulty: game.difficulty,
    ...(game.length === 'short' ? { length: game.length } : {}),
    log: withSeats ? save.log : [...game.log()],
    ...(withSeats ? { split: save.split, seats: save.seats } : {}),
    outcome: claims.outcome,
    day: claims.day,
    points: claims.points,
    score: claims.score,
  });
}

/**
 * Version 1 had no rules version, no plan length and no checksum. Its plan length is taken from
 * its score where there is one; import re-derives it from the log either way.
 */
const migrations: Record<number, Migration> = {
  1: (data) => {
    const score = data.score as { points?: unknown } | null | undefined;
    return seal({ ...data, version: 2, engine: 0, points: typeof score?.points === 'number' ? score.points : 0 });
  },
};

/** A name as typed, made fit for a file: spaces collapsed, control characters gone, at most MAX_NAME characters. Pure. */
export function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

/** A piece of a file name: letters and digits of any script, the rest turned into single dashes. Pure. */
function slug(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'anonymous';
}

/**
 * The file name a result is saved as: `accord-<scenario>-<start>-<name>-<date>.json`, the date
 * written YYYY-MM-DD. Pure.
 */
export function resultFileName(result: Pick<ResultFile, 'scenario' | 'start' | 'name'>, date: Date): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `accord-${slug(result.scenario.id)}-${slug(result.start)}-${slug(result.name ?? '')}-${day}.json`;
}

/** Why a file was refused: not a readable result, a result whose record does not hold up, or a scenario not here. */
export type ImportProblem = 'damaged' | 'edited' | 'unavailable';

export type ImportResult = { ok: true; game: Game; result: ResultFile } | { ok: false; message: string; problem: ImportProblem };

/**
 * Read a result file's text against its scenario: envelope and checksum, shape, replay, then every
 * claim against the replay. `scenarioFor` resolves an id against the scenarios available here
 * (never a path). Never throws.
 */
export function importResult(text: string, scenarioFor: (id: string) => Scenario | null): ImportResult {
  const read = readJsonText(text, 'the result file', MAX_RESULT_CHARS);
  if (!read.ok) return { ...read, problem: 'damaged' };
  const opened = openEnvelope(read.data, { format: RESULT_FORMAT, current: RESULT_VERSION, oldest: OLDEST_RESULT_VERSION, sealedFrom: 2, migrations }, 'the result file');
  if (!opened.ok) {
    return { ok: false, problem: /fails its checksum/.test(opened.message) ? 'edited' : 'damaged', message: opened.message.replace(/is not an Accord file/, 'is not an Accord result file') };
  }
  const parsed = resultSchema.safeParse(opened.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problem: 'damaged', message: `not an Accord result file: ${issue.path.map(String).join('.') || 'the file'}: ${issue.message}` };
  }
  const result = parsed.data;
  const scenario = scenarioFor(result.scenario.id);
  if (!scenario) return { ok: false, problem: 'unavailable', message: `the result is for scenario "${result.scenario.id}", which is not available here` };
  const save = makeSave({
    scenario: { id: result.scenario.id, version: result.scenario.version },
    start: result.start,
    seed: result.seed,
    difficulty: result.difficulty as Difficulty,
    ...(result.length ? { length: result.length } : {}),
    split: result.split ?? false,
    seats: result.seats ?? {},
    log: result.log.map((e) => ('seat' in e ? e : { seat: MEDIATOR_ALIAS, command: e })),
  });
  const replayed = replay(scenario, { ...save, engine: result.engine });
  if (!replayed.ok) return { ok: false, problem: 'edited', message: replayed.message };
  const wrong = differences(result, claimsOf(replayed.game));
  if (wrong.length > 0) {
    replayed.game.stop();
    return { ok: false, problem: 'edited', message: `the result does not match its own log (${wrong.join('; ')}): the file was edited or made by another version` };
  }
  return { ok: true, game: replayed.game, result };
}

/** Each claim of the file that the replay does not give, in words. */
function differences(file: ResultFile, replayed: ReturnType<typeof claimsOf>): string[] {
  const out: string[] = [];
  const check = (what: string, claimed: unknown, actual: unknown) => {
    if (canonicalJson(claimed) !== canonicalJson(actual)) out.push(`${what}: the file says ${short(claimed)}, the log gives ${short(actual)}`);
  };
  check('scenario title', file.scenario.title, replayed.scenario.title);
  check('outcome', file.outcome, replayed.outcome);
  check('day', file.day, replayed.day);
  check('points in the text', file.points, replayed.points);
  check('score', file.score, replayed.score);
  return out;
}

function short(value: unknown): string {
  const s = canonicalJson(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
