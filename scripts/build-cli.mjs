/**
 * Compiles the `accord` command line to plain JavaScript in dist-cli/, so `npx accord` starts
 * without compiling TypeScript at run time. Runs at `npm install`/`npm ci` (the `prepare`
 * script) and from `bin/accord.mjs` when a file under src/ is newer than the build (a
 * development checkout stays current without a manual step).
 *
 * Two self-contained bundles, no shared chunks, each written to a temporary name and renamed,
 * so commands running in parallel (tests) never read a half-written file:
 *   dist-cli/accord.mjs      the program (src/cli/bin.ts, which runs src/cli/main.ts)
 *   dist-cli/bot-worker.mjs  the worker that plays bot games for `accord analyze`
 *
 * Usage: node scripts/build-cli.mjs
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = join(root, 'dist-cli');
export const CLI_ENTRIES = {
  accord: join(root, 'src/cli/bin.ts'),
  'bot-worker': join(root, 'src/cli/botWorker.ts'),
};

/** Build both bundles; returns the milliseconds it took. */
export async function buildCli() {
  const t0 = performance.now();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: CLI_ENTRIES,
    outdir: CLI_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    legalComments: 'none',
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __accordRequire } from 'node:module'; const require = __accordRequire(import.meta.url);" },
  });
  mkdirSync(CLI_OUT, { recursive: true });
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  return performance.now() - t0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ms = await buildCli();
  process.stdout.write(`accord CLI built in ${Math.round(ms)} ms → dist-cli/\n`);
}
