/**
 * Read a scenario file from disk and load it. Shared by every command that takes a scenario.
 * Never throws: a file that cannot be read comes back as a problem on the whole file
 * (line 0), printed by `formatProblem` as `file: message`.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenario/schema.ts';
import { formatProblem, loadScenarioText, MAX_SCENARIO_CHARS, type LoadResult, type ScenarioProblem } from '../scenario/load.ts';

/**
 * Largest file read, in bytes. UTF-8 never takes fewer bytes than the text has characters
 * (UTF-16 code units), and at most four, so a larger file cannot be under the loader's
 * character limit; a file between the two is read and the loader decides.
 */
export const MAX_SCENARIO_BYTES = 4 * MAX_SCENARIO_CHARS;
const CHUNK = 64 * 1024;

export type ReadTextResult = { ok: true; text: string } | { ok: false; problems: ScenarioProblem[] };

/**
 * Read and load a scenario file.
 * @param path where the file is
 * @param name how messages name it (default: the path as given)
 */
export function readScenarioFile(path: string, name: string = path): LoadResult {
  const read = readScenarioText(path, name);
  return read.ok ? loadScenarioText(read.text, name) : read;
}

/** Read a scenario file's text: size-checked before reading, never more than the limit read. */
export function readScenarioText(path: string, name: string = path): ReadTextResult {
  return readTextFile(path, name, MAX_SCENARIO_CHARS, 'a scenario');
}

/**
 * Read a text file of one kind, size-checked before reading and never more than its limit read.
 * @param maxChars that kind's limit, in characters (the file may hold up to four bytes for each)
 * @param kind how messages name the kind, e.g. "a save"
 */
export function readTextFile(path: string, name: string, maxChars: number, kind: string): ReadTextResult {
  const maxBytes = 4 * maxChars;
  const tooLarge = (bytes: number, atLeast = false) =>
    `file is too large (${atLeast ? 'more than ' : ''}${bytes} bytes; ${kind} may be at most ${maxChars} characters)`;
  const fail = (message: string): ReadTextResult => ({ ok: false, problems: [{ file: name, line: 0, column: 0, path: [], message }] });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return fail(describeError(e));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      const inside = join(path, 'scenario.yaml');
      return fail(`is a folder, not a scenario file${existsSync(inside) ? ` (did you mean ${inside}?)` : ''}`);
    }
    if (stat.size > maxBytes) return fail(tooLarge(stat.size));
    // Read in chunks, whatever the size said: the file may grow, or be a pipe or a device.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, null);
      if (n === 0) break;
      chunks.push(n < CHUNK ? chunk.subarray(0, n) : chunk);
      total += n;
      if (total > maxBytes) return fail(tooLarge(total, true));
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total)) };
    } catch {
      return fail('is not UTF-8 text; save it as UTF-8');
    }
  } catch (e) {
    return fail(describeError(e));
  } finally {
    closeSync(fd);
  }
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'ENOTDIR':
      return 'file not found (part of the path is not a folder)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    case 'EISDIR':
      return 'is a folder, not a scenario file';
    default:
      return `cannot read the file: ${(e as Error).message}`;
  }
}

/**
 * For commands that play a scenario: load it and check the chosen start, printing every problem
 * on stderr and setting the exit code. Returns the scenario, or null when the command should stop.
 */
export function scenarioForCommand(command: string, file: string, start: string | undefined): Scenario | null {
  const loaded = readScenarioFile(file);
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
    process.exitCode = 1;
    return null;
  }
  const scenario = loaded.scenario;
  if (start !== undefined && !scenario.starts.some((s) => s.id === start)) {
    process.stderr.write(`accord ${command}: --start: "${start}" is not a start of ${file} (starts: ${scenario.starts.map((s) => s.id).join(', ')})\n`);
    process.exitCode = 1;
    return null;
  }
  return scenario;
}
