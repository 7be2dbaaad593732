/**
 * A lesson-length game: Geneva's lesson start at the short length, played by mouse from a class
 * link, reaches its ending in at most 25 actions. The moves are the mediator bot's median game
 * (by actions) of the 15 seeds that src/scenario/gameLength.test.ts measures, worked out here in
 * Node, each made by clicking what a student would click.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Command } from '../src/engine/commands.ts';
import { gameSeed, playOne } from '../src/engine/simulate.ts';
import { loadScenarioText } from '../src/scenario/load.ts';
import { envoy, section, watchErrors } from './helpers/ui.ts';

const FILE = 'scenarios/geneva-2025/scenario.yaml';
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const START = 'lesson-last-points';
const name = {
  party: (id: string) => scenario.parties.find((p) => p.id === id)!.name,
  envoy: (id: string) => scenario.parties.flatMap((p) => p.envoys).find((e) => e.id === id)!.name,
  venue: (id: string) => scenario.venues.find((v) => v.id === id)!.name,
  point: (id: string) => scenario.points.find((p) => p.id === id)!.title,
  option: (point: string, option: string) => (option === 'omit' ? 'drop this point' : scenario.points.find((p) => p.id === point)!.options.find((o) => o.id === option)!.label),
};

/** The mediator bot's games of the lesson at the short length, and the median one by actions (a summit's rounds count). */
function medianGame() {
  const games = Array.from({ length: 15 }, (_, i) => {
    const seed = gameSeed(1, i);
    const bot = playOne(scenario, 'mediator', seed, START, 'standard', {}, 'short');
    const game = { seed, commands: [...bot.log()] as Command[], outcome: bot.view().outcome! };
    bot.stop();
    return game;
  });
  return games.sort((a, b) => a.commands.length - b.commands.length || a.seed - b.seed)[7]!;
}

test('a short Geneva game from the lesson start reaches its ending in at most 25 actions, by mouse', async ({ page }) => {
  test.setTimeout(240_000);
  const { seed: SEED, commands, outcome } = medianGame();
  expect(commands.length).toBeLessThanOrEqual(25);

  const errors = watchErrors(page);
  await page.goto(`/?scenario=geneva-2025&start=${START}&seed=${SEED}&difficulty=standard&length=short`);
  await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();
  await expect(page.getByText('short (one lesson) game')).toBeVisible();
  await page.getByRole('button', { name: 'Begin' }).click();
  await expect(page.getByTestId('day')).toHaveText('1 of 8');

  let actions = 0;
  for (const c of commands) {
    actions += 1;
    switch (c.type) {
      case 'envoy.travel':
        await (await section(page, 'Actions')).isVisible();
        await envoy(page, name.envoy(c.envoy)).getByRole('button', { name: new RegExp(`^Travel to ${name.venue(c.to)}`) }).click();
        break;
      case 'envoy.meet':
      case 'envoy.table':
      case 'envoy.press':
      case 'envoy.consult': {
        const verb = { 'envoy.meet': 'Meet', 'envoy.table': 'Table the text with', 'envoy.press': 'Press', 'envoy.consult': 'Consult' }[c.type];
        await section(page, 'Actions');
        await envoy(page, name.envoy(c.envoy)).getByRole('button', { name: new RegExp(`^${verb} ${name.party(c.party)}`) }).click();
        break;
      }
      case 'text.package': {
        const plan = await section(page, 'Plan');
        for (const ch of c.changes) await plan.getByRole('combobox', { name: `Redraft ${name.point(ch.point)}` }).selectOption({ label: name.option(ch.point, ch.option) });
        await plan.getByRole('button', { name: c.changes.length === 1 ? 'Apply this change' : `Propose the ${c.changes.length} changes as one package` }).click();
        break;
      }
      case 'day.end':
        await page.getByRole('button', { name: 'End day' }).click();
        break;
      case 'summit.call':
        await page.getByRole('button', { name: 'Call summit' }).click();
        break;
      case 'summit.propose': {
        const summit = page.getByTestId('summit');
        for (const ch of c.changes) {
          const select = summit.getByRole('combobox', { name: new RegExp(`${name.point(ch.point).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
          const option = select.locator('option', { hasText: ch.option === 'omit' ? 'Dropped' : name.option(ch.point, ch.option) });
          await select.selectOption({ label: (await option.first().textContent())! });
        }
        await summit.getByRole('button', { name: /^(Propose to|Put the text to) the leaders$/ }).click();
        break;
      }
      case 'summit.acceptDemand':
        await page.getByTestId('summit').getByRole('button', { name: `Accept ${name.party(c.party)}'s demand` }).click();
        break;
      case 'summit.close':
        await page.getByTestId('summit').getByRole('button', { name: 'Close the summit' }).click();
        break;
      default:
        throw new Error(`no mouse path for ${c.type}`);
    }
  }
  const heading = outcome.kind === 'deal' ? 'Deal signed' : outcome.kind === 'collapse' ? /collapsed/ : /deadline passed/;
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  expect(actions).toBeLessThanOrEqual(25);
  expect(errors).toEqual([]);
});
