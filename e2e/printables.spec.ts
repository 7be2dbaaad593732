/**
 * Printables in real Chromium: reached from the title by keyboard, the teacher guide prints as
 * exactly one A4 page and one Letter page, a role sheet and "everything" print as paper pages,
 * and the printed text has the documents' words and none of the screen's buttons or choices.
 * Screenshots (screen and print preview) go to e2e/screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openTitle, watchErrors } from './helpers/ui.ts';

const SHOTS = 'e2e/screenshots';
const GENEVA = 'Geneva, November 2025: from 28 points to 19';

/** Pages in a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
function pageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  return text.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Page counts of the page printed on A4 and on Letter (page.pdf uses print media unless another is emulated). */
async function pdfPages(page: Page): Promise<{ a4: number; letter: number }> {
  const a4 = pageCount(await page.pdf({ format: 'A4' }));
  const letter = pageCount(await page.pdf({ format: 'Letter' }));
  return { a4, letter };
}

/** What prints: the text a reader sees under print media, and the controls still showing. */
async function printed(page: Page): Promise<{ text: string; controls: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const out = await page.evaluate(() => ({
    text: document.body.innerText,
    controls: [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="button"]')]
      .filter((el) => el.checkVisibility())
      .map((el) => el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName),
  }));
  return out;
}

test('the teacher guide prints as one page; role sheets and everything print as clean paper pages', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await page.getByRole('radio', { name: GENEVA }).check();
  // Keyboard: from the Start button, Tab reaches the printables.
  await page.getByRole('button', { name: 'Start', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Printables/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: GENEVA })).toBeVisible();
  const guide = page.locator('article[data-doc="guide"]');
  await expect(guide.getByRole('heading', { name: 'Questions for discussion' })).toBeVisible();
  await expectAccessible(page, 'the printables');
  await page.screenshot({ path: `${SHOTS}/printables-screen-1280x720.png` });

  // Teacher guide: one page on A4 and on Letter, with its words and no screen chrome.
  expect(await pdfPages(page)).toEqual({ a4: 1, letter: 1 });
  const g = await printed(page);
  expect(g.controls).toEqual([]);
  for (const words of ['Teacher guide', 'What it teaches', 'A 45-minute lesson', 'The European allies do not sign', 'Glossary', 'Walk-away', 'Security guarantee']) {
    expect(g.text.toLowerCase()).toContain(words.toLowerCase());
  }
  for (const chrome of ['Document to print', 'Print', 'Back', 'Role sheet:']) expect(g.text).not.toContain(chrome);
  await page.screenshot({ path: `${SHOTS}/printables-guide-print.png`, fullPage: true });
  await page.emulateMedia({ media: null });

  // Ukraine's role sheet: public position and private instructions, on paper.
  await page.getByRole('radio', { name: 'Role sheet: Ukraine' }).check();
  const sheet = page.locator('article[data-doc="sheet:ukraine"]');
  await expect(sheet.getByRole('heading', { name: /Private instructions/ })).toBeVisible();
  const sheetPages = await pdfPages(page);
  expect(sheetPages.a4).toBeGreaterThanOrEqual(1);
  expect(sheetPages.a4).toBeLessThanOrEqual(3);
  expect(sheetPages.letter).toBeLessThanOrEqual(3);
  const s = await printed(page);
  expect(s.controls).toEqual([]);
  for (const words of ['Role sheet', 'Public position', 'Priorities.', 'Red lines.', 'Walk-away.', 'What each point is worth to you']) expect(s.text.toLowerCase()).toContain(words.toLowerCase());
  expect(s.text.toLowerCase()).not.toContain('teacher guide');
  await page.screenshot({ path: `${SHOTS}/printables-role-sheet-print.png`, fullPage: true });
  await page.emulateMedia({ media: null });

  // Everything: guide, briefing and a role sheet for each of the four parties (the US mediation, Ukraine, Russia, the E3), each on its own pages.
  await page.getByRole('radio', { name: /^Everything/ }).check();
  await expect(page.locator('article.printable')).toHaveCount(2 + 4);
  const all = await pdfPages(page);
  expect(all.a4).toBeGreaterThanOrEqual(6);
  const everything = await printed(page);
  expect(everything.controls).toEqual([]);
  expect(everything.text.toLowerCase()).toContain('general briefing');
  await page.emulateMedia({ media: null });

  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
  expect(errors).toEqual([]);
});
