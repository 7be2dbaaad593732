/**
 * The Geneva scenario at both starts, through the UI: redraft and drop points, travel, meet,
 * and call the summit too early to see it refused.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadScenarioText } from '../src/scenario/load.ts';
import { sharePage } from './helpers/sharedPage.ts';
import { envoy, expectAccessible, openTitle, section } from './helpers/ui.ts';

const FILE = 'scenarios/geneva-2025/scenario.yaml';
const loaded = loadScenarioText(readFileSync(FILE, 'utf8'), FILE);
if (!loaded.ok) throw new Error(`${FILE} does not load`);
const scenario = loaded.scenario;
const title = (id: string) => scenario.points.find((p) => p.id === id)!.title;
const label = (point: string, option: string) => scenario.points.find((p) => p.id === point)!.options.find((o) => o.id === option)!.label;

// One page for the three starts: each test goes back to the title and starts its own game (each
// start has its own save slot, so nothing asks to be replaced), which is all a new page gave it.
// Serial, so that a test never starts on a page an earlier failure left half-way.
test.describe.configure({ mode: 'serial' });
const shared = sharePage();
test.beforeAll(() => openTitle(shared.page));

for (const start of scenario.starts) {
  test(`Geneva from "${start.title}": redraft, drop, travel, meet, and an early summit is refused`, async () => {
    // The accessibility audit of a long plan (with the package panel) takes minutes on a busy machine.
    test.setTimeout(300_000);
    const { page, errors } = shared;
    await page.evaluate(() => window.__accordController!.toTitle());
    await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
    await page.getByRole('radio', { name: scenario.title }).check();
    await page.getByRole('radio', { name: start.title }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('heading', { level: 1, name: scenario.title })).toBeVisible();
    await page.getByRole('button', { name: 'Begin' }).click();

    const inText = Object.values(start.text).filter((o) => o !== 'omit').length;
    const plan = await section(page, 'Plan');
    await expect(plan.getByTestId('plan-count')).toContainText(`${inText} → ${inText} points`);

    // Redraft the army cap to the European wording (it comes back if this start dropped it)...
    await plan.getByRole('combobox', { name: `Redraft ${title('army-cap')}` }).selectOption({ label: label('army-cap', 'cap-800k') });
    await plan.getByRole('button', { name: `Apply the redraft of ${title('army-cap')}` }).click();
    const afterRedraft = inText + (start.text['army-cap'] === 'omit' ? 1 : 0);
    await expect(plan.getByTestId('plan-count')).toContainText(`${inText} → ${afterRedraft} points`);
    if ((start.locked ?? []).includes('elections')) {
      // A lesson start settles the elections clause before the talks: it says so and offers no redraft.
      const point = plan.locator('[data-point="elections"]');
      await expect(point).toContainText('settled before the talks');
      await expect(plan.getByRole('combobox', { name: `Redraft ${title('elections')}` })).toHaveCount(0);
    } else {
      // ...and drop the elections clause.
      await plan.getByRole('combobox', { name: `Redraft ${title('elections')}` }).selectOption({ label: 'drop this point' });
      await plan.getByRole('button', { name: `Apply the redraft of ${title('elections')}` }).click();
      await expect(plan.getByTestId('plan-count')).toContainText(`${inText} → ${afterRedraft - 1} points`);
    }

    // Where Driscoll starts depends on the start: in Kyiv he meets Ukraine, elsewhere he sets off
    // for Kyiv. Witkoff sets off for Moscow either way.
    await section(page, 'Actions');
    const driscollStart = start.envoys?.['driscoll'] ?? scenario.parties.flatMap((p) => p.envoys).find((e) => e.id === 'driscoll')!.start;
    const inKyiv = driscollStart === 'kyiv';
    const driscollMove = inKyiv ? /^Meet Ukraine/ : /^Travel to Kyiv/;
    await envoy(page, 'Dan Driscoll').getByRole('button', { name: driscollMove }).click();
    await envoy(page, 'Steve Witkoff').getByRole('button', { name: /^Travel to Moscow/ }).click();
    const log = await section(page, 'Log');
    await expect(log).toContainText(inKyiv ? 'Dan Driscoll met Ukraine' : 'Dan Driscoll left for Kyiv');
    await expect(log).toContainText('Steve Witkoff left for Moscow');

    // Nothing has been tabled: the leaders will not meet, and say why.
    await page.getByRole('button', { name: 'Call summit' }).click();
    await expect(page.getByRole('alert')).toContainText('The leaders declined to meet');
    await expect(page.getByRole('alert')).toContainText('not been tabled');
    await (await section(page, 'Plan')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `e2e/screenshots/geneva-${start.id}-plan-1280x720.png` });
    await expectAccessible(page, `Geneva ${start.id}`, { serious: true });
    expect(errors).toEqual([]);
  });
}
