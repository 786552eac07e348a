/**
 * Finds a Chromium to drive: `CHROME_PATH`, then the system's Chromium or Chrome, then the browser
 * Playwright downloaded into its cache (`npx playwright-core install chromium`).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Paths tried, in order, after `CHROME_PATH`. */
export const SYSTEM_BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Where a browser was found. */
export interface FoundBrowser {
  executablePath: string;
  source: 'CHROME_PATH' | 'system' | 'playwright-cache';
}

/**
 * Returns the browser to use, or null when none is installed. A `CHROME_PATH` that does not exist is
 * an error rather than a silent fallback.
 */
export function findBrowser(env: Record<string, string | undefined> = process.env): FoundBrowser | null {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv, source: 'CHROME_PATH' };
  }
  for (const path of SYSTEM_BROWSER_PATHS) if (existsSync(path)) return { executablePath: path, source: 'system' };
  try {
    const cached = chromium.executablePath();
    if (cached && existsSync(cached)) return { executablePath: cached, source: 'playwright-cache' };
  } catch {
    // no Playwright browser registry entry for this platform
  }
  return null;
}

/** The message shown when no browser is found. */
export const NO_BROWSER_MESSAGE =
  'no Chromium found: set CHROME_PATH, install Chromium (Debian/Ubuntu: apt-get install chromium) or run `npx playwright-core install chromium`';

/** Flags every launch uses: no sandbox in containers, and no background traffic that would pollute the measures. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--mute-audio',
];
