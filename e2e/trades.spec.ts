/**
 * Trades by keyboard: in the tutorial, the player composes a package of two changes, puts it to
 * Belmar, and reads Belmar's answer to the whole, point by point. Belmar gains on both but wants
 * more taken together, so it refuses, and the text stays as it was.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openTitle, startTutorial, watchErrors } from './helpers/ui.ts';

/** Focus a control and press a key, as a keyboard user would. */
async function press(page: Page, target: Locator, key: string): Promise<void> {
  await target.focus();
  await expect(target).toBeFocused();
  await page.keyboard.press(key);
}

test('a package is composed and put to a party by keyboard; the party answers the whole, point by point', async ({ page }) => {
  const errors = watchErrors(page);
  await openTitle(page);
  await startTutorial(page);
  // Jonas Krell to Belmar Port, and the day ends (E).
  await press(page, page.getByRole('region', { name: /^Jonas Krell/ }).getByRole('button', { name: /^Travel to Belmar Port/ }), 'Enter');
  await page.keyboard.press('e');
  await expect(page.getByTestId('day')).toHaveText(/^2 /);
  await page.keyboard.press('2');
  const plan = page.getByRole('region', { name: 'Plan', exact: true });
  await expect(plan).toBeVisible();
  // Two changes in the package: 60% of the flow to Belmar, and outside observers.
  const flow = plan.getByRole('combobox', { name: "Redraft Share of the river's flow" });
  await press(page, flow, 'End');
  await expect(flow).toHaveValue('f60');
  const monitoring = plan.getByRole('combobox', { name: 'Redraft Monitoring' });
  await press(page, monitoring, 'End'); // the last choice is dropping the point
  await page.keyboard.press('ArrowUp');
  await expect(monitoring).toHaveValue('observers');
  await expect(monitoring).toBeFocused();
  const list = plan.getByRole('list', { name: 'Changes in your package' });
  await expect(list.getByRole('listitem')).toHaveText(["“Share of the river's flow” → 60% to Belmar", '“Monitoring” → Outside observers']);
  await press(page, plan.getByRole('button', { name: 'Put to Belmar' }), 'Enter');
  const answer = plan.getByTestId('package-answer').filter({ hasText: 'Belmar' });
  await expect(answer.getByRole('paragraph').first()).toContainText('Belmar refused the package as a whole');
  await expect(answer).toContainText('Taken together it does not give enough.');
  await expect(answer.getByRole('listitem')).toHaveText([
    "“Share of the river's flow” → 60% to Belmar: it gains",
    '“Monitoring” → Outside observers: it gains',
  ]);
  // Refused, the text stays; the package stays composed, and focus stays where the player works.
  await expect(plan.getByTestId('plan-count')).toContainText('draft 1');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(plan.getByRole('button', { name: 'Put to Belmar' })).toBeFocused();
  expect(errors).toEqual([]);
});
