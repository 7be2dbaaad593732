/**
 * A negotiation the player can read: answers that say the demand and the timing, sources that
 * open as links, and keyboard focus that stays usable after an action.
 */
import { expect, test, type Page } from '@playwright/test';
import { envoy, openTitle, section, startTutorial, watchErrors } from './helpers/ui.ts';

/** Screenshots only when asked for (`ACCORD_SHOTS=dir`), to look at by eye. */
const SHOTS = process.env.ACCORD_SHOTS || null;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}` });
};

/** The element with focus, described: never the page itself. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}`;
  });
}

test('Geneva sources open as links in a new tab, with outlet and date, and no dropped outlet', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await page.getByRole('button', { name: 'Sources and credits' }).click();
  const credits = page.getByRole('dialog', { name: 'Sources and credits' });
  const geneva = credits.locator('section.sources').filter({ has: page.getByRole('heading', { name: /Geneva/ }) });
  const links = await geneva.getByRole('link').evaluateAll((els) => els.map((a) => ({ href: a.getAttribute('href') ?? '', target: a.getAttribute('target'), rel: a.getAttribute('rel') ?? '' })));
  expect(links.length).toBeGreaterThan(60);
  for (const link of links) {
    expect(link.target).toBe('_blank');
    expect(link.rel).toMatch(/noopener/);
    expect(link.href).toMatch(/^https?:\/\/[^/]+\.[^/]+\//);
  }
  await expect(geneva.getByRole('link', { name: /gov\.uk\/government\/news\/pm-call-with-president-trump/ })).toHaveAccessibleName(/opens in a new tab/);
  await expect(geneva).toContainText('SBS News (Australian public broadcaster): ');
  await expect(geneva).not.toContainText(/news-pravda|sputnikglobe|antiwar\.com|pureoldies1055|attackofthefanboy/);
  await page.setViewportSize({ width: 1024, height: 768 });
  await geneva.scrollIntoViewIfNeeded();
  await shot(page, 'sources-1024x768.png');
  expect(errors).toEqual([]);
});

test('focus after an action stays on something usable by keyboard, and an answer says its demand and timing', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await openTitle(page);
  await startTutorial(page);
  // Travel by keyboard: the envoy's buttons go away while it travels; focus moves to its card, not the page.
  const travel = envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Travel to Aldor City/ });
  await travel.focus();
  await page.keyboard.press('Enter');
  await expect(envoy(page, 'Marta Oyelaran')).toContainText('Travelling');
  expect(await focused(page)).toMatch(/^h3:Marta Oyelaran/);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^button:/);

  await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Travel to Belmar Port/ }).click();
  await page.getByRole('button', { name: 'End day' }).click();

  // Apply a redraft by keyboard: focus returns to the point's drafting control.
  const plan = await section(page, 'Plan');
  const select = plan.getByRole('combobox', { name: 'Redraft Monitoring' });
  await select.selectOption({ label: 'Outside observers' });
  const apply = plan.getByRole('button', { name: 'Apply the redraft of Monitoring' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(plan.getByTestId('plan-count')).toContainText('draft 2');
  await expect(select).toBeFocused();

  // Table the text: the answer states the demand against the text's value, and the timing.
  await section(page, 'Actions');
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Table the text with Aldoria/ }).click();
  const answers = await section(page, 'Answers');
  const aldoria = answers.locator('[data-party="aldoria"]');
  await expect(aldoria.locator('.stance')).toContainText(/It wants about \d+(–\d+)? \(of 100\); this text gives it about \d+(–\d+)?\./);
  await expect(aldoria.locator('.timing')).toContainText(/Aldoria (is in no hurry|is moving step by step|is ready to move now|is at its limit)/);
  await aldoria.scrollIntoViewIfNeeded();
  await shot(page, 'answer-timing-1280x720.png');
  expect(errors).toEqual([]);
});

test('a refused result file: the message is next to the file input and takes focus', async ({ page }) => {
  await openTitle(page);
  await page.getByLabel('Result file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from('{"not":"a result"}') });
  const problem = page.locator('.load .result-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('edited.json could not be opened');
  await expect(problem).toBeFocused();
  // It sits right after the input it is about.
  expect(await page.evaluate(() => document.querySelector('.result-problem')?.previousElementSibling?.getAttribute('type'))).toBe('file');
});

test('at 390 px the top bar does not overlap itself', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openTitle(page);
  await startTutorial(page);
  const boxes = await page.locator('.topbar .tb-stat, .topbar .tb-actions button').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ l: r.left, r: r.right, t: r.top, b: r.bottom })));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
      expect(overlap, `top bar items ${i} and ${j} overlap`).toBe(false);
    }
  }
  const bar = await page.locator('.topbar').boundingBox();
  for (const b of boxes) expect(b.b).toBeLessThanOrEqual((bar?.y ?? 0) + (bar?.height ?? 0) + 1);
  await shot(page, 'topbar-390.png');

  // The panel covers the whole width; Map swaps it for the map, which then has the whole width too.
  const panel = page.getByRole('main', { name: 'Negotiation' });
  expect((await panel.boundingBox())?.width).toBe(390);
  const map = page.getByRole('button', { name: 'Map', exact: true });
  await map.click();
  await expect(panel).toBeHidden();
  await expect(map).toHaveAttribute('aria-pressed', 'true');
  await expect(map).toBeFocused();
  // The venues are spread across the phone's width rather than bunched in its middle third.
  const venues = await page.evaluate(() => window.__accordStage!.venues());
  const xs = venues.map((v) => v.x);
  expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(390 / 2);
  await shot(page, 'map-390.png');
  await page.keyboard.press('m');
  await expect(panel).toBeVisible();
  await expect(map).toHaveAttribute('aria-pressed', 'false');
  // A section key brings the panel back from the map.
  await map.click();
  await page.keyboard.press('2');
  await expect(page.getByRole('region', { name: 'Plan', exact: true })).toBeVisible();
});
