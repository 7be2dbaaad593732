/**
 * Scenario problems as values and as text. Kept apart from the loader (load.ts re-exports it) so
 * screens can print problems without pulling in the YAML parser and the schema.
 */
import type { Scenario } from './schema.ts';

/** Largest scenario file accepted, in characters. */
export const MAX_SCENARIO_CHARS = 1_000_000;

export type PathPart = string | number;

/** One problem in a scenario file, located for the author. */
export interface ScenarioProblem {
  file: string;
  line: number;
  column: number;
  path: PathPart[];
  message: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

const SUMMARY = /^…and (\d+) more of the same kind \((.*)\)$/s;

/**
 * How many problems one listed problem stands for: 1, or M for the loader's summary of a long
 * run of one kind ("…and M more of the same kind (…)").
 */
export function problemCount(p: ScenarioProblem): number {
  const m = SUMMARY.exec(p.message);
  return m ? Number(m[1]) : 1;
}

/** The message a problem carries, or for a summary line the message of the kind it summarises. */
export function kindMessage(p: ScenarioProblem): string {
  return SUMMARY.exec(p.message)?.[2] ?? p.message;
}

/** `parties[2].redLines[0]` */
export function formatPath(path: readonly PathPart[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/**
 * `file:41:9: parties[2].redLines[0]: unknown option "ban" on point "nato"`.
 * Line 0 means the file as a whole (it could not be read): `file: message`.
 */
export function formatProblem(p: ScenarioProblem): string {
  const where = p.path.length > 0 ? `${formatPath(p.path)}: ` : '';
  const at = p.line > 0 ? `${p.line}:${p.column}:` : '';
  return `${p.file}:${at} ${where}${p.message}`;
}

