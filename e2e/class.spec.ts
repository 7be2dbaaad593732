/**
 * A live class in Chromium, each person in their own browser context: the teacher runs a class
 * from the title screen, students join by code and play; a reload keeps the seat; the teacher
 * pauses, injects an event every student sees, and opens the class debrief. The class server
 * is started here (built game + server on one port, 127.0.0.1, a free port) and stopped after.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startServer, tempDir, type ServerProcess } from '../src/server/testing/harness.ts';
import { expectAccessible, TUTORIAL, watchErrors } from './helpers/ui.ts';

const SHOTS = process.env.ACCORD_SHOTS ?? 'e2e/screenshots';

let server: ServerProcess;

test.beforeAll(async () => {
  server = await startServer(['--port', '0', '--data', tempDir(), '--static', 'dist', '--grace', '20']);
});

test.afterAll(async () => {
  await server?.stop();
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/class-server.log', server?.output() ?? '');
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/class-${name}-${width}x${height}.png`, fullPage: false });
}

async function person(browser: Browser, width = 1280, height = 720): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors };
}

/** The teacher makes a class from the title screen; returns the join code. */
async function runClass(page: Page, tables: number): Promise<string> {
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: 'Run a class' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run a class' })).toBeVisible();
  await page.getByLabel('Scenario').selectOption({ label: TUTORIAL });
  await page.getByLabel('Seed').fill('42');
  await page.getByLabel('Number of tables').fill(String(tables));
  await page.getByRole('radio', { name: /At random/ }).check();
  await page.getByRole('button', { name: 'Start the class' }).click();
  const code = page.locator('.code');
  await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
  await expect(page.getByRole('article', { name: 'Table 1' })).toContainText('Would sign now');
  return (await code.textContent())!;
}

async function joinClass(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${server.url}/?join=${code}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
  await expect(page.getByLabel('Class code')).toHaveValue(code);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('tab', { name: 'Actions' })).toBeVisible({ timeout: 15_000 });
}

test('a teacher runs a class; students join by code, play, reload and keep their seats; pause, an injected event, the class debrief', async ({ browser }) => {
  test.setTimeout(180_000);
  const teacher = await person(browser);
  const code = await runClass(teacher.page, 3);
  await shot(teacher.page, 'console');
  await expectAccessible(teacher.page, 'teacher console');

  const students = await Promise.all(['Ana', 'Ben', 'Chloé'].map(() => person(browser)));
  await students[0]!.page.goto(`${server.url}/?join=${code}`);
  await expect(students[0]!.page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
  await shot(students[0]!.page, 'join');
  await expectAccessible(students[0]!.page, 'join screen');
  for (const [i, name] of ['Ana', 'Ben', 'Chloé'].entries()) await joinClass(students[i]!.page, code, name);
  await expect(teacher.page.getByRole('table').filter({ hasText: 'Chloé' })).toBeVisible();
  await shot(teacher.page, 'console-joined');

  // A reload mid-game keeps the seat: the day played so far is still there.
  const ana = students[0]!.page;
  await ana.getByRole('button', { name: 'End day', exact: true }).click();
  await expect(ana.getByTestId('day')).toHaveText(/^2 of/);
  await ana.reload();
  await expect(ana.getByTestId('day')).toHaveText(/^2 of/, { timeout: 15_000 });

  // The teacher pauses: every student is told, and a move is refused.
  await teacher.page.getByRole('button', { name: 'Pause all tables' }).click();
  for (const s of students) await expect(s.page.getByText('The teacher has paused the class.')).toBeVisible();
  await teacher.page.getByRole('button', { name: 'Resume all tables' }).click();
  for (const s of students) await expect(s.page.getByText('The teacher has paused the class.')).toBeHidden();

  // An event every student sees.
  await teacher.page.getByLabel('Event', { exact: true }).selectOption({ label: 'A headline of your own…' });
  await teacher.page.getByLabel(/Your headline/).fill('Storm closes the river crossing');
  await teacher.page.getByRole('button', { name: 'Inject the event' }).click();
  for (const s of students) {
    await s.page.getByRole('tab', { name: 'Log' }).click();
    await expect(s.page.getByRole('region', { name: 'Log', exact: true })).toContainText('Storm closes the river crossing');
  }

  await teacher.page.getByRole('button', { name: 'Class debrief' }).click();
  await expect(teacher.page.getByRole('heading', { level: 1, name: 'Class debrief' })).toBeVisible();
  await expect(teacher.page.getByRole('table').first()).toContainText('Table 3');
  await shot(teacher.page, 'debrief');
  await expectAccessible(teacher.page, 'class debrief');

  expect(teacher.errors).toEqual([]);
  for (const s of students) expect(s.errors).toEqual([]);
  for (const p of [teacher, ...students]) await p.context.close();
});
