/**
 * Main-thread work per frame while envoys travel, beside a bare Phaser page tweening one token,
 * measured in the same run. Headless Chromium paces frames at 60 Hz, so this, not the frame
 * interval, is the cost. Judged by the main thread's CPU time per animation frame, from a trace
 * (frameTrace.ts); the wall-clock time from Phaser's pre-step to its post-render, as the game
 * records it (`__accordFrameTimes`), is printed beside it: on a shared machine its p95 is mostly
 * time the thread spent waiting for a core (3 Dec 2026, load 17–20, two runs: wall p95 4.2–4.7 ms
 * for the game and 1.7 for the bare page; thread time 0.91–1.15 and 0.63–0.64).
 */
import type { Browser } from '@playwright/test';
import { FROM_MARK, TO_MARK, frameThreadTimes } from './frameTrace.ts';
import { fmt, percentile } from './stats.ts';
import { figure } from './targets.ts';

export async function runFrameBench(browser: Browser, gameUrl: string, bareUrl: string, quick: boolean): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  const samples: number[] = [];
  const table: number[] = [];
  const travelCpu: number[] = [];
  const tableCpu: number[] = [];
  try {
    await page.goto(`${gameUrl}?scenario=tutorial&seed=1&difficulty=standard&renderer=canvas`);
    await page.waitForFunction('window.__accordReady === true && window.__accordController !== undefined');
    await page.evaluate('window.__accordController.begin()');
    const trips = quick ? 2 : 6;
    const routes = [['aldor', 'belport'], ['lakeside', 'lakeside']];
    const travelled = await frameThreadTimes(browser, page, async () => {
      for (let trip = 0; trip < trips; trip++) {
        const [a, b] = routes[trip % 2]!;
        await page.evaluate('window.__accordFrameTimes.clear()');
        // Both envoys set off; their tokens tween along the routes on the map.
        await page.evaluate(`(() => {
          performance.mark('${FROM_MARK}');
          const c = window.__accordController;
          c.send({ type: 'envoy.travel', envoy: 'envoy-lead', to: '${a}' });
          c.send({ type: 'envoy.travel', envoy: 'envoy-tech', to: '${b}' });
        })()`);
        await page.waitForFunction('window.__accordStage.envoys().some((e) => e.moving)', null, { timeout: 5000 }).catch(() => undefined);
        await page.waitForFunction('!window.__accordStage.envoys().some((e) => e.moving)', null, { timeout: 15000 }).catch(() => undefined);
        await page.evaluate(`performance.mark('${TO_MARK}')`);
        samples.push(...((await page.evaluate('window.__accordFrameTimes.recent()')) as number[]));
        await page.evaluate("window.__accordController.send({ type: 'day.end' })");
        await page.waitForTimeout(300);
      }
    });
    travelCpu.push(...travelled);
    // The table scene: a party's table up, nothing travelling.
    await page.evaluate("window.__accordController.showStage({ kind: 'table', party: 'aldoria' })");
    await page.waitForTimeout(500);
    await page.evaluate('window.__accordFrameTimes.clear()');
    tableCpu.push(...(await frameThreadTimes(browser, page, () => page.waitForTimeout(quick ? 1000 : 3000))));
    table.push(...((await page.evaluate('window.__accordFrameTimes.recent()')) as number[]));
  } finally {
    await context.close();
  }
  const bareContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const bare = await bareContext.newPage();
  await bare.goto(`${bareUrl}?renderer=canvas`);
  await bare.waitForFunction('window.__accordReady === true');
  await bare.waitForTimeout(500);
  const bareCpu = await frameThreadTimes(browser, bare, () => bare.waitForTimeout(quick ? 1000 : 3000));
  const bareSamples = (await bare.evaluate('window.__bareFrames.slice(30)')) as number[];
  await bareContext.close();
  const p95 = (x: readonly number[]): number => percentile(x, 95);
  const b = p95(bareCpu);
  const wall = (game: readonly number[]): string => `wall clock, pre-step to post-render: game p95 ${fmt(p95(game), 2)} ms, bare ${fmt(p95(bareSamples), 2)} ms`;
  const base = `bare Phaser page tweening one token: p95 ${fmt(b, 2)} ms over ${bareCpu.length}`;
  return [
    figure('frame work while envoys travel, p95 ÷ bare page', p95(travelCpu) / b, '×', { max: 1.5 }, `main thread's CPU time per frame: game p95 ${fmt(p95(travelCpu), 2)} ms over ${travelCpu.length} frames; ${base}; ${wall(samples)}`, 1),
    figure('frame work on the table scene, p95 ÷ bare page', p95(tableCpu) / b, '×', { max: 1.5 }, `main thread's CPU time per frame: game p95 ${fmt(p95(tableCpu), 2)} ms over ${tableCpu.length} frames; ${base}; ${wall(table)}`, 1),
  ];
}
