/**
 * Browser benchmarks on the production build, in the same Chromium the e2e tests use:
 * navigation → interactive title (median), beside a bare Phaser page measured in the same run;
 * gzip size of the app's own JavaScript and of Phaser's.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.ts';
import { fmt, median } from './stats.ts';
import { runFrameBench } from './frames.ts';
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

function gzipSizes(dir: string): { app: number; phaser: number } {
  const assets = join(dir, 'assets');
  let app = 0;
  let phaser = 0;
  for (const f of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const size = gzipSync(readFileSync(join(assets, f)), { level: 9 }).length;
    if (f.startsWith('phaser')) phaser += size;
    else app += size;
  }
  return { app, phaser };
}

export async function runBrowserBench(quick: boolean): Promise<string[]> {
  const out = ['Browser (production build, headless Chromium, 1280×720, canvas renderer)'];
  if (!existsSync(join(root, 'dist/index.html')) || process.argv.includes('--build')) build([]);
  // Frames and memory drive games through the test hook, which only the test build has.
  if (!existsSync(join(root, 'dist-test/index.html')) || process.argv.includes('--build')) build(['--mode', 'test']);
  build(['--config', 'bench/bare/vite.config.ts']);
  const sizes = gzipSizes(join(root, 'dist'));
  out.push(`  gzip size: app's own JS ${fmt(sizes.app / 1024, 1)} KiB, Phaser ${fmt(sizes.phaser / 1024, 1)} KiB`);
  const game = await serve(join(root, 'dist'), 4191);
  const bare = await serve(join(root, 'bench/.out/bare'), 4192);
  const hooked = await serve(join(root, 'dist-test'), 4193);
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
    out.push(`  navigation → interactive title: game ${fmt(g, 0)} ms, bare Phaser page ${fmt(b, 0)} ms (medians of ${runs}); ratio ${fmt(g / b, 2)}×`);
    for (const line of await runFrameBench(browser, hooked.url, bare.url, quick)) out.push(line);
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
