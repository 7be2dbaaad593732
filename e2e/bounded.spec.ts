/**
 * An analyser's answer that is bounded, not exact (its work budget ran out), as a reader sees it on
 * the debrief, the class results and the studio: plain words that say a better deal may exist, in
 * a calm note set apart from the text around it (its own border and background, not the alarm's
 * red), with no accessibility problem. The test build's `?work=1` (game/analysisWork.ts) gives the
 * analyser a budget of one node, so the tutorial's answers are bounded. Screenshots at three sizes
 * go to ACCORD_SHOTS when it is set.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { classFixtures } from '../src/testing/classFiles.ts';
import { expectAccessible, openTitle, watchErrors, winningCommands } from './helpers/ui.ts';

const SHOTS = process.env.ACCORD_SHOTS || null;
const SIZES = [[1024, 768], [1920, 1080], [390, 844]] as const;
const WORDS = /^Best found, not proven best: the analyser stopped at its work budget before it had checked every text, so the deals shown are the best it found and a slightly better one may exist\. The most durable deal possible leaves the worst-off party between [\d.]+ and [\d.]+ above its walk-away\.$/;

/** The note's look: set apart by a border on its left and a background of its own, and not red. */
async function expectCalmNote(page: Page): Promise<void> {
  const note = page.locator('.bounded');
  await expect(note).toHaveCount(1);
  await expect(note).toBeVisible();
  await expect(note).toHaveText(WORDS);
  const look = await note.evaluate((el) => {
    const s = getComputedStyle(el);
    const parent = getComputedStyle(el.parentElement!);
    return { left: s.borderLeftWidth, leftColor: s.borderLeftColor, background: s.backgroundColor, parentBackground: parent.backgroundColor, color: s.color, padding: s.paddingLeft };
  });
  expect(parseFloat(look.left)).toBeGreaterThanOrEqual(3);
  expect(parseFloat(look.padding)).toBeGreaterThan(0);
  expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(look.background).not.toBe(look.parentBackground);
  // Not the alarm colour: a blue edge (more blue than red).
  const [r, , b] = look.leftColor.match(/\d+/g)!.map(Number);
  expect(b!).toBeGreaterThan(r!);
}

async function shots(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, hgt] of SIZES) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.locator('.bounded').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${hgt}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the debrief of a won game with a bounded analysis says so in a calm note', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await openTitle(page, '?work=1');
  await page.evaluate((list) => {
    const c = window.__accordController!;
    c.choose('tutorial', 'draft', 'standard', 1);
    c.begin();
    for (const command of list) c.send(command);
  }, winningCommands(1));
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Deal signed on day/ })).toBeFocused();
  await expectCalmNote(page);
  // The sentence before it claims no more than the search found.
  await expect(page.locator('.left-on-table')).toHaveText(/^Value left on the table: the most durable deal the analyser found would have given/);
  await expectAccessible(page, 'the debrief with a bounded analysis');
  await shots(page, 'bounded-debrief');
  expect(errors).toEqual([]);
});

test('class results with a bounded analysis say so in a calm note', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openTitle(page, '?work=1');
  // The two sound results of the class fixtures (the others are refused, which is another test's matter).
  const files = classFixtures().slice(0, 2);
  await page.getByLabel('Files for the class results').setInputFiles(files.map((f) => ({ name: f.file, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await expect(page.getByRole('heading', { level: 1, name: 'Tutorial: the Silver River accord' })).toBeVisible();
  await expectCalmNote(page);
  await expect(page.getByRole('region', { name: 'Best and worst results' })).toContainText('The most durable deal the analyser found gives every party at least');
  await expectAccessible(page, 'the class results with a bounded analysis', { serious: true });
  await shots(page, 'bounded-class-results');
  expect(errors).toEqual([]);
});

test('the studio with a bounded analysis says so in a calm note', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto('/studio.html?work=1');
  await expect(page.locator('.verdict')).toHaveText(/^Yes: a text every required party can sign exists/, { timeout: 20_000 });
  await expectCalmNote(page);
  // The panel only: the editor's own scroller (CodeMirror's) is another matter.
  const audit = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).include('.panel').setLegacyMode(true).analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shots(page, 'bounded-studio');
  expect(errors).toEqual([]);
});
