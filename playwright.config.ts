import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/browser.ts';

// Another port lets two checkouts run their e2e suites side by side.
const PORT = Number(process.env.ACCORD_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Waits sized for a machine three times slower than a quiet one of this kind (a loaded CI runner):
  // a wait ends as soon as its condition holds, so a long limit costs nothing when things are fast.
  expect: { timeout: 15_000 },
  // Likewise for a whole test: most take 5–20 s on a quiet machine (a settings round trip took 32 s
  // in a CI run on a busy one); the long playthroughs set their own, longer limits.
  timeout: 90_000,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    // Tests hide the DOM layer with an injected style and read screenshots through data: URLs, which the
    // page's strict CSP forbids; e2e/csp.spec.ts turns this off and checks the policy itself.
    bypassCSP: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // The real server, not an npx wrapper: killing a wrapper leaves the server holding the port.
    // `npm test` builds both pages before it runs the e2e tests.
    // The test build (dist-test/, `npm run build:test`): the only one with the test hook.
    command: `node_modules/.bin/vite preview --outDir dist-test --host 127.0.0.1 --strictPort --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
