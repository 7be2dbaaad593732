/**
 * A live class in Chromium, each person in their own browser context: the teacher runs a class
 * from the title screen; three students join by code and choose their seats at one table (the
 * mediator and both signatories; the consulted party's seat is left to its machine) and play the
 * tutorial to a signed deal, the parties answering on their own screens; a reload keeps the
 * seat; the teacher pauses, injects an event every student sees, and opens the class debrief
 * with its exports. The class server is started here (built game + server on one port,
 * 127.0.0.1, a free port) and stopped after.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect as baseExpect, test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startServer, tempDir, type ServerProcess } from '../src/server/testing/harness.ts';
import { envoy, expectAccessible, section, TUTORIAL, watchErrors } from './helpers/ui.ts';

// The class runs over a real server on a loaded machine: every wait is on what the page shows, with room to spare.
const expect = baseExpect.configure({ timeout: 30_000 });

const SHOTS = process.env.ACCORD_SHOTS ?? 'e2e/screenshots';

/**
 * The class server, one per worker, stopped by the fixture's teardown: it runs even when the test
 * times out or fails, so no server is left running (and its log is kept in test-results/).
 */
const test = base.extend<object, { classServer: ServerProcess }>({
  classServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const started = await startServer(['--port', '0', '--data', tempDir(), '--static', 'dist', '--grace', '600']);
      try {
        await use(started);
      } finally {
        await started.stop();
        mkdirSync('test-results', { recursive: true });
        writeFileSync('test-results/class-server.log', started.output());
      }
    },
    { scope: 'worker', timeout: 150_000 },
  ],
});

