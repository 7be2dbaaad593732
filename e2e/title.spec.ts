import { expect, test, type Page } from '@playwright/test';

const TITLE = 'Tutorial: the Silver River accord';
const POINTS = [
  "Share of the river's flow",
  'The Aldorian dam',
  'Monitoring',
  'Compensation fund',
  'Heron Island',
];

/** Collect console errors and uncaught exceptions; each test asserts there are none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return errors;
}

async function openTitle(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__accordReady === true);
}

async function expectTitleScreen(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByText('A fictional dispute made up to teach the game')).toBeVisible();
  const plan = page.getByRole('list', { name: "The Commission's first draft" });
  const items = plan.getByRole('listitem');
  await expect(items).toHaveCount(POINTS.length);
  for (const [i, title] of POINTS.entries()) {
    await expect(items.nth(i)).toContainText(title);
  }
  await expect(items.first()).toContainText('30% to Belmar');
  // The whole panel fits the window without scrolling.
  const overflow = await page.locator('#overlay').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('title screen shows the tutorial and its five points (canvas)', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await expectTitleScreen(page);
  await expect(page.locator('html')).toHaveAttribute('data-renderer', 'canvas');
  await expect(page.locator('#stage canvas')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/title-1280x720-canvas.png' });
  expect(errors).toEqual([]);
});

test('title screen renders with WebGL', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page, '?renderer=webgl');
  await expectTitleScreen(page);
  await expect(page.locator('html')).toHaveAttribute('data-renderer', 'webgl');
  await page.screenshot({ path: 'e2e/screenshots/title-1280x720-webgl.png' });
  expect(errors).toEqual([]);
});

test('title screen fits a 1024×768 window', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openTitle(page);
  await expectTitleScreen(page);
  await page.screenshot({ path: 'e2e/screenshots/title-1024x768-canvas.png' });
  expect(errors).toEqual([]);
});
