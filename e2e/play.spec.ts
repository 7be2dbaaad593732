import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dayNumber, envoy, expectAccessible, finishTutorialTalks, openTitle, openTutorialTalks, section, startTutorial, tableUntilLeadersMeet, TUTORIAL, watchErrors } from './helpers/ui.ts';

const SHOTS = 'e2e/screenshots';

async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
}

test('the tutorial is won through the UI, from the title to a signed deal', async ({ page }) => {
  test.setTimeout(240_000); // sized for a machine three times slower than a quiet one (a fresh-clone CI run took 1.8 min)
  const errors = watchErrors(page);
  await openTitle(page);
  await shot(page, 'title');
  await expectAccessible(page, 'title');
  await page.getByRole('radio', { name: TUTORIAL }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TUTORIAL })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your role' })).toContainText('Marta Oyelaran');
  // Served from 127.0.0.1: no link to copy, but how to get one, and the game's settings.
  await expect(page.getByRole('region', { name: 'Class link' })).toContainText('npm run class');
  await expect(page.getByRole('textbox', { name: 'Class link settings' })).toHaveValue(/^\?scenario=tutorial&start=draft&seed=\d+&difficulty=standard$/);
  await shot(page, 'briefing');
  await expectAccessible(page, 'briefing');
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^1 of 21/);
  await shot(page, 'play-actions');
  await expectAccessible(page, 'play-actions');

  await openTutorialTalks(page);
  await section(page, 'Plan');
  await shot(page, 'play-plan');
  await expectAccessible(page, 'play-plan');
  await section(page, 'Answers');
  await shot(page, 'play-answers');
  await expectAccessible(page, 'play-answers');
  await section(page, 'Log');
  await shot(page, 'play-log');
  await expectAccessible(page, 'play-log');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeVisible();
  await shot(page, 'help');
  await expectAccessible(page, 'help');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Help' })).toBeHidden();

  // One day tabled by hand; the same days until the leaders would meet through the test hook; the summit by hand.
  await finishTutorialTalks(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deal signed');
  const score = page.getByRole('table', { name: 'The score' });
  await expect(score).toContainText('Durability');
  await expect(score).toContainText('Margin for Aldoria');
  await expect(page.getByRole('region', { name: 'The signed text' })).toContainText('50% to Belmar');
  await shot(page, 'ending');
  await expectAccessible(page, 'ending');
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Deal signed on day/ })).toBeFocused();
  await shot(page, 'debrief');
  expect(errors).toEqual([]);
});

/** Press Tab until `name`d control has focus (keyboard only; fails after `max` presses). */
async function tabTo(page: Page, matches: () => Promise<boolean>, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await matches()) return;
  }
  throw new Error('could not reach the control with Tab');
}

async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}|${el.getAttribute('aria-label') ?? el.textContent ?? ''}|${el.closest('[aria-labelledby]')?.textContent?.slice(0, 40) ?? ''}` : '';
  });
}

async function tabToButton(page: Page, text: RegExp, within?: string): Promise<void> {
  await tabTo(page, async () => {
    const [tag, name, ctx] = (await focusedName(page)).split('|');
    return tag === 'button' && text.test(name ?? '') && (!within || (ctx ?? '').includes(within));
  });
  await page.keyboard.press('Enter');
}

async function tabToSelect(page: Page, label: string, option: string): Promise<void> {
  await tabTo(page, () => page.evaluate((l) => {
    const el = document.activeElement;
    return el instanceof HTMLSelectElement && el.labels?.[0]?.textContent === l;
  }, label));
  for (let i = 0; i < 8; i++) {
    const current = await page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    if (current.startsWith(option)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${option} in ${label}`);
}

