/**
 * The debrief: a tutorial game won (through the test hook; play.spec.ts wins one by mouse), its numbers checked against the engine's own
 * score for the exported log (replayed here in Node), the result opened again in a fresh
 * browser; and a game lost at the deadline, whose debrief shows the best offer turned down.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createGame } from '../src/engine/session.ts';
import type { ResultFile } from '../src/debrief/resultFile.ts';
import type { Command } from '../src/engine/commands.ts';
import { readableBalance } from '../src/engine/score.ts';
import { envoy, expectAccessible, openTitle, startTutorial, tutorialScenario, watchErrors, winningCommands } from './helpers/ui.ts';

// Screenshots (the debrief on screen, its charts, its printed pages) only when asked for: ACCORD_SHOTS=<folder>.
const SHOTS = process.env.ACCORD_SHOTS || null;

/** The debrief on screen, its charts (or the offer turned down) scrolled into view, and its printed pages. */
async function shots(page: Page, name: string, below: Locator, belowName: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}-1280x720.png` });
  await below.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}-${belowName}-1280x720.png` });
  await printShot(page, SHOTS, name);
}

interface DebriefNumbers {
  days: string;
  points: string;
  durability: string;
  balance: string;
  /** Party name → margin in the player's text. */
  margins: Record<string, string>;
}

