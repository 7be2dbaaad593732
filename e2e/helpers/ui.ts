/**
 * Helpers for the end-to-end tests: open the page, watch for errors, and reach the parts of
 * the DOM layer by role and name, as a player with a screen reader would.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Command } from '../../src/engine/commands.ts';
import { playOne } from '../../src/engine/simulate.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export const TUTORIAL = 'Tutorial: the Silver River accord';

/** Collect console errors, uncaught exceptions and dialogs (alert/confirm); tests assert there are none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

/** Open the page (fresh storage per test context) and wait for the title screen and the game's code. */
export async function openTitle(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
  await gameCodeHere(page);
}

/**
 * Wait until the game's code (app/play.ts, fetched once the title is up) is here: the test hook
 * `__accordController` appears then, so a test can start a game and send commands at once.
 */
export async function gameCodeHere(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__accordController !== undefined);
}

/** From the title, start the tutorial at a difficulty and begin play. */
export async function startTutorial(page: Page, difficulty: 'Open' | 'Standard' | 'Hard' = 'Standard'): Promise<void> {
  await page.getByRole('radio', { name: TUTORIAL }).check();
  await page.getByRole('group', { name: /Difficulty/ }).getByRole('radio', { name: difficulty }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TUTORIAL })).toBeVisible();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
}