test('the tutorial can be played with the keyboard alone', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  await openTitle(page);
  // Title: the scenario radios, Start.
  await tabToButton(page, /^Start$/);
  await expect(page.getByRole('heading', { level: 1, name: TUTORIAL })).toBeFocused();
  await tabToButton(page, /^Begin$/);
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeFocused();

  await tabToButton(page, /^Travel to Aldor City/, 'Marta');
  await tabToButton(page, /^Travel to Belmar Port/, 'Jonas');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('e');
  await expect(page.getByTestId('day')).toHaveText(/^2 /);
  await page.keyboard.press('1');
  await tabToButton(page, /^Meet Aldoria/, 'Marta');
  await tabToButton(page, /^Meet Belmar/, 'Jonas');
  await page.keyboard.press('2');
  await expect(page.getByRole('tab', { name: 'Plan' })).toBeFocused();
  await tabToSelect(page, "Redraft Share of the river's flow", '50% to Belmar');
  await tabToSelect(page, 'Redraft Monitoring', 'Outside observers');
  await tabToSelect(page, 'Redraft Compensation fund', 'Aldoria pays');
  // The package bar sits above the points: go back to the tabs and Tab forward to it.
  await page.keyboard.press('2');
  await tabToButton(page, /^Propose the 3 changes as one package$/);
  await expect(page.getByTestId('plan-count')).toContainText('draft 2');

  // One day tabled and ended by keyboard; the same days until the leaders would meet through the
  // test hook; then the summit by keyboard.
  await page.keyboard.press('1');
  await tabToButton(page, /^Table the text with Aldoria/, 'Marta');
  await tabToButton(page, /^Table the text with Belmar/, 'Jonas');
  await page.keyboard.press('e');
  await expect(page.getByTestId('day')).toHaveText(/^3 /);
  await tableUntilLeadersMeet(page);
  const ending = page.getByRole('heading', { level: 1, name: /Deal signed|talks collapsed|deadline passed/ });
  for (let day = 0; day < 21 && !(await ending.isVisible()); day++) {
    if (day > 0) {
      await page.keyboard.press('1');
      await tabToButton(page, /^Table the text with Aldoria/, 'Marta');
      await tabToButton(page, /^Table the text with Belmar/, 'Jonas');
    }
    await page.keyboard.press('2');
    const ready = (await page.getByTestId('summit-status').textContent())?.includes('would meet now');
    await page.keyboard.press(ready ? 's' : 'e');
    if (ready && (await page.getByTestId('summit').isVisible())) {
      // The leaders sit down, focus on the summit: propose the text on the table, then take up last demands.
      await expect(page.getByRole('heading', { name: /The leaders’ summit/ })).toBeFocused();
      await tabToButton(page, /^(Propose to|Put the text to) the leaders$/);
      for (let round = 0; round < 4 && !(await ending.isVisible()) && (await page.getByTestId('summit').isVisible()); round++) {
        const demand = page.getByTestId('summit').getByRole('button', { name: /^Accept .+ demand$/ }).first();
        if (await demand.isVisible()) {
          await page.getByRole('heading', { name: /The leaders’ summit/ }).focus();
          await tabToButton(page, /^Accept .+ demand$/);
        } else await tabToButton(page, /^Close the summit$/);
      }
    }
    if (ready && !(await ending.isVisible())) await page.keyboard.press('e');
  }
  await expect(ending).toHaveText('Deal signed');
  await expect(ending).toBeFocused();
  // Help opens from the keyboard, keeps focus inside, and Esc gives it back.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Help' });
  await expect(help).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(errors).toEqual([]);
});

test('a reload in the middle of a game resumes it exactly', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page, '?scenario=tutorial&seed=7&difficulty=standard');
  await expect(page.getByRole('heading', { level: 1, name: TUTORIAL })).toBeVisible();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page).toHaveURL(/\/(\?renderer=canvas)?$/);
  await openTutorialTalks(page);
  await section(page, 'Actions');
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Table the text with Aldoria/ }).click();
  const day = await dayNumber(page);
  const plan = await section(page, 'Plan');
  const points = await plan.getByRole('list', { name: 'Points of the plan' }).innerText();
  const log = await (await section(page, 'Log')).getByTestId('log').getByRole('listitem').count();

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
  expect(await dayNumber(page)).toBe(day);
  expect(await (await section(page, 'Plan')).getByRole('list', { name: 'Points of the plan' }).innerText()).toBe(points);
  await expect((await section(page, 'Log')).getByTestId('log').getByRole('listitem')).toHaveCount(log);
  expect(errors).toEqual([]);
});

