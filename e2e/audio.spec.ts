/**
 * Sound, captions and settings: Howler's own state (headless Chromium is muted, so nothing is
 * listened to), the caption line, and the settings dialog applied at once and remembered.
 */
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { playLayout } from '../src/game/layout.ts';
import { audioState, envoy, gameCodeHere, expectAccessible, openSettings, openTitle, section, startTutorial, winningCommands, watchErrors } from './helpers/ui.ts';

const SHOTS = 'e2e/screenshots';
const ALL_SOUNDS = ['select', 'redraft', 'stamp', 'page', 'news', 'good', 'bad', 'signing', 'ambience-map', 'ambience-table'];

/** Console warnings and errors about audio (an AudioContext made before a gesture warns). */
function watchAudioWarnings(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if ((msg.type() === 'warning' || msg.type() === 'error') && /audio|howler/i.test(msg.text())) found.push(`${msg.type()}: ${msg.text()}`);
  });
  return found;
}

async function played(page: Page): Promise<string[]> {
  return (await audioState(page))?.played ?? [];
}

test('sounds load on the first click and play for what happens; captions say what they mean', async ({ page }) => {
  const errors = watchErrors(page);
  const warnings = watchAudioWarnings(page);
  await openTitle(page);
  // No audio before a gesture: no context that the browser would refuse to start.
  expect(await audioState(page)).toBeNull();
  await startTutorial(page);
  await expect.poll(async () => (await audioState(page))?.loaded.length ?? 0).toBe(ALL_SOUNDS.length);
  const audio = (await audioState(page))!;
  expect(Object.values(audio.state)).toEqual(ALL_SOUNDS.map(() => 'loaded'));
  expect(audio.context).toBe('running');
  expect(audio.played).toContain('select');
  expect(audio.ambience).toBe('ambience-map');

  // A refused summit: low tones, and their caption near the bottom of the stage, clear of the panel.
  await page.getByRole('button', { name: 'Call summit' }).click();
  await expect.poll(() => played(page)).toContain('bad');
  const captions = page.getByTestId('captions');
  await expect(captions).toHaveText(/Low tones: a setback/);
  await expect(captions).toHaveAttribute('role', 'status');
  // The caption leaves after about three seconds, which a busy machine can spend before its box is
  // read: then call the summit again for a fresh one.
  const measure = () => captions.getByText('Low tones: a setback').boundingBox({ timeout: 5000 }).catch(() => null);
  let box = await measure();
  for (let i = 0; i < 5 && !box; i++) {
    await page.getByRole('button', { name: 'Call summit' }).click();
    box = await measure();
  }
  if (!box) throw new Error('the caption never stayed long enough to be measured');
  const { stage } = playLayout(1280, 720);
  expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width);
  expect(box.y).toBeGreaterThan(stage.y + stage.height * 0.75);
  await page.screenshot({ path: `${SHOTS}/captions-1280x720.png` });
  // It goes after about three seconds.
  await expect(captions).toBeEmpty({ timeout: 6000 });

  // Travel, a new day (the page turns), meetings (stamps), a package of redrafts.
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Travel to Aldor City/ }).click();
  await page.getByRole('button', { name: 'End day' }).click();
  await expect.poll(() => played(page)).toContain('page');
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Meet Aldoria/ }).click();
  await expect.poll(() => played(page)).toContain('stamp');
  // Meeting a party brings its table up, with the table's ambience.
  await expect.poll(async () => (await audioState(page))?.ambience).toBe('ambience-table');
  const plan = await section(page, 'Plan');
  await plan.getByRole('combobox', { name: 'Redraft Monitoring' }).selectOption({ label: 'Outside observers' });
  await plan.getByRole('button', { name: 'Apply the redraft of Monitoring' }).click();
  await expect.poll(() => played(page)).toContain('redraft');
  // Focus stays on the redraft's drop-down, where letters pick options; leave it before the shortcut.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('m');
  await expect.poll(async () => (await audioState(page))?.ambience).toBe('ambience-map');

  const end = (await audioState(page))!;
  expect(end.errors).toEqual([]);
  expect(warnings).toEqual([]);
  expect(errors).toEqual([]);
});

