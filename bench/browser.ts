/**
 * Browser benchmarks on the production build, in the same Chromium the e2e tests use:
 * navigation → interactive title (median), beside a bare Phaser page measured in the same run;
 * gzip size of the app's own JavaScript and of Phaser's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.ts';
import { fmt, median } from './stats.ts';
import { figure } from './targets.ts';
import { runFrameBench } from './frames.ts';
import { runIdleBench } from './idle.ts';
import { runMemoryBench } from './memory.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = join(root, 'node_modules/.bin/vite');

function build(args: string[]): void {
  const r = spawnSync(vite, ['build', '--logLevel', 'warn', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`vite build ${args.join(' ')} failed`);
}

export async function serve(outDir: string, port: number): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn(vite, ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--strictPort', '--port', String(port)], { cwd: root, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`preview server for ${outDir} did not start`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** Milliseconds from navigation start to the page's first ready frame, per run. */
async function timeToReady(browser: Browser, url: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    // Catch the moment the page marks itself ready, in page time (ms since navigation start).
    // A string, not a function: the TypeScript loader would wrap a function in helpers the page lacks.
    await page.addInitScript(`
      let ready = false;
      Object.defineProperty(window, '__accordReady', {
        configurable: true,
        get: () => ready,
        set: (v) => { ready = v; if (v && window.__readyAt === undefined) window.__readyAt = performance.now(); },
      });`);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, null, { timeout: 30_000 });
    times.push(await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt));
    await context.close();
  }
  return times;
}

/**
 * Gzip sizes: the app's own JS the page loads before its title (the entry and every chunk it
 * imports statically, through boot.ts; dynamic imports excluded), all of the app's JS, and Phaser's.
 */
function gzipSizes(dir: string): { beforeTitle: number; app: number; phaser: number; scenarios: number } {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (f: string) => gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
  const deps = (f: string) => [...readFileSync(join(assets, f), 'utf8').matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const before = new Set<string>();
  const visit = (f: string) => {
    if (before.has(f)) return;
    before.add(f);
    deps(f).forEach(visit);
  };
  files.filter((f) => f.startsWith('main-') || f.startsWith('boot-')).forEach(visit);
  let beforeTitle = 0;
  let app = 0;
  let phaser = 0;
  for (const f of files) {
    if (f.startsWith('phaser')) phaser += size(f);
    else {
      app += size(f);
      if (before.has(f)) beforeTitle += size(f);
    }
  }
  // The shipped scenarios' prebuilt data, fetched (as JSON, not script) with the scripts.
  const scenarios = readdirSync(assets).filter((f) => /^scenarios-.*\.json$/.test(f)).reduce((n, f) => n + size(f), 0);
  return { beforeTitle, app, phaser, scenarios };
}

/** A free port on 127.0.0.1, so the bench never collides with another server. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function runBrowserBench(quick: boolean): Promise<string[]> {
  const out = ['Browser (production build, headless Chromium, 1280×720, canvas renderer)'];
  if (!existsSync(join(root, 'dist/index.html')) || process.argv.includes('--build')) build([]);
  // Frames and memory drive games through the test hook, which only the test build has.
  if (!existsSync(join(root, 'dist-test/index.html')) || process.argv.includes('--build')) build(['--mode', 'test']);
  build(['--config', 'bench/bare/vite.config.ts']);
  const sizes = gzipSizes(join(root, 'dist'));
  out.push(figure("app's own JS before the interactive title, gzip", sizes.beforeTitle / 1024, 'KiB', { max: 100 }, `all of the app's JS ${fmt(sizes.app / 1024, 1)} KiB; Phaser ${fmt(sizes.phaser / 1024, 1)} KiB; scenario data (JSON, fetched alongside) ${fmt(sizes.scenarios / 1024, 1)} KiB`, 1));
  const game = await serve(join(root, 'dist'), await freePort());
  const bare = await serve(join(root, 'bench/.out/bare'), await freePort());
  const hooked = await serve(join(root, 'dist-test'), await freePort());
  const browser = await launch();
  try {
    const runs = quick ? 3 : 9;
    // Alternate the two pages so drift in machine load hits both alike.
    const gameTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      bareTimes.push(...(await timeToReady(browser, `${bare.url}?renderer=canvas`, 1)));
      gameTimes.push(...(await timeToReady(browser, `${game.url}?renderer=canvas`, 1)));
    }
    const g = median(gameTimes);
    const b = median(bareTimes);
    out.push(figure('navigation → interactive title, game ÷ bare page', g / b, '×', { max: 1.3 }, `game ${fmt(g, 0)} ms, bare Phaser page ${fmt(b, 0)} ms, medians of ${runs}`));
    for (const line of await runFrameBench(browser, hooked.url, bare.url, quick)) out.push(line);
    for (const line of await runIdleBench(browser, hooked.url, quick)) out.push(line);
    out.push('Memory (title → game → debrief → title, repeated)');
    for (const line of await runMemoryBench(browser, hooked.url, quick)) out.push(line);
  } finally {
    await browser.close();
    hooked.stop();
    game.stop();
    bare.stop();
  }
  return out;
}
