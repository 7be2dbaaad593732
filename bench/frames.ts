/**
 * Main-thread work per frame while envoys travel: Phaser's pre-step to post-render, read from
 * the game's own record (`__accordFrameTimes`), beside a bare Phaser page tweening one token,
 * measured in the same run. Headless Chromium paces frames at 60 Hz, so this, not the frame
 * interval, is the cost.
 */
import type { Browser } from '@playwright/test';
import { fmt, percentile } from './stats.ts';
import { figure } from './targets.ts';

export async function runFrameBench(browser: Browser, gameUrl: string, bareUrl: string, quick: boolean): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  const samples: number[] = [];
  const table: number[] = [];
  try {
    await page.goto(`${gameUrl}?scenario=tutorial&seed=1&difficulty=standard&renderer=canvas`);
    await page.waitForFunction('window.__accordReady === true && window.__accordController !== undefined');
    await page.evaluate('window.__accordController.begin()');
    const trips = quick ? 2 : 6;
    const routes = [['aldor', 'belport'], ['lakeside', 'lakeside']];
    for (let trip = 0; trip < trips; trip++) {
      const [a, b] = routes[trip % 2]!;
      await page.evaluate('window.__accordFrameTimes.clear()');
      // Both envoys set off; their tokens tween along the routes on the map.
      await page.evaluate(`(() => {
        const c = window.__accordController;
        c.send({ type: 'envoy.travel', envoy: 'envoy-lead', to: '${a}' });
        c.send({ type: 'envoy.travel', envoy: 'envoy-tech', to: '${b}' });
      })()`);
      await page.waitForFunction('window.__accordStage.envoys().some((e) => e.moving)', null, { timeout: 5000 }).catch(() => undefined);
      await page.waitForFunction('!window.__accordStage.envoys().some((e) => e.moving)', null, { timeout: 15000 }).catch(() => undefined);
      samples.push(...((await page.evaluate('window.__accordFrameTimes.recent()')) as number[]));
      await page.evaluate("window.__accordController.send({ type: 'day.end' })");
      await page.waitForTimeout(300);
    }
    // The table scene: a party's table up, nothing travelling.
    await page.evaluate("window.__accordController.showStage({ kind: 'table', party: 'aldoria' })");
    await page.waitForTimeout(500);
    await page.evaluate('window.__accordFrameTimes.clear()');
    await page.waitForTimeout(quick ? 1000 : 3000);
    table.push(...((await page.evaluate('window.__accordFrameTimes.recent()')) as number[]));
  } finally {
    await context.close();
  }
  const bareContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const bare = await bareContext.newPage();
  await bare.goto(`${bareUrl}?renderer=canvas`);
  await bare.waitForFunction('window.__accordReady === true');
  await bare.waitForTimeout(quick ? 1000 : 3000);
  const bareSamples = (await bare.evaluate('window.__bareFrames.slice(30)')) as number[];
  await bareContext.close();
  const g = percentile(samples, 95);
  const t = percentile(table, 95);
  const b = percentile(bareSamples, 95);
  const base = `bare Phaser page tweening one token: p95 ${fmt(b, 2)} ms`;
  return [
    figure('frame work while envoys travel, p95 ÷ bare page', g / b, '×', { max: 1.5 }, `game p95 ${fmt(g, 2)} ms over ${samples.length} frames; ${base}`, 1),
    figure('frame work on the table scene, p95 ÷ bare page', t / b, '×', { max: 1.5 }, `game p95 ${fmt(t, 2)} ms over ${table.length} frames; ${base}`, 1),
  ];
}
