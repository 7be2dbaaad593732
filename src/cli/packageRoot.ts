/**
 * Where the accord package is installed: the nearest folder above this module that holds its
 * package.json. The same answer from the TypeScript sources (src/cli/) and from the compiled
 * command line (dist-cli/), which sit at different depths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'accord') return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('accord: cannot find the package folder (no package.json named "accord" above the program)');
    dir = up;
  }
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
