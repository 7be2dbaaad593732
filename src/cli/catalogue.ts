/**
 * The scenarios shipped with Accord, for commands that look a scenario up by the id written in a
 * save or result file. An id from a file is only ever compared with the shipped folders' names;
 * it never becomes part of a path, so `../..` or `/etc` in a file finds nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './packageRoot.ts';

/** The shipped scenario file whose folder is named `id`, or null. */
export function shippedScenarioFile(id: string): string | null {
  const folder = join(packageRoot(), 'scenarios');
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return null;
  }
  const name = names.find((n) => n === id);
  if (name === undefined) return null;
  const file = join(folder, name, 'scenario.yaml');
  return existsSync(file) ? file : null;
}
