/**
 * Save slots in Chromium's own IndexedDB: two games on different scenarios and starts are both
 * kept and listed on the title, each resumes to its own day, starting one again asks before
 * replacing it, and an old single autosave moves into its slot (its hostile file name shown as
 * text). Moves go through the test hook: the title and its dialogs are the subject here.
 * With ACCORD_SHOTS=<folder> it also writes screenshots of the title and the question.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openTitle, startTutorial, TUTORIAL, watchErrors } from './helpers/ui.ts';

const GENEVA = 'Geneva, November 2025: from 28 points to 19';
const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">.yaml';
/** What versions before slots left: one autosave key in localStorage, a version-1 save. */
const OLD_AUTOSAVE = JSON.stringify({
  save: { format: 'accord-save', version: 1, scenario: { id: 'tutorial', version: '1.0.0' }, start: 'draft', seed: 2, difficulty: 'standard', log: [{ type: 'day.end' }] },
  customScenario: { file: HOSTILE, text: 'not needed to list it' },
});

async function endDays(page: Page, days: number): Promise<void> {
  await page.evaluate((n) => {
    for (let i = 0; i < n; i++) window.__accordController!.send({ type: 'day.end' });
  }, days);
}

const toTitle = (page: Page) => page.evaluate(() => window.__accordController!.toTitle());

async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.ACCORD_SHOTS;
  if (!dir) return;
  for (const [w, h] of [[1024, 768], [1920, 1080], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${dir}/${name}-${w}.png`, fullPage: name.startsWith('title') });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('two games on different scenarios and starts are both kept, listed, resumed to their own day; replacing one asks first', async ({ page }) => {
  test.setTimeout(150_000);
  const errors = watchErrors(page);
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('accord.autosave', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, OLD_AUTOSAVE);
  await openTitle(page);
  const saves = page.getByRole('region', { name: 'Saved game' });
  await expect(saves.getByRole('listitem')).toHaveText([new RegExp(`^${HOSTILE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · draft`)]);
  await expect(saves.locator('img')).toHaveCount(0);

  await startTutorial(page);
  await endDays(page, 1);
  await expect(page.getByTestId('day')).toHaveText(/^2 of/);
  await toTitle(page);

  await page.getByRole('radio', { name: GENEVA }).check();
  await page.getByRole('radio', { name: /The 19-point Geneva revision/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Begin' }).click();
  await endDays(page, 3);
  await expect(page.getByTestId('day')).toHaveText(/^4 of/);
  await toTitle(page);

  const list = page.getByRole('region', { name: 'Saved games (3)' }).getByRole('listitem');
  await expect(list).toHaveText([/^Geneva, November 2025.* · The 19-point Geneva revision.*Day 4 · no moves yet/, /^Tutorial: the Silver River accord · The Commission's first draft.*Day 2 · no moves yet /, /draft.*Day 2/]);
  await shots(page, 'title-two-slots');

  await page.getByRole('button', { name: `Resume ${TUTORIAL}` }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 of/);
  await toTitle(page);
  await page.getByRole('button', { name: `Resume ${GENEVA}` }).click();
  await expect(page.getByTestId('day')).toHaveText(/^4 of/);
  await toTitle(page);

  // Starting the tutorial again: asked, with what would be lost; Esc keeps everything and returns to Start.
  await page.getByRole('radio', { name: TUTORIAL }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  const ask = page.getByRole('dialog', { name: 'You have a saved game of this scenario and start' });
  await expect(ask).toContainText('Replacing it deletes that game (no moves over 2 days)');
  await expect(ask.getByRole('button', { name: 'Resume the saved game' })).toBeFocused();
  await expectAccessible(page, 'the replace question');
  await shots(page, 'replace-prompt');
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(page.getByRole('button', { name: 'Start' })).toBeFocused();
  await page.getByRole('button', { name: 'Start' }).click();
  await ask.getByRole('button', { name: 'Resume the saved game' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 of/);
  await toTitle(page);

  // Delete asks too; after it, focus goes to the next saved game.
  await page.getByRole('button', { name: /^Delete the saved game of <img/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this saved game?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await expectAccessible(page, 'the delete question');
  await confirm.getByRole('button', { name: 'Delete the saved game' }).click();
  await expect(page.getByRole('region', { name: 'Saved games (2)' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Resume ${TUTORIAL}` })).toBeFocused();
  expect(await page.title()).toBe('Accord');
  expect(errors).toEqual([]);
});
