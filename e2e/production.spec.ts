/**
 * The production build (dist/, `npm run build`), served on its own: it has no test hook, so no
 * query parameter hands anyone the controller or the hidden truth.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serveFolder } from './helpers/staticServer.ts';
import { watchErrors } from './helpers/ui.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

test('the production bundle holds no test hook', () => {
  const assets = join(dist, 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const f of scripts) {
    const code = readFileSync(join(assets, f), 'utf8');
    expect(code, f).not.toContain('__accordController');
    expect(code, f).not.toMatch(/\.has\(["']test["']\)/);
  }
});

test('?test is inert in the production build: no controller, no hidden values on window', async ({ page }) => {
  const errors = watchErrors(page);
  const server = await serveFolder(dist);
  try {
    await page.goto(`${server.url}?test&scenario=tutorial&seed=3`);
    await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();
    await page.waitForFunction(() => window.__accordReady === true);
    await page.getByRole('button', { name: 'Begin' }).click();
    await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
    const exposed = await page.evaluate(() => {
      const own = Object.keys(window).filter((k) => /accord/i.test(k));
      // Anything reachable from the hooks that are there, as text: no party's hidden values.
      const text = JSON.stringify(own.map((k) => {
        const v = (window as unknown as Record<string, unknown>)[k];
        return typeof v === 'object' && v !== null ? Object.keys(v) : typeof v;
      }));
      return { own, hasController: '__accordController' in window, text };
    });
    expect(exposed.hasController).toBe(false);
    // Only the reporting hooks (ready.ts, the soundboard's log): none reads the game back.
    expect(exposed.own.sort()).toEqual(['__accordAudio', '__accordFrameTimes', '__accordReady', '__accordStage']);
    expect(exposed.text).not.toMatch(/reservation|redLines|truth|controller/i);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});
