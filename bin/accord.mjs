#!/usr/bin/env node
// The `accord` command: runs the compiled program in dist-cli/ (built by scripts/build-cli.mjs
// at `npm install`/`npm ci`). In a development checkout, where src/ is present, a build older
// than any source file is rebuilt first (about a quarter of a second), so edits take effect.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const program = join(root, 'dist-cli', 'accord.mjs');

/** Newest modification time under a folder (TypeScript sources only). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) t = Math.max(t, statSync(path).mtimeMs);
  }
  return t;
}

const src = join(root, 'src');
const built = existsSync(program) ? statSync(program).mtimeMs : 0;
if (built === 0 || (existsSync(src) && newest(src) > built)) {
  let buildCli;
  try {
    ({ buildCli } = await import('../scripts/build-cli.mjs'));
    await buildCli();
  } catch (e) {
    if (built === 0) {
      process.stderr.write(`accord: the command line is not built and cannot be built here (${e instanceof Error ? e.message : e}); run \`npm install\` in ${root}\n`);
      process.exit(1);
    }
    // A stale build still runs; say so once.
    process.stderr.write('accord: sources changed but the command line could not be rebuilt; running the previous build\n');
  }
}
await import(new URL('../dist-cli/accord.mjs', import.meta.url).href);