let server: ServerProcess;
test.beforeEach(({ classServer }) => {
  server = classServer;
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
  await page.getByRole('radio', { name: /Chosen by the students/ }).check();
  await page.getByRole('button', { name: 'Start the class' }).click();
  const code = page.locator('.code');
  await expect(code).toHaveText(/^[A-Z0-9]{6}$/);
  await expect(page.getByRole('article', { name: 'Table 1' })).toContainText('Would sign now');
  return (await code.textContent())!;
}

/** A student joins by code and takes a seat at table 1. */
async function joinClass(page: Page, code: string, name: string, seat: string): Promise<void> {
  await page.goto(`${server.url}/?join=${code}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
  await expect(page.getByLabel('Class code')).toHaveValue(code);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('button', { name: `Table 1: ${seat}` }).click();
}

const advised = (page: Page) => page.getByRole('button', { name: 'Answer as advised' });

/** A party's student answers what waits for them as their government advises. */
async function answer(page: Page): Promise<void> {
  await advised(page).first().click();
  await expect(advised(page)).toHaveCount(0);
}

/** The day ends when every seat has ended it: the parties' students (when their seat has not), then the mediator's. */
async function endDay(mediator: Page, parties: Page[]): Promise<void> {
  const day = Number((await mediator.getByTestId('day').textContent())?.split(' ')[0]);
  for (const p of parties) {
    await expect(p.getByTestId('day')).toHaveText(new RegExp(`^${day} of`));
    // A seat nobody sat in yet had its day ended by its machine: then there is nothing to end.
    const end = p.getByRole('button', { name: 'End the day' });
    if (await end.isVisible()) {
      await end.click();
      await expect(p.getByRole('button', { name: /^Day ended/ })).toBeDisabled();
    }
  }
  await mediator.getByRole('button', { name: 'End day', exact: true }).click();
  await expect(mediator.getByTestId('day')).toHaveText(new RegExp(`^${day + 1} of`));
}

/** The mediator's screen has every answer it waited for. */
async function answered(mediator: Page): Promise<void> {
  await expect(mediator.locator('.class-status-bar')).not.toContainText('to answer');
}

test('a teacher runs a class; students take the seats of one table and play the tutorial to a deal; reload, pause, an injected event, the class debrief', async ({ browser }) => {
  test.setTimeout(900_000);
  const teacher = await person(browser);
  const code = await runClass(teacher.page, 2);
  await shot(teacher.page, 'console');
  await expectAccessible(teacher.page, 'teacher console');

  const [ana, ben, chloe] = await Promise.all(['Ana', 'Ben', 'Chloé'].map(() => person(browser)));
  await ana!.page.goto(`${server.url}/?join=${code}`);
  await expect(ana!.page.getByRole('heading', { level: 1, name: 'Join a class' })).toBeVisible();
  await shot(ana!.page, 'join');
  await expectAccessible(ana!.page, 'join screen');
  const med = ana!.page;
  const aldoria = ben!.page;
  const belmar = chloe!.page;
  await joinClass(med, code, 'Ana', 'River Commission');
  await expect(med.getByRole('tab', { name: 'Actions' })).toBeVisible();
  await joinClass(aldoria, code, 'Ben', 'Aldoria');
  await expect(aldoria.getByRole('heading', { level: 1, name: 'Aldoria' })).toBeVisible();
  await joinClass(belmar, code, 'Chloé', 'Belmar');
  // The party's seat is the same screen as on one device, inside the class screen.
  await expect(belmar.getByRole('heading', { level: 1, name: 'Belmar' })).toBeVisible();
  // Her role sheet: her own walk-away, red lines and values.
  await expect(belmar.getByRole('region', { name: 'Your role sheet: Belmar' })).toContainText('you walk away below 45');
  await expect(belmar.getByRole('region', { name: 'At this table' })).toContainText('Aldoria — Ben');
  await expectAccessible(belmar, 'party seat');
  await expect(teacher.page.getByRole('table').filter({ hasText: 'Chloé' })).toBeVisible();
  await shot(teacher.page, 'console-joined');

  // The opening: both envoys travel; the day ends when all three students have ended it.
  await envoy(med, 'Marta Oyelaran').getByRole('button', { name: /^Travel to Aldor City/ }).click();
  await envoy(med, 'Jonas Krell').getByRole('button', { name: /^Travel to Belmar Port/ }).click();
  await endDay(med, [aldoria, belmar]);

  // A reload mid-game keeps the seat: Ben is Aldoria again, on the same day.
  await aldoria.reload();
  await expect(aldoria.getByRole('heading', { level: 1, name: 'Aldoria' })).toBeVisible();
  await expect(aldoria.getByTestId('day')).toHaveText(/^2 of/);

  // Meetings wait for the parties' students to answer.
  await envoy(med, 'Marta Oyelaran').getByRole('button', { name: /^Meet Aldoria/ }).click();
  await answer(aldoria);
  await envoy(med, 'Jonas Krell').getByRole('button', { name: /^Meet Belmar/ }).click();
  await shot(belmar, 'party-request');
  // The party's seat on a projector-sized screen, a small laptop and a phone.
  for (const [width, height] of [[1920, 1080], [1024, 768], [390, 844]] as const) {
    await belmar.setViewportSize({ width, height });
    await expect(advised(belmar)).toBeVisible();
    await shot(belmar, 'party-request');
  }
  await belmar.setViewportSize({ width: 1280, height: 720 });
  await answer(belmar);
  const plan = await section(med, 'Plan');
  await plan.getByRole('combobox', { name: "Redraft Share of the river's flow" }).selectOption({ label: '50% to Belmar' });
  await plan.getByRole('combobox', { name: 'Redraft Monitoring' }).selectOption({ label: 'Outside observers' });
  await plan.getByRole('combobox', { name: 'Redraft Compensation fund' }).selectOption({ label: 'Aldoria pays' });
  await plan.getByRole('button', { name: 'Propose the 3 changes as one package' }).click();
  await expect(plan.getByTestId('plan-count')).toContainText('draft 2');

  // The teacher pauses: every student is told, and a move is refused.
  await teacher.page.getByRole('button', { name: 'Pause all tables' }).click();
  for (const p of [med, aldoria, belmar]) await expect(p.getByText('The teacher has paused the class.')).toBeVisible();
  await aldoria.getByRole('button', { name: 'End the day' }).click();
  await expect(aldoria.getByRole('alert')).toContainText('paused');
  await teacher.page.getByRole('button', { name: 'Resume all tables' }).click();
  for (const p of [med, aldoria, belmar]) await expect(p.getByText('The teacher has paused the class.')).toBeHidden();

  // An event every student sees.
  await teacher.page.getByLabel('Event', { exact: true }).selectOption({ label: 'A headline of your own…' });
  await teacher.page.getByLabel(/Your headline/).fill('Storm closes the river crossing');
  await teacher.page.getByRole('button', { name: 'Inject the event' }).click();
  for (const p of [aldoria, belmar]) await expect(p.getByRole('region', { name: 'What you have heard' })).toContainText('Storm closes the river crossing');
  await med.getByRole('tab', { name: 'Log' }).click();
  await expect(med.getByRole('region', { name: 'Log', exact: true })).toContainText('Storm closes the river crossing');

  // Each day the mediator tables the text with both sides, who answer as advised; the summit once the leaders would meet.
  const ending = med.getByRole('heading', { level: 1, name: /Deal signed|talks collapsed|deadline passed/ });
  for (let day = 0; day < 15 && !(await ending.isVisible()); day++) {
    await section(med, 'Actions');
    await envoy(med, 'Marta Oyelaran').getByRole('button', { name: /^Table the text with Aldoria/ }).click();
    await answer(aldoria);
    await envoy(med, 'Jonas Krell').getByRole('button', { name: /^Table the text with Belmar/ }).click();
    await answer(belmar);
    await answered(med);
    const status = (await section(med, 'Plan')).getByTestId('summit-status');
    await expect(status).toContainText(/would meet now|would not meet/);
    if ((await status.textContent())?.includes('would meet now')) {
      await med.getByRole('button', { name: 'Call summit' }).click();
      // The leaders sit down; the mediator puts the text to them, and each signatory's student answers (their advisers say whether they can sign).
      await med.getByTestId('summit').getByRole('button', { name: /^(Propose to|Put the text to) the leaders$/ }).click();
      await shot(aldoria, 'party-sign');
      await answer(aldoria);
      await answer(belmar);
      break;
    }
    await endDay(med, [aldoria, belmar]);
  }
  await expect(med.getByRole('heading', { level: 1, name: 'Deal signed' })).toBeVisible();
  for (const p of [aldoria, belmar]) await expect(p.getByRole('heading', { level: 2, name: 'Deal signed' })).toBeVisible();
  await expect(belmar.getByRole('region', { name: 'Deal signed' })).toContainText(/Your score: \+\d/);
  await shot(belmar, 'party-deal');
  await expect(teacher.page.getByRole('article', { name: 'Table 1' })).toContainText(/deal/i);

  await teacher.page.getByRole('button', { name: 'Class debrief' }).click();
  await expect(teacher.page.getByRole('heading', { level: 1, name: 'Class debrief' })).toBeVisible();
  await expect(teacher.page.getByText('1 of 2 tables reached a deal')).toBeVisible();
  const scores = teacher.page.getByRole('table').nth(1);
  await expect(scores.getByRole('row', { name: /Belmar/ })).toContainText('Chloé');
  await expect(scores.getByRole('row', { name: /Lake Fishers/ })).toContainText('machine');
  await expect(teacher.page.getByRole('table').nth(2)).toContainText('Most durable deal');
  await shot(teacher.page, 'debrief');
  await expectAccessible(teacher.page, 'class debrief');
  const [csv] = await Promise.all([teacher.page.waitForEvent('download'), teacher.page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toMatch(/^table,outcome,day,points,durability,balance \(typical margin\),seat,player,score/);
  expect(csvText).toContain(',deal,');
  expect(csvText).toContain('Chloé');
  const [json] = await Promise.all([teacher.page.waitForEvent('download'), teacher.page.getByRole('button', { name: 'Export JSON' }).click()]);
  const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { deals: number; tables: { outcome: string; seats: { player: string | null }[] }[] };
  expect(exported.deals).toBe(1);
  expect(exported.tables[0]!.seats.map((x) => x.player)).toEqual(['Ana', 'Ben', 'Chloé', null]);

  expect(teacher.errors).toEqual([]);
  for (const s of [ana!, ben!, chloe!]) expect(s.errors).toEqual([]);
  for (const p of [teacher, ana!, ben!, chloe!]) await p.context.close();
});