/** The numbers as the debrief shows them, read from its tables by their captions. */
async function debriefNumbers(page: Page): Promise<DebriefNumbers> {
  const score = page.getByRole('table', { name: 'Score' });
  const cell = async (row: string) => (await score.getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').first().textContent()) ?? '';
  const comparison = page.getByRole('table', { name: 'Point by point, and what each party got' });
  const margins: Record<string, string> = {};
  for (const row of await comparison.getByRole('row', { name: /margin above walk-away/ }).all()) {
    const name = ((await row.getByRole('rowheader').textContent()) ?? '').replace(': margin above walk-away', '');
    margins[name] = (await row.getByRole('cell').nth(1).textContent()) ?? '';
  }
  return { days: await cell('Days taken'), points: await cell('Points in the text'), durability: await cell('Durability'), balance: await cell('Balance'), margins };
}

/** The printed debrief: a full-page screenshot in print media. */
async function printShot(page: Page, SHOTS: string, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/${name}-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}

test('a won tutorial: the debrief has the engine’s score, and the exported result opens the same debrief elsewhere', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  // The game is won through the test hook: play.spec.ts wins it by mouse, and this test is about the debrief.
  const commands = winningCommands(1);
  await openTitle(page, '?test');
  await page.evaluate((list) => {
    const c = window.__accordController!;
    c.choose('tutorial', 'draft', 'standard', 1);
    c.begin();
    for (const command of list) c.send(command);
  }, commands);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deal signed');
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Deal signed on day/ })).toBeFocused();
  const shown = await debriefNumbers(page);

  // Export, by keyboard from the heading: whose result it is first, then the download is the result file.
  await page.keyboard.press('Tab');
  const nameField = page.getByRole('textbox', { name: 'Your name or class alias' });
  await expect(nameField).toBeFocused();
  await page.keyboard.press('Tab');
  const exportButton = page.getByRole('button', { name: 'Export result (JSON)' });
  await expect(exportButton).toBeFocused();
  expect(await exportButton.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  // No name yet: nothing is downloaded, and the field says why.
  await page.keyboard.press('Enter');
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Write your name or class alias first.')).toBeVisible();
  await page.keyboard.type('Ana López');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^accord-tutorial-draft-ana-lópez-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const result = JSON.parse(readFileSync(file, 'utf8')) as ResultFile;
  expect(result.outcome).toBe('deal');
  expect(result.name).toBe('Ana López');

  // The engine, replaying the exported log on its own, scores the same deal.
  const scenario = tutorialScenario();
  const game = createGame(scenario, { start: result.start, seed: result.seed, difficulty: result.difficulty as 'standard' });
  for (const entry of result.log) expect(game.send('seat' in entry ? (entry.command as Command) : entry).ok).toBe(true);
  const outcome = game.view().outcome;
  game.stop();
  if (outcome?.kind !== 'deal') throw new Error(`the replay ended in ${outcome?.kind ?? 'nothing'}`);
  const { score } = outcome;
  expect(result.score).toEqual(score);
  const name = (id: string) => scenario.parties.find((p) => p.id === id)!.name;
  expect(shown).toEqual({
    days: String(score.days),
    points: expect.stringMatching(new RegExp(`→ ${score.points}$`)) as unknown as string,
    durability: score.durability.toFixed(2),
    // Balance on the margins' scale (their geometric mean), not the raw product.
    balance: readableBalance(score.margins).toFixed(1),
    margins: Object.fromEntries(Object.entries(score.margins).map(([id, m]) => [name(id), m.toFixed(1)])),
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Deal signed on day ${outcome.day + 1}`);

  await expectAccessible(page, 'the debrief of a deal', { serious: true });
  await shots(page, 'debrief-deal', page.getByRole('heading', { name: 'How the talks went' }), 'charts');

  // A teacher opens the file in another browser: the same debrief.
  const teacher = await browser.newContext();
  const other = await teacher.newPage();
  const otherErrors = watchErrors(other);
  await openTitle(other);
  await other.getByLabel('Result file').setInputFiles(file);
  // The file is checked off the main thread by replaying its whole game: allow a slow machine its time.
  await expect(other.getByRole('heading', { level: 1, name: `Deal signed on day ${outcome.day + 1}` })).toBeVisible({ timeout: 60_000 });
  expect(await debriefNumbers(other)).toEqual(shown);
  // The teacher has the file already: nothing to export from here.
  await expect(other.getByRole('button', { name: 'Export result (JSON)' })).toHaveCount(0);
  expect(otherErrors).toEqual([]);
  await teacher.close();
  expect(errors).toEqual([]);
});

test('a game lost at the deadline: the live region keeps up, and the debrief shows the best offer turned down', async ({ page }) => {
  // Twenty days played through the UI: on a busy 2-core machine this takes well over a minute.
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const announcer = page.getByTestId('announcer');
  await openTitle(page);
  await startTutorial(page);
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Travel to Aldor City/ }).click();
  await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Travel to Belmar Port/ }).click();
  await page.getByRole('button', { name: 'End day' }).click();
  // The new day is read out.
  await expect(announcer).toContainText('Day 2:');
  // So are the answers to the first draft, tabled once on each side.
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Table the text with Aldoria/ }).click();
  await expect(announcer).toContainText(/Aldoria (can accept|rejected|will not discuss)/);
  await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Table the text with Belmar/ }).click();
  await expect(announcer).toContainText(/Belmar (can accept|rejected|will not discuss)/);
  const over = page.getByRole('heading', { level: 1, name: /talks collapsed|deadline passed/ });
  // Each day ended by hand until the news of day 5 is read out with its day; the days after it,
  // where nothing but the day changes, end through the test hook, and the deadline ends the talks.
  let heardNews = false;
  for (let day = 2; day <= 8 && !heardNews && !(await over.isVisible()); day++) {
    await page.getByRole('button', { name: 'End day' }).click();
    await expect(announcer).toContainText(`Day ${day + 1}:`);
    heardNews = ((await announcer.textContent()) ?? '').includes('Forecasters warn of a dry spring');
  }
  expect(heardNews).toBe(true);
  await page.evaluate(() => {
    const c = window.__accordController!;
    for (let day = 0; day < 21 && !c.currentGame()!.view().outcome; day++) {
      const ended = c.send({ type: 'day.end' });
      if (!ended.ok) throw new Error(`ending a day: ${ended.reason}`);
    }
  });
  await expect(over).toBeVisible();
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  // The debrief and its charts load on first use.
  await expect(page.getByRole('heading', { level: 1, name: /collapsed|deadline passed/ })).toBeFocused({ timeout: 45_000 });
  const rejected = page.getByRole('region', { name: 'The best offer that was turned down' });
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText(/(Aldoria|Belmar) turned down the text/);
  await expectAccessible(page, 'the debrief of a failed game', { serious: true });
  await shots(page, 'debrief-failed', rejected, 'rejected');
  expect(errors).toEqual([]);
});
