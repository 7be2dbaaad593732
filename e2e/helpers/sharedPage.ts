/**
 * One page shared by the tests of a serial group. Opening a page and its game costs about 4 s of
 * CPU in Chromium (3 Dec 2026, one worker), while a new game on a page that is already open costs
 * well under one: a group of checks that each need only a fresh game, not a fresh browser, pays
 * for the page once. Each test of such a group starts its own game (so it checks the same screen
 * state as with a page of its own) and reads only the errors raised since it began.
 */
import { test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { watchErrors } from './ui.ts';

export interface SharedPage {
  page: Page;
  /** Console errors, uncaught exceptions and dialogs since the current test began. */
  errors: string[];
}

/**
 * In a `test.describe` whose tests share a page: make it before the first test (with the
 * project's base URL and settings, and `options` such as a viewport), empty its error list
 * before each test, close it after the last. Call `test.describe.configure({ mode: 'serial' })`
 * in the same group: a later test must not run on a page an earlier failure left half-way.
 */
export function sharePage(options: BrowserContextOptions = {}): SharedPage {
  const shared = { errors: [] } as unknown as SharedPage;
  test.beforeAll(async ({ browser }: { browser: Browser }, info) => {
    const { baseURL, bypassCSP, viewport } = info.project.use;
    const context = await browser.newContext({ baseURL, bypassCSP, viewport, ...options });
    shared.page = await context.newPage();
    shared.errors = watchErrors(shared.page);
  });
  test.beforeEach(() => {
    shared.errors.length = 0;
  });
  test.afterAll(async () => {
    await shared.page?.context().close();
  });
  return shared;
}
