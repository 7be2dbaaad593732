/**
 * A class server killed with SIGKILL mid-lesson and started again on the same address: the
 * teacher's console and a student's seat come back by themselves, with no reload and no click,
 * at the table's last accepted move, and the game goes on. (src/server/classroom.test.ts proves
 * the server side with the Node client; this is the browsers' half.)
 */
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { startServer, tempDir, type ServerProcess } from '../src/server/testing/harness.ts';
import { envoy, section, TUTORIAL, watchErrors } from './helpers/ui.ts';

const expect = baseExpect.configure({ timeout: 30_000 });

let server: ServerProcess | undefined;
const data = tempDir();
const args = (port: number) => ['--port', String(port), '--data', data, '--static', 'dist', '--grace', '600'];
/** Pages opened outside the test's own context: closed after the test, pass or fail, or they would
 * keep drawing and reconnecting beside the later tests of this worker. */
const pages: Page[] = [];

test.afterEach(async () => {
  for (const p of pages.splice(0)) await p.close();
  await server?.stop();
});

test('after kill -9 and a restart, the teacher and the student reconnect by themselves and the table goes on', async ({ browser }) => {
  test.setTimeout(240_000);
  server = await startServer(args(0));
  const port = server.port;

  const teacher = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  pages.push(teacher);
  await teacher.goto(`${server.url}/`);
  await teacher.getByRole('button', { name: 'Run a class' }).click();
  await teacher.getByLabel('Scenario').selectOption({ label: TUTORIAL });
  await teacher.getByLabel('Number of tables').fill('1');
  await teacher.getByRole('button', { name: 'Start the class' }).click();
  const code = (await teacher.locator('.code').textContent())!;
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // Seats are given at random; the first student of a table gets the mediator's.
  const student = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  pages.push(student);
  const errors = watchErrors(student);
  await student.goto(`${server.url}/?join=${code}`);
  await student.getByLabel('Your name').fill('Ana');
  await student.getByRole('button', { name: 'Join' }).click();
  await expect(student.getByRole('tab', { name: 'Actions' })).toBeVisible();
  await envoy(student, 'Marta Oyelaran').getByRole('button', { name: /^Travel to Aldor City/ }).click();
  await student.getByRole('button', { name: 'End day', exact: true }).click();
  await expect(student.getByTestId('day')).toHaveText(/^2 of/);
  await expect(teacher.getByRole('article', { name: 'Table 1' })).toContainText(/Day 2\b/);

  await server.kill9();
  server = undefined;
  await expect(student.getByText('Connection lost: reconnecting…')).toBeVisible();

  server = await startServer(args(port));
  // Back at the same seat and day, by itself: the bar goes, the envoy is where the last move put her.
  await expect(student.getByText('Connection lost: reconnecting…')).toBeHidden({ timeout: 60_000 });
  await expect(student.getByTestId('day')).toHaveText(/^2 of/);
  await expect(envoy(student, 'Marta Oyelaran')).toContainText('Aldor City');
  await expect(teacher.getByRole('article', { name: 'Table 1' })).toContainText(/Day 2\b/, { timeout: 60_000 });

  // And the table goes on.
  await student.getByRole('button', { name: 'End day', exact: true }).click();
  await expect(student.getByTestId('day')).toHaveText(/^3 of/);
  await expect(teacher.getByRole('article', { name: 'Table 1' })).toContainText(/Day 3\b/);
  const log = await section(student, 'Log');
  await expect(log).toContainText('Aldor City');
  expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
});
