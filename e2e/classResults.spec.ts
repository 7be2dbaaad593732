/**
 * Class results: five result files made by the engine (two students, one edited by hand, one
 * for another scenario, one cut off) dropped on the page together give the class table with
 * the right counts and the three refused files named; the CSV keeps a formula-like name as
 * text; the picker takes many files too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { classFixtures, CLASS_NAMES } from '../src/testing/classFiles.ts';
import { expectAccessible, openTitle, watchErrors } from './helpers/ui.ts';

const SHOTS = process.env.ACCORD_SHOTS ?? 'e2e/screenshots';
const files = classFixtures();

async function dropFiles(page: Page, list: { file: string; text: string }[]): Promise<void> {
  const dt = await page.evaluateHandle((fs) => {
    const transfer = new DataTransfer();
    for (const f of fs) transfer.items.add(new File([f.text], f.file, { type: 'application/json' }));
    return transfer;
  }, list);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

test('five result files dropped together: the class table, the counts, and the three refused files named', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openTitle(page);
  await dropFiles(page, files);

  await expect(page.getByRole('heading', { level: 1, name: 'Tutorial: the Silver River accord' })).toBeVisible();
  await expect(page.getByTestId('class-counts')).toHaveText(/^5 files opened: 2 results in the class \(2 deals, 0 collapsed, 0 past the deadline, 0 unfinished\); 3 files not counted\.$/);
  const table = page.getByRole('table', { name: /^Class table/ });
  await expect(table.getByRole('rowheader')).toHaveCount(2);
  expect((await table.getByRole('rowheader').allTextContents()).sort()).toEqual([CLASS_NAMES.first, CLASS_NAMES.formula].sort());
  // Every signatory's margin has a column; plain meanings ride along for screen readers.
  await expect(table.getByRole('columnheader', { name: /^Margin: Aldoria/ })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /^Balance/ })).toHaveAttribute('title', /geometric mean/);

  const refused = page.getByRole('list', { name: 'Files not counted' }).getByRole('listitem');
  await expect(refused).toHaveCount(3);
  await expect(refused.filter({ hasText: 'accord-tutorial-draft-cleo.json' })).toContainText('edited');
  await expect(refused.filter({ hasText: 'accord-scoring-base-dev.json' })).toContainText('another scenario');
  await expect(refused.filter({ hasText: 'accord-tutorial-draft-eli.json' })).toContainText('not valid JSON');
  await expect(page.getByRole('heading', { name: 'Best and worst results' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Options chosen, per point' }).getByRole('row')).toHaveCount(1 + 5);
  // The charts come with Chart.js fetched on demand.
  await expect(page.locator('.class-results canvas')).toHaveCount(2);
  await expect.poll(() => page.locator('.class-results canvas').evaluateAll((cs) => cs.every((c) => (c as HTMLCanvasElement).width > 0))).toBe(true);

  // The CSV: the student named =HYPERLINK("x") stays text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('accord-class-tutorial-draft.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv.split('\r\n').some((line) => /^"?=/.test(line))).toBe(false);

  await expectAccessible(page, 'the class results', { serious: true });
  await page.waitForTimeout(400);
  for (const [w, hgt] of [[1280, 720], [1024, 768], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/class-table-${w}x${hgt}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/class-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});

test('the picker takes many files, and more can be added to the class', async ({ page }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'accord-class-'));
  const paths = files.map((f) => {
    const p = join(dir, f.file);
    writeFileSync(p, f.text);
    return p;
  });
  await openTitle(page);
  await page.getByLabel('Files for the class results').setInputFiles(paths.slice(0, 2));
  await expect(page.getByTestId('class-counts')).toHaveText(/^2 files opened: 2 results/);
  await page.getByLabel('Add result files').setInputFiles(paths.slice(2));
  await expect(page.getByTestId('class-counts')).toHaveText(/^5 files opened: 2 results .*3 files not counted/);
  await page.getByRole('button', { name: 'Back to the title' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
});
