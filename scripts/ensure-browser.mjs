#!/usr/bin/env node
// Makes sure a Chromium is available before `npm start` / `npm test`: CHROME_PATH, a system Chromium or
// Chrome, or Playwright's cache. When none is found it installs one: Debian's package through apt when
// running as root on Debian/Ubuntu, otherwise Playwright's Chromium (`npx playwright-core install chromium`).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter(Boolean);

async function playwrightCached() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');

// `--with-driver` (used by `npm test`): also ChromeDriver, which the mobile-web tests drive through Appium.
if (process.argv.includes('--with-driver') && !process.env.CHROMEDRIVER && !existsSync('/usr/bin/chromedriver')) {
  if (isRoot && hasApt) {
    console.error("ecoscore: installing Debian's chromium-driver with apt-get for the mobile-web tests (one time)…");
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver', { stdio: 'inherit' });
    } catch {
      console.error('ecoscore: apt-get could not install chromium-driver; the mobile-web tests will say what is missing.');
    }
  } else {
    console.error('ecoscore: no ChromeDriver at /usr/bin/chromedriver: install it (Debian/Ubuntu: chromium-driver) or set CHROMEDRIVER, or the mobile-web tests fail.');
  }
}

const found = candidates.find((path) => existsSync(path)) ?? (await playwrightCached());
if (found) process.exit(0);

if (isRoot && hasApt) {
  console.error('ecoscore: no Chromium found; installing Debian\'s chromium package with apt-get (one time)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) process.exit(0);
  } catch {
    console.error('ecoscore: apt-get could not install chromium; trying Playwright\'s download instead.');
  }
}
console.error('ecoscore: no Chromium found; downloading Playwright\'s Chromium (npx playwright-core install chromium)…');
const result = spawnSync('npx', ['playwright-core', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status === 0 && (await playwrightCached())) process.exit(0);
console.error(
  'ecoscore: could not install a browser. Install Chromium or Chrome yourself and set CHROME_PATH to its executable, then run the command again.',
);
process.exit(1);
