/**
 * Playwright Test runs the browser tests of test/e2e (the HTML report opened in a real Chromium).
 * It uses the browser the toolkit itself finds (CHROME_PATH, a system Chromium or Chrome, Playwright's
 * cache) and never downloads one. Run with `npx playwright test`.
 */
import { defineConfig } from '@playwright/test';
import { findBrowser } from './src/browser/find-browser.js';

const browser = findBrowser();

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      // undefined lets Playwright use its own cached browser, if any; findBrowser already looked there.
      executablePath: browser?.executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
