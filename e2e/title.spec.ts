import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, openTitle, TUTORIAL, watchErrors } from './helpers/ui.ts';

// Screenshots of the saved games that cannot be opened, only when asked for: ACCORD_SHOTS=<folder>.
const SHOTS = process.env.ACCORD_SHOTS || null;

test('the title lists every shipped scenario with its starts, difficulties and disclaimer (canvas)', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await expect(page.locator('html')).toHaveAttribute('data-renderer', 'canvas');
  await expect(page.locator('#stage canvas')).toBeVisible();
  const scenarios = page.getByRole('group', { name: 'Scenario' });
  await expect(scenarios.getByRole('radio', { name: TUTORIAL })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Starting text' }).getByRole('radio', { name: /The Commission's first draft/ })).toBeChecked();
  const difficulty = page.getByRole('group', { name: /Difficulty/ });
  await expect(difficulty.getByRole('radio')).toHaveCount(3);
  await expect(difficulty.getByRole('radio', { name: 'Standard' })).toBeChecked();
  await expect(page.getByText('Scenarios are simplified teaching models built from public reporting')).toBeVisible();
  // Sources with a full address are links that open in a new tab, never in this page.
  await page.getByRole('button', { name: 'Sources and credits' }).click();
  const credits = page.getByRole('dialog', { name: 'Sources and credits' });
  await expect(credits).toContainText('Fictional; written for this tutorial.');
  expect(await credits.locator('a:not([target="_blank"]), a:not([rel~="noopener"])').count()).toBe(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Sources and credits' })).toBeFocused();
  expect(errors).toEqual([]);
});

test('the title renders with WebGL', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page, '?renderer=webgl');
  await expect(page.locator('html')).toHaveAttribute('data-renderer', 'webgl');
  await page.screenshot({ path: 'e2e/screenshots/title-1280x720-webgl.png' });
  expect(errors).toEqual([]);
});

test('a game saved in this browser can be continued from the title', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page, '?scenario=tutorial&seed=3');
  await page.getByRole('button', { name: 'Begin' }).click();
  // One move (an envoy sets off), then the day ends: the list counts the move, and the day apart.
  await expect.poll(() => page.evaluate(() => window.__accordController?.send({ type: 'envoy.travel', envoy: 'envoy-lead', to: 'aldor' }).ok)).toBe(true);
  await page.getByRole('button', { name: 'End day' }).click();
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Back to title' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Saved game' })).toContainText(`${TUTORIAL} · The Commission's first draftDay 2 · 1 move ·`);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    for (const [w, hgt] of [[1024, 768], [1920, 1080], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.getByRole('region', { name: 'Saved game' }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SHOTS}/saved-game-moves-${w}x${hgt}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await page.getByRole('button', { name: `Resume ${TUTORIAL}` }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 of 21/);
  expect(errors).toEqual([]);
});

for (const [what, saved] of [
  ['is damaged', '{"save": {"format": "accord-save", "version": 1, '],
  ['is from a newer version', JSON.stringify({ save: { format: 'accord-save', version: 99, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 1, difficulty: 'standard', log: [] } })],
  ['has commands that no longer apply', JSON.stringify({ save: { format: 'accord-save', version: 1, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 1, difficulty: 'standard', log: [{ type: 'envoy.meet', envoy: 'envoy-lead', party: 'aldoria' }] } })],
] as const) {
  test(`a saved game that ${what} gives a clear message, is kept until deleted, and a new game can start`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('accord.autosave', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, saved);
    await openTitle(page);
    if (what === 'has commands that no longer apply') {
      // Only replaying reveals it: the title offers Resume, and resuming explains.
      await page.getByRole('button', { name: /^Resume/ }).click();
    }
    await expect(page.getByRole('alert')).toContainText(/The saved game could not be continued|A saved game could not be read/);
    await expect(page.getByRole('button', { name: /^Resume/ })).toHaveCount(0);
    const list = page.getByRole('region', { name: 'Saved game' });
    await expect(list).toContainText('Cannot be opened: ');
    await expect(list).toContainText('It is kept as it is: download a copy, or delete it.');
    // Named by the game it was (its text says so even where it cannot be read as a save), never "an earlier version".
    await expect(list).not.toContainText('earlier version');
    if (what !== 'is damaged') await expect(list.locator('.slot-title')).toContainText(TUTORIAL);
    await expect(page.getByRole('button', { name: /^Delete the saved game of/ })).toBeVisible();
    // A copy, exactly as kept: nothing is lost by deleting it afterwards.
    const [copy] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download a copy of the saved game of/ }).click()]);
    const text = readFileSync((await copy.path())!, 'utf8');
    if (what === 'has commands that no longer apply') expect(JSON.parse(text).save.log).toHaveLength(1);
    else expect(text).toBe(saved);
    await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
    await expectAccessible(page, 'a saved game that cannot be opened');
    if (SHOTS && what === 'is from a newer version') {
      mkdirSync(SHOTS, { recursive: true });
      for (const [w, hgt] of [[1024, 768], [1920, 1080], [390, 844]] as const) {
        await page.setViewportSize({ width: w, height: hgt });
        await list.scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${SHOTS}/saved-game-cannot-open-${w}x${hgt}.png` });
      }
    }
    expect(errors).toEqual([]);
  });
}
