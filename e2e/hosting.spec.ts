/**
 * Static hosting: the production build (dist/) works from a sub-path of any web server, and the
 * class link is the address the page was opened from — or, on this computer only (127.0.0.1),
 * how to get one students can open.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serveFolder } from './helpers/staticServer.ts';
import { watchErrors } from './helpers/ui.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

test('dist/ served under /some/path/ runs: the title, a briefing, and the talks', async ({ page }) => {
  const errors = watchErrors(page);
  const failed: string[] = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  const server = await serveFolder(dist, {}, '/some/path/');
  try {
    expect(server.url).toMatch(/\/some\/path\/$/);
    await page.goto(`${server.url}?scenario=tutorial&seed=3`);
    await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible({ timeout: 30_000 });
    await page.waitForFunction(() => window.__accordReady === true);
    // On 127.0.0.1 the briefing gives no useless link: it says how to get one.
    const region = page.getByRole('region', { name: 'Class link' });
    await expect(region).toContainText('on this computer only');
    await expect(region).toContainText('npm run class');
    await expect(region.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Class link settings' })).toHaveValue('?scenario=tutorial&start=draft&seed=3&difficulty=standard');
    await page.getByRole('button', { name: 'Begin' }).click();
    await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
    // Every asset came from under the sub-path: nothing asked for at the server's root.
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});

test("opened from a school's web address, the class link is that address with the game's settings", async ({ page }) => {
  const errors = watchErrors(page);
  // A static host at http://accord.school.example/lessons/accord/, answered from dist/.
  const base = 'http://accord.school.example/lessons/accord/';
  await page.route('http://accord.school.example/**', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (!path.startsWith('/lessons/accord/')) return route.fulfill({ status: 404 });
    const file = normalize(join(dist, path.slice('/lessons/accord/'.length) || 'index.html'));
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return route.fulfill({ status: 404 });
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };
    return route.fulfill({ status: 200, body: readFileSync(file), contentType: types[extname(file)] ?? 'application/octet-stream' });
  });
  await page.goto(`${base}?scenario=tutorial&seed=7&difficulty=open`);
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('textbox', { name: 'Class link' })).toHaveValue(`${base}?scenario=tutorial&start=draft&seed=7&difficulty=open`);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(errors).toEqual([]);
});
