/**
 * CPU of a page left alone: on the map with nothing moving, and at a party's table, once the
 * page has settled (the stage rests, or 20 s at most), measured over a few seconds. Two measures:
 * all of Chromium's processes (renderer, GPU, browser: what a battery pays, read from /proc), and
 * the page's main thread (CDP Performance.getMetrics TaskDuration). Beside them, a static HTML
 * page in the same run: Chromium's own floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { fmt, median } from './stats.ts';
import { figure } from './targets.ts';

const SETTLE_MS = 20_000;

/** Clock ticks per second for /proc times. */
function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** CPU seconds used so far by every Chromium process descended from this one. */
function chromiumCpuSeconds(ticks: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  const chromium = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      const pid = Number(entry);
      parent.set(pid, Number(fields[1]));
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
      if (/chrom/i.test(comm)) chromium.add(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const pid of chromium) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += cpu.get(pid) ?? 0;
        break;
      }
    }
  }
  return total;
}

interface Idle {
  /** Share of one core, all Chromium processes. */
  all: number;
  /** Share of one core, the page's main thread. */
  main: number;
}

async function measure(page: Page, ms: number, ticks: number): Promise<Idle> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  const t0 = await task();
  const c0 = chromiumCpuSeconds(ticks);
  const w0 = performance.now();
  await page.waitForTimeout(ms);
  const t1 = await task();
  const c1 = chromiumCpuSeconds(ticks);
  const wall = (performance.now() - w0) / 1000;
  await cdp.detach();
  return { all: (c1 - c0) / wall, main: (t1 - t0) / wall };
}

/** Until the stage rests (builds without the rest: the whole settle time). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction('window.__accordStage.resting === true', null, { timeout: SETTLE_MS }).catch(() => undefined);
}

export async function runIdleBench(browser: Browser, gameUrl: string, quick: boolean): Promise<string[]> {
  const ticks = clockTicks();
  const ms = quick ? 2000 : 5000;
  const runs = quick ? 1 : 3;
  const map: Idle[] = [];
  const table: Idle[] = [];
  const blank: Idle[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.setContent('<!doctype html><title>Static page</title><p>A static page: the floor.</p>');
      blank.push(await measure(page, ms, ticks));
      await page.goto(`${gameUrl}?scenario=tutorial&seed=1&difficulty=standard&renderer=canvas`);
      await page.waitForFunction('window.__accordReady === true && window.__accordController !== undefined');
      await page.evaluate('window.__accordController.begin()');
      await page.waitForFunction("window.__accordStage.scene === 'Map'");
      await settle(page);
      map.push(await measure(page, ms, ticks));
      await page.evaluate("window.__accordController.showStage({ kind: 'table', party: 'aldoria' })");
      await page.waitForFunction("window.__accordStage.scene === 'Table'");
      await settle(page);
      table.push(await measure(page, ms, ticks));
    } finally {
      await context.close();
    }
  }
  const pct = (xs: Idle[], k: keyof Idle): number => 100 * median(xs.map((x) => x[k]));
  const floor = `static page ${fmt(pct(blank, 'all'), 1)} % (main thread ${fmt(pct(blank, 'main'), 1)} %)`;
  const line = (label: string, xs: Idle[]): string =>
    figure(label, pct(xs, 'all'), '% core', { max: 5 }, `main thread ${fmt(pct(xs, 'main'), 1)} %; ${floor}; medians of ${runs}, ${ms / 1000} s each`, 1);
  return [line('idle page on the map, Chromium CPU', map), line('idle page at the table, Chromium CPU', table)];
}
