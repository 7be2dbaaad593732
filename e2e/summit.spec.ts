/**
 * A played summit in a Geneva game: the talks up to the leaders' meeting are the mediator bot's
 * moves (worked out in Node, sent through the test page's controller); from there the player plays
 * the summit on the page: the leaders at their table, a proposal on the open points, a leader's
 * last demand, taking it up, and an outcome that says who gave what.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Command } from '../src/engine/commands.ts';
import { createGame } from '../src/engine/session.ts';
import { playOne } from '../src/engine/simulate.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import { gameCodeHere, watchErrors } from './helpers/ui.ts';

const FILE = 'scenarios/geneva-2025/scenario.yaml';
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const START = 'geneva-19';
const SEED = 1;
const party = (id: string) => scenario.parties.find((p) => p.id === id)!.name;
const point = (id: string) => scenario.points.find((p) => p.id === id)!;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('Geneva through a played summit: rounds, a last demand taken up, and who gave what', async ({ page }) => {
  test.setTimeout(240_000);
  const bot = playOne(scenario, 'mediator', SEED, START);
  const log: Command[] = [...bot.log()];
  bot.stop();
  const call = log.findIndex((c) => c.type === 'summit.call');
  expect(call).toBeGreaterThan(0);
  const before = log.slice(0, call);
  const proposal = log[call + 1];
  if (proposal?.type !== 'summit.propose') throw new Error('the bot did not propose at the summit');
  // The player's first proposal: the bot's options on the points still open, leaving the deferred
  // ones (territory) as the text has them, so that a leader answers with a last demand.
  const atCall = createGame(scenario, { seed: SEED, start: START });
  for (const c of before) atCall.send(c);
  const text = atCall.view().text;
  atCall.stop();
  const changes = proposal.changes.filter((c) => !text[c.point]?.deferred);

  const errors = watchErrors(page);
  await page.goto('/?test');
  await page.waitForFunction(() => window.__accordReady === true);
  await gameCodeHere(page);
  await page.evaluate(([start, seed]) => {
    const c = window.__accordController!;
    c.choose('geneva-2025', start, 'standard', seed);
    c.begin();
  }, [START, SEED] as const);
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible();
  const refused = await page.evaluate((commands) => {
    const c = window.__accordController!;
    for (const command of commands) {
      const r = c.send(command);
      if (!r.ok) return `${command.type}: ${r.reason}`;
    }
    return null;
  }, before);
  expect(refused).toBeNull();
  await expect(page.getByTestId('summit-status')).toHaveText('The leaders would meet now: call the summit.');

  // The leaders sit down: the summit takes the envoys' panel, and focus goes to it.
  await page.getByRole('button', { name: 'Call summit' }).click();
  const summit = page.getByTestId('summit');
  await expect(summit.getByRole('heading', { name: /The leaders’ summit/ })).toBeFocused();
  await expect(summit).toContainText('4 rounds at most');
  await page.waitForFunction(() => window.__accordStage?.scene === 'Summit');
  const leaders = summit.getByRole('list', { name: 'The leaders’ answers' });
  for (const id of ['us', 'ukraine', 'russia']) await expect(leaders.locator(`[data-party="${id}"]`)).toContainText('Waiting for your proposal');

  // Round 1: the bot's options on the open points, chosen in the panel; each option says who wants it.
  for (const ch of changes) {
    const select = summit.getByRole('combobox', { name: new RegExp(`${escape(point(ch.point).title)}$`) });
    const label = point(ch.point).options.find((o) => o.id === ch.option)?.label ?? 'Dropped';
    const option = select.locator('option', { hasText: label });
    await select.selectOption({ label: (await option.textContent())! });
  }
  await summit.getByRole('button', { name: 'Propose to the leaders' }).click();
  await expect(summit).toContainText('Round 1 of 4');
  const demanding = leaders.locator('li.leader-demand').first();
  await expect(demanding).toContainText('Last demand');
  await expect(demanding).toContainText(/Signs if .+\./);
  const who = (await demanding.getAttribute('data-party'))!;
  // Each leader gives its reasons.
  await expect(leaders.locator('li.leader-accept').first()).toContainText(/can sign/i);

  // Round 2 and on: take up the demands until the leaders sign.
  const ending = page.getByRole('heading', { level: 1, name: /Deal signed|collapsed|deadline passed/ });
  await summit.getByRole('button', { name: `Accept ${party(who)}'s demand` }).click();
  for (let i = 0; i < 3 && !(await ending.isVisible()); i++) {
    const next = leaders.locator('li.leader-demand').first();
    if (await next.isVisible()) await next.getByRole('button', { name: /demand$/ }).click();
  }
  await expect(ending).toHaveText('Deal signed');

  // The outcome names who gave what at the summit.
  const gave = page.getByTestId('summit-gave');
  await expect(gave.getByRole('heading', { name: 'Who gave what at the summit' })).toBeVisible();
  await expect(gave).toContainText(/The leaders settled \d points? in \d rounds/);
  await expect(gave).toContainText(`${party(who)} demanded`);
  await expect(gave.getByRole('row')).not.toHaveCount(0);
  await expect(gave.locator('tbody tr td').nth(2)).toHaveText(/\(wanted .+\)|nobody/);
  // And the debrief says it too.
  await page.getByRole('button', { name: 'Debrief and export' }).click();
  await expect(page.getByTestId('summit-gave')).toContainText('Who gave what at the summit');
  expect(errors).toEqual([]);
});
