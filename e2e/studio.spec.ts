/**
 * The studio (studio.html): type an error and see it underlined at its line, fix it, see the
 * feasibility verdict follow the text, play the edited text, save the file; and the browser
 * loader's lint warnings. Screenshots go to ACCORD_SHOTS (default test-results/studio-shots).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { watchErrors } from './helpers/ui.ts';

const SHOTS = process.env.ACCORD_SHOTS ?? 'test-results/studio-shots';

async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
}

/** Put the cursor at the end of the n-th line (0-based) containing `text`, as a click there would. */
async function cursorAfter(page: Page, text: string, nth = 0): Promise<void> {
  await page.evaluate(({ text, nth }) => {
    const { view } = (window as unknown as { __studio: { view: import('@codemirror/view').EditorView } }).__studio;
    const doc = view.state.doc.toString();
    let at = -1;
    for (let i = 0; i <= nth; i++) at = doc.indexOf(text, at + 1);
    if (at < 0) throw new Error(`no "${text}" in the editor`);
    view.dispatch({ selection: { anchor: at + text.length }, scrollIntoView: true });
    view.focus();
  }, { text, nth });
}

async function openStudio(page: Page): Promise<void> {
  await page.goto('/studio.html?test');
  await expect(page.getByRole('heading', { level: 1, name: 'Accord studio' })).toBeVisible();
  await expect(page.locator('.verdict')).toHaveText(/^Yes: a text every required party can sign exists/, { timeout: 20_000 });
}

test('type an error, see it at its line, fix it, see feasibility follow, play the edited text', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openStudio(page);
  // An error: a letter typed into Aldoria's walk-away.
  await cursorAfter(page, 'reservation: 48');
  await page.keyboard.type('x');
  const underline = page.locator('.cm-lintRange-error');
  await expect(underline).toHaveCount(1);
  const errorLine = page.locator('.cm-line', { has: underline });
  await expect(errorLine).toHaveText(/reservation: 48x/);
  // The problem names the line it is on in the shipped file (worked out, so the file may grow).
  const line = readFileSync('scenarios/tutorial/scenario.yaml', 'utf8').split('\n').findIndex((l) => l.includes('reservation: 48')) + 1;
  await expect(page.getByRole('list', { name: 'Problems and warnings' }).getByRole('listitem').first()).toContainText(new RegExp(`:${line}:\\d+: parties\\[1\\]\\.reservation: expected number`));
  // Nothing to play (or rate) until the text loads: the row is hidden, not shown empty.
  await expect(page.getByRole('button', { name: 'Play from here' })).toBeHidden();
  await expect(page.getByRole('table', { name: /Bot deal rates/ })).toBeHidden();
  await shot(page, 'studio-error');
  // Fixed: back to a text that can be won.
  await page.keyboard.press('Backspace');
  await expect(underline).toHaveCount(0);
  await expect(page.locator('.verdict')).toHaveText(/^Yes/);
  // Both sides ask for 80: nobody can win, and the panel says why.
  for (const [from, to, nth] of [['reservation: 48', '80', 0], ['reservation: 45', '80', 0], ['opening: 85', '90', 0], ['opening: 85', '90', 0]] as const) {
    await cursorAfter(page, from, nth);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(to);
  }
  await expect(page.locator('.verdict')).toHaveText(/^No: no text passes/);
  await expect(page.locator('ul.why')).toContainText("Aldoria's walk-away: it signs no text worth less than 80 to it");
  await expect(page.locator('ul.why')).toContainText("Belmar's signature is required");
  await expect(page.getByRole('list', { name: 'Problems and warnings' })).toContainText('warning: ratification: no text passes');
  await shot(page, 'studio-infeasible');
  // Back to 48 and 45: winnable again, and the bots' rates fill in.
  for (const to of ['48', '45']) {
    await cursorAfter(page, 'reservation: 80', 0);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(to);
  }
  await expect(page.locator('.verdict')).toHaveText(/^Yes/);
  await expect(page.locator('td[data-bot="oracle"]')).toHaveText(/^\d+\/10$/, { timeout: 60_000 });
  await shot(page, 'studio-balanced');
  // Edit the title and play it.
  await cursorAfter(page, 'title: "Tutorial: the Silver River accord');
  await page.keyboard.type(' (edited)');
  await expect(page.locator('.verdict')).toHaveText(/^Yes/);
  await expect(page.getByRole('button', { name: 'Play from here' })).toBeEnabled();
  await page.getByRole('button', { name: 'Play from here' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tutorial: the Silver River accord (edited)', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Begin' })).toBeVisible();

  // Play a day, go back to the studio, edit again: the game goes on at the same step on the new text.
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByRole('button', { name: 'End day' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 of/);
  await openStudio(page);
  await cursorAfter(page, 'title: "Tutorial: the Silver River accord (edited)');
  await page.keyboard.type(' again');
  // The verdict still says Yes from before the edit: wait for the edit itself to be in the editor.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __studio: { view: import('@codemirror/view').EditorView } }).__studio.view.state.doc.toString().includes('(edited) again'))).toBe(true);
  await expect(page.locator('.verdict')).toHaveText(/^Yes/);
  await page.getByRole('button', { name: 'Play from here' }).click();
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Your game was kept' })).toContainText('The one move played still applies to the edited text', { timeout: 20_000 });
  await expect(page.getByTestId('day')).toHaveText(/^2 of/);
  expect(errors).toEqual([]);
});