export function envoy(page: Page, name: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${name}`) });
}

export async function section(page: Page, name: 'Actions' | 'Plan' | 'Answers' | 'Log'): Promise<Locator> {
  await page.getByRole('tab', { name }).click();
  const panel = page.getByRole('region', { name, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

export async function dayNumber(page: Page): Promise<number> {
  const text = await page.getByTestId('day').textContent();
  return Number(text?.split(' ')[0]);
}

/** The winning opening for the tutorial: envoys to both capitals, meetings, three redrafts. */
export async function openTutorialTalks(page: Page): Promise<void> {
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Travel to Aldor City/ }).click();
  await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Travel to Belmar Port/ }).click();
  await page.getByRole('button', { name: 'End day' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 /);
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Meet Aldoria/ }).click();
  await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Meet Belmar/ }).click();
  const plan = await section(page, 'Plan');
  await plan.getByRole('combobox', { name: "Redraft Share of the river's flow" }).selectOption({ label: '50% to Belmar' });
  await plan.getByRole('combobox', { name: 'Redraft Monitoring' }).selectOption({ label: 'Outside observers' });
  await plan.getByRole('combobox', { name: 'Redraft Compensation fund' }).selectOption({ label: 'Aldoria pays' });
  await plan.getByRole('button', { name: 'Propose the 3 changes as one package' }).click();
  await expect(plan.getByTestId('plan-count')).toContainText('draft 2');
}

/** At a summit: propose the text on the table, then take up last demands while the rounds last; else close it. */
export async function playSummit(page: Page): Promise<void> {
  const summit = page.getByTestId('summit');
  const ending = page.getByRole('heading', { level: 1, name: /Deal signed|talks collapsed|deadline passed/ });
  if (!(await summit.isVisible())) return;
  await summit.getByRole('button', { name: /^(Propose to|Put the text to) the leaders$/ }).click();
  for (let round = 0; round < 4; round++) {
    if ((await ending.isVisible()) || !(await summit.isVisible())) return;
    const demand = summit.getByRole('button', { name: /^Accept .+ demand$/ }).first();
    if (await demand.isVisible()) await demand.click();
    else {
      await summit.getByRole('button', { name: 'Close the summit' }).click();
      return;
    }
  }
}

/** Each day: table the text with both sides; call the summit once the plan says the leaders would meet. */
export async function negotiateToTheEnd(page: Page, maxDays = 21): Promise<void> {
  const ending = page.getByRole('heading', { level: 1, name: /Deal signed|talks collapsed|deadline passed/ });
  for (let i = 0; i < maxDays && !(await ending.isVisible()); i++) {
    await section(page, 'Actions');
    await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Table the text with Aldoria/ }).click();
    await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Table the text with Belmar/ }).click();
    const plan = await section(page, 'Plan');
    if ((await plan.getByTestId('summit-status').textContent())?.includes('would meet now')) {
      await page.getByRole('button', { name: 'Call summit' }).click();
      await playSummit(page);
      if (await ending.isVisible()) break;
    }
    await page.getByRole('button', { name: 'End day' }).click();
  }
  await expect(ending).toBeVisible();
}

/**
 * Through the test hook: each day table the text with both sides of the tutorial and, unless the
 * leaders would meet now, end the day — the days a test has already played once by hand, repeated
 * until the summit. Mirrors {@link negotiateToTheEnd}'s days; the page shows the result when the
 * plan says the leaders would meet. Returns how many days were tabled.
 */
export async function tableUntilLeadersMeet(page: Page, maxDays = 21): Promise<number> {
  const days = await page.evaluate((max) => {
    const c = window.__accordController!;
    const game = c.currentGame()!;
    for (let day = 1; day <= max; day++) {
      for (const [envoy, party] of [['envoy-lead', 'aldoria'], ['envoy-tech', 'belmar']] as const) {
        const sent = c.send({ type: 'envoy.table', envoy, party });
        if (!sent.ok) throw new Error(`tabling with ${party} on day ${day}: ${sent.reason}`);
      }
      if (game.view().summit.ready || game.view().outcome) return day;
      const ended = c.send({ type: 'day.end' });
      if (!ended.ok) throw new Error(`ending day ${day}: ${ended.reason}`);
    }
    return -1;
  }, maxDays);
  expect(days, 'the leaders would meet within the days allowed').toBeGreaterThan(0);
  await expect((await section(page, 'Plan')).getByTestId('summit-status')).toContainText('would meet now');
  return days;
}

/**
 * After {@link openTutorialTalks}: one day tabled with both sides and ended by hand; the same days
 * until the leaders would meet through the test hook; the summit by hand; should the leaders part
 * without an accord, the talks go on by hand to their ending.
 */
export async function finishTutorialTalks(page: Page): Promise<void> {
  await section(page, 'Actions');
  await envoy(page, 'Marta Oyelaran').getByRole('button', { name: /^Table the text with Aldoria/ }).click();
  await envoy(page, 'Jonas Krell').getByRole('button', { name: /^Table the text with Belmar/ }).click();
  await page.getByRole('button', { name: 'End day' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^3 /);
  await tableUntilLeadersMeet(page);
  await page.getByRole('button', { name: 'Call summit' }).click();
  await playSummit(page);
  await negotiateToTheEnd(page);
}

/**
 * An accessibility audit (axe, WCAG 2.1 A and AA) of the DOM layer as it stands; the canvas is
 * decoration. Fails on any violation, or with `serious` only on serious and critical ones.
 * Axe runs in the page itself (its "legacy" mode): the default opens a second, blank page for
 * every audit to merge the results of frames, and the game has no frames; the rules and results
 * are the same, at about half the CPU time (2.2 s instead of 4 s an audit at load 12, 3 Dec).
 */
export async function expectAccessible(page: Page, what: string, options: { serious?: boolean } = {}): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('#stage').setLegacyMode(true).analyze();
  const counted = options.serious ? result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') : result.violations;
  const found = counted.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(found, `accessibility problems on ${what}`).toEqual([]);
}

/** The tutorial scenario as the engine reads it (in Node, for replays). */
export function tutorialScenario(): Scenario {
  const file = 'scenarios/tutorial/scenario.yaml';
  const loaded = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
}

/** The tutorial won by the oracle bot at a seed, as the commands to replay in the page. */
export function winningCommands(seed: number): Command[] {
  const game = playOne(tutorialScenario(), 'oracle', seed, 'draft', 'standard');
  expect(game.view().outcome?.kind).toBe('deal');
  const log = [...game.log()];
  game.stop();
  return log;
}

/** Open the settings with the keyboard shortcut and return the dialog. */
export async function openSettings(page: Page): Promise<Locator> {
  await page.keyboard.press('o');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The sound layer's test state (null before the first gesture creates it). */
export async function audioState(page: Page): Promise<{ loaded: string[]; played: string[]; errors: string[]; ambience: string | null; state: Record<string, string>; context: string; mix: Record<string, number | boolean> } | null> {
  return page.evaluate(() => {
    const a = window.__accordAudio;
    return a ? { loaded: [...a.loaded], played: a.played.map((p) => p.sound), errors: [...a.errors], ambience: a.ambience, state: a.state(), context: a.context(), mix: { ...a.mix } } : null;
  });
}