test('calling the summit too early shows why the leaders declined', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await startTutorial(page);
  await page.getByRole('button', { name: 'Call summit' }).click();
  await expect(page.getByRole('alert')).toContainText('The leaders declined to meet');
  // The live region reads it out too.
  await expect(page.getByTestId('announcer')).toContainText('The leaders declined to meet');
  await page.keyboard.press('3');
  await shot(page, 'play-summit-refused');
  expect(errors).toEqual([]);
});

test('a broken scenario file shows its problems and leaves the title as it was', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  const radios = await page.getByRole('radio').count();
  await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: readFileSync('src/cli/fixtures/broken.yaml') });
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  // Checked in a Web Worker that loads the parser first: allow for a slow machine.
  await expect(problems).toBeVisible({ timeout: 30_000 });
  expect(await problems.getByRole('listitem').count()).toBeGreaterThan(0);
  await expect(problems.getByRole('listitem').first()).toContainText('broken.yaml:');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accord');
  await expect(page.getByRole('radio')).toHaveCount(radios);
  await shot(page, 'title-file-problems');
  expect(errors).toEqual([]);
});

test('a hostile scenario title shows as text', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  const hostile = '<img src=x onerror=alert(1)>';
  const yaml = readFileSync('scenarios/tutorial/scenario.yaml', 'utf8').replace(/^title: .*$/m, `title: "${hostile}"`);
  await page.getByLabel('Scenario file').setInputFiles({ name: 'hostile.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await expect(page.getByRole('radio', { name: hostile })).toBeChecked({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile);
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
  expect(await page.locator('#ui img').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('a bad link says what is wrong and shows the title', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page, '?scenario=tutorial&seed=abc');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This link could not be opened');
  await expect(alert).toContainText('seed: "abc" is not a whole number');
  await expect(page.getByRole('button', { name: 'Start' })).toBeEnabled();
  await shot(page, 'title-bad-link');
  expect(errors).toEqual([]);
});

/** Nothing in the top bar is cut off or overlaps; the panel and its tabs fit; nothing scrolls sideways. */
async function expectScreensFit(page: Page, width: number, height: number): Promise<void> {
  const boxes = await page.locator('.topbar > *:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (const [i, b] of boxes.entries()) {
    expect(b.right).toBeLessThanOrEqual(width);
    if (i > 0) expect(b.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
  }
  const side = await page.getByRole('main', { name: 'Negotiation' }).boundingBox();
  expect(side!.x + side!.width).toBeLessThanOrEqual(width);
  expect(side!.y + side!.height).toBeLessThanOrEqual(height);
  // The section tabs fit the panel, and nothing in it scrolls sideways.
  for (const selector of ['.tabs', '.side-scroll']) {
    const { scroll, client } = await page.locator(selector).evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(scroll, selector).toBeLessThanOrEqual(client);
  }
}

// One game for both sizes: the talks opened by hand once (the costly part), then the same screen
// checked in each window size, the second reached by resizing as a player would.
test('screens fit a 1024×768 window and a 1920×1080 one', async ({ page }) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await openTitle(page);
  await shot(page, 'title');
  await startTutorial(page);
  await openTutorialTalks(page);
  for (const [width, height] of [[1024, 768], [1920, 1080]] as const) {
    await test.step(`at ${width}×${height}`, async () => {
      // The screen the talks' opening leaves: the Plan, with the package proposed.
      await page.setViewportSize({ width, height });
      await expectScreensFit(page, width, height);
      await section(page, 'Plan');
      await shot(page, 'play-plan');
    });
  }
  expect(errors).toEqual([]);
});