test('a signed deal rings the bells; the ending and the debrief have no ambience', async ({ page }) => {
  const errors = watchErrors(page);
  const warnings = watchAudioWarnings(page);
  const commands = winningCommands(3);
  await page.goto('/?test');
  await page.getByRole('heading', { level: 1, name: 'Accord' }).click();
  await gameCodeHere(page);
  // A caption shows for 3.2 s: on a loaded machine the test may look later than that, so the page
  // keeps every caption it showed.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __captionsSeen: string[] }).__captionsSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="captions"]')?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.evaluate((list) => {
    const c = window.__accordController!;
    c.choose('tutorial', 'draft', 'standard', 3);
    c.begin();
    for (const command of list) c.send(command);
  }, commands);
  await expect(page.getByRole('heading', { level: 1, name: 'Deal signed' })).toBeVisible();
  await expect.poll(() => played(page)).toContain('signing');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __captionsSeen: string[] }).__captionsSeen.join(' | '))).toMatch(/Bells: the accord is signed/);
  expect((await audioState(page))?.ambience).toBeNull();
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Deal signed on day/ })).toBeVisible();
  const audio = (await audioState(page))!;
  expect(audio.ambience).toBeNull();
  expect(audio.errors).toEqual([]);
  expect(warnings).toEqual([]);
  expect(errors).toEqual([]);
});

test('settings apply at once, work by keyboard, and are remembered after a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the settings dialog', { serious: true });
  await page.screenshot({ path: `${SHOTS}/settings-1280x720.png` });

  // Keyboard: Tab to the master volume, Home, then three steps up: 15%; the focus ring shows.
  const master = dialog.getByRole('slider', { name: 'Master volume' });
  for (let i = 0; i < 6 && !(await master.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(master).toBeFocused();
  expect(await master.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(master).toHaveAttribute('aria-valuetext', '15%');
  await expect(dialog.getByText('15%')).toBeVisible();
  const mute = dialog.getByRole('checkbox', { name: 'Mute all sound' });
  await mute.focus();
  await page.keyboard.press('Space');
  await expect(mute).toBeChecked();
  await dialog.getByRole('radio', { name: 'Large', exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('18px');
  // Motion: reduced sets the page's flag at once; full clears it even when the system asks for less.
  await dialog.getByRole('radio', { name: 'Reduced' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await dialog.getByRole('radio', { name: 'Full' }).check();
  await expect(page.locator('html')).not.toHaveAttribute('data-motion', 'reduced');
  await dialog.getByRole('radio', { name: 'Follow the system' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.locator('html')).not.toHaveAttribute('data-motion', 'reduced');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();

  // Large text still fits a 1280×720 window during play.
  await startTutorial(page);
  const boxes = await page.locator('.topbar > *:visible').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (const [i, b] of boxes.entries()) {
    expect(b.right).toBeLessThanOrEqual(1280);
    expect(b.bottom).toBeLessThanOrEqual(56);
    if (i > 0) expect(b.left).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 0.5);
  }
  for (const selector of ['.tabs', '.side-scroll']) {
    const { scroll, client } = await page.locator(selector).evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    expect(scroll, selector).toBeLessThanOrEqual(client);
  }
  await section(page, 'Plan');
  await page.screenshot({ path: `${SHOTS}/play-plan-large-text-1280x720.png` });
  // The sound follows the settings: 15% and muted.
  await expect.poll(async () => (await audioState(page))?.mix).toEqual({ master: 0.15, effects: 0.8, ambience: 0.35, muted: true });

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('18px');
  // From the in-game menu this time.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Settings' }).click();
  const again = page.getByRole('dialog', { name: 'Settings' });
  await expect(again.getByRole('slider', { name: 'Master volume' })).toHaveAttribute('aria-valuetext', '15%');
  await expect(again.getByRole('checkbox', { name: 'Mute all sound' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Large', exact: true })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
  // Captions off: a refused summit still sounds, but no caption shows.
  await again.getByRole('checkbox', { name: 'Show captions for sounds' }).uncheck();
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await audioState(page))?.mix).toEqual({ master: 0.15, effects: 0.8, ambience: 0.35, muted: true });
  await page.getByRole('button', { name: 'Call summit' }).click();
  await expect.poll(() => played(page)).toContain('bad');
  await expect(page.getByTestId('captions')).toBeEmpty();
  // The help lists the shortcut, which opens the settings.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Help' })).toContainText('Open the settings');
  await page.keyboard.press('Escape');
  await openSettings(page);
  expect(errors).toEqual([]);
});