test('save the file: a download where the File System Access API is missing', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await openStudio(page);
  await cursorAfter(page, 'title: "Tutorial: the Silver River accord');
  await page.keyboard.type(' saved');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('tutorial.yaml');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('title: "Tutorial: the Silver River accord saved"');
});

test('start from the template: it loads, and completion offers the keys the format allows', async ({ page }) => {
  await openStudio(page);
  await page.getByLabel('Start from').selectOption('template');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.locator('.verdict')).toHaveText(/^Yes/);
  await cursorAfter(page, '  deadline: 2030-01-15');
  await page.keyboard.press('Enter');
  await page.keyboard.type('act');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('actionsPerDay');
});

test('the browser loader lists lint warnings for a scenario that loads', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
  await page.getByLabel('Scenario file').setInputFiles({ name: 'infeasible.yaml', mimeType: 'text/yaml', buffer: readFileSync('src/cli/fixtures/infeasible.yaml') });
  const warnings = page.getByRole('list', { name: 'Warnings about the file' });
  await expect(warnings.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  await expect(warnings.getByRole('listitem')).toContainText('infeasible.yaml:238:3: warning: ratification: no text passes');
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 390, height: 844 }]) {
  test(`the studio at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openStudio(page);
    await cursorAfter(page, 'reservation: 48');
    await page.keyboard.type('x');
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
    await shot(page, 'studio-error');
  });
}

/** Both sides ask for 80 and open at 90: nobody can win. */
async function makeInfeasible(page: Page): Promise<void> {
  for (const [from, to] of [['reservation: 48', '80'], ['reservation: 45', '80'], ['opening: 85', '90'], ['opening: 85', '90']] as const) {
    await cursorAfter(page, from);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(to);
  }
  await expect(page.locator('.verdict')).toHaveText(/^No: no text passes/);
}

for (const viewport of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`screenshots at ${viewport.width}x${viewport.height}: an error, an infeasible scenario explained, a balanced one`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await openStudio(page);
    await expect(page.locator('td[data-bot="oracle"]')).toHaveText(/^\d+\/10$/, { timeout: 90_000 });
    await shot(page, 'shot-balanced');
    await cursorAfter(page, 'reservation: 48');
    await page.keyboard.type('x');
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
    await shot(page, 'shot-error');
    await page.keyboard.press('Backspace');
    await expect(page.locator('.verdict')).toHaveText(/^Yes/);
    await makeInfeasible(page);
    await expect(page.locator('ul.why')).toContainText("Belmar's walk-away");
    await shot(page, 'shot-infeasible');
  });
}
