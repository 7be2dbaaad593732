/**
 * The strict Content-Security-Policy: the built page runs a whole game, its debrief, sound and
 * settings without one violation under the policy as index.html's meta tag; and the opening of
 * the talks under the policy as a response header (whose violation reports the test server collects).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { serveFolder } from './helpers/staticServer.ts';
import { finishTutorialTalks, openTutorialTalks, startTutorial, watchErrors } from './helpers/ui.ts';

// This spec checks the policy, so the page must enforce it (the config bypasses it for other specs).
test.use({ bypassCSP: false });

const distTest = fileURLToPath(new URL('../dist-test', import.meta.url));
const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'";

/** Record every securitypolicyviolation event the page fires, from the first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/**
 * A whole tutorial game through the screens, its debrief, and the settings dialog: the opening and
 * one tabled day by hand, the same days until the leaders would meet through the test hook (the
 * screens they draw are the ones the hand-played day drew), the summit and ending by hand.
 */
async function playThrough(page: Page): Promise<void> {
  await startTutorial(page);
  await openTutorialTalks(page);
  await finishTutorialTalks(page);
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  await expect(page.locator('#debrief-title')).toBeFocused();
  await page.keyboard.press('o');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
}

test('index.html carries the policy, exactly as the issue gives it', () => {
  const html = readFileSync(new URL('../dist/index.html', import.meta.url), 'utf8');
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle="/);
});

test('under the meta tag: a whole game, debrief and settings with no violation', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
  await playThrough(page);
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});

// The whole game runs under the meta tag above; under the header, the same policy is checked on
// the WebGL title and the opening of the talks (map, tables, a redraft), not a second whole game.
test('under the policy as a header: the WebGL title and the opening of the talks send no violation report', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  const server = await serveFolder(distTest, { 'content-security-policy': `${POLICY}; report-uri /csp-report` });
  try {
    await page.goto(`${server.url}?renderer=webgl`);
    await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
    await page.waitForFunction(() => window.__accordReady === true);
    await expect(page.locator('html')).toHaveAttribute('data-renderer', 'webgl');
    expect(await violations()).toEqual([]);
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
    await startTutorial(page);
    await openTutorialTalks(page);
    expect(await violations()).toEqual([]);
    // A canary: one deliberate violation (an image from elsewhere), so the server has provably
    // received any report sent before it.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'http://example.invalid/canary.png';
      document.body.append(img);
    });
    await expect.poll(() => server.reports.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const reports = server.reports.map((r) => (JSON.parse(r) as { 'csp-report': { 'blocked-uri': string } })['csp-report']['blocked-uri']);
    expect(reports).toEqual(['http://example.invalid/canary.png']);
    expect(errors.filter((e) => !/canary\.png/.test(e))).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('studio.html carries the same policy', () => {
  const html = readFileSync(new URL('../dist/studio.html', import.meta.url), 'utf8');
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle="/);
});

test('the studio under the policy: editing, underlines, completion, hover help, the worker and its bot games, with no violation', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const violations = await watchViolations(page);
  await page.goto('/studio.html?test');
  await expect(page.getByRole('heading', { level: 1, name: 'Accord studio' })).toBeVisible();
  await expect(page.locator('.verdict')).toHaveText(/^Yes/, { timeout: 30_000 });
  // The editor's own styles are in force (CodeMirror injects them; a blocked sheet leaves it unstyled).
  await expect(page.locator('.cm-editor')).toHaveCSS('display', 'flex');
  // An error, underlined; then completion and the hover help.
  const at = (text: string) => page.evaluate((text) => {
    const { view } = (window as unknown as { __studio: { view: import('@codemirror/view').EditorView } }).__studio;
    const i = view.state.doc.toString().indexOf(text);
    view.dispatch({ selection: { anchor: i + text.length }, scrollIntoView: true });
    view.focus();
  }, text);
  await at('reservation: 48');
  await page.keyboard.type('x');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
  await page.keyboard.press('Backspace');
  await expect(page.locator('.verdict')).toHaveText(/^Yes/, { timeout: 30_000 });
  await at('  deadline: 2031-03-22');
  await page.keyboard.press('Enter');
  await page.keyboard.type('act');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('actionsPerDay');
  await page.keyboard.press('Escape');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await expect(page.locator('.verdict')).toHaveText(/^Yes/, { timeout: 30_000 });
  // Hover the key "reservation" (its middle, where CodeMirror draws it).
  const key = await page.evaluate(async () => {
    const { view } = (window as unknown as { __studio: { view: import('@codemirror/view').EditorView } }).__studio;
    const i = view.state.doc.toString().indexOf('reservation: 48');
    view.dispatch({ selection: { anchor: i }, scrollIntoView: true });
    // Drawn after the scroll: wait two frames for the line to be laid out.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const a = view.coordsAtPos(i + 2);
    if (!a) throw new Error('the key is not drawn');
    return { x: a.left + 2, y: (a.top + a.bottom) / 2 };
  });
  await page.mouse.move(key.x, key.y);
  await expect(page.locator('.schema-help')).toBeVisible();
  await expect(page.locator('td[data-bot="oracle"]').first()).toHaveText(/^\d+\/10$/, { timeout: 90_000 });
  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
