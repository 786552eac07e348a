#!/usr/bin/env node
// Installs the Appium drivers the toolkit uses into a project-local APPIUM_HOME (`.appium/`, git-ignored), from
// npm only, with Appium's own command: `appium driver install --source=npm <package>`.
//
//   node scripts/install-appium-drivers.mjs                 # the drivers the tests use: fake + chromium
//   node scripts/install-appium-drivers.mjs uiautomator2    # also a real-device driver (Android; needs adb and a
//                                                           # JDK/Android SDK on the machine, see docs/mobile.md)
//   node scripts/install-appium-drivers.mjs xcuitest        # iOS (macOS + Xcode only)
//
// Idempotent and fast: drivers already in Appium's manifest with their package on disk are skipped without
// starting Appium (a few milliseconds). APPIUM_HOME in the environment overrides the folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Appium driver name → npm package. */
export const KNOWN_DRIVERS = {
  fake: '@appium/fake-driver',
  chromium: 'appium-chromium-driver',
  uiautomator2: 'appium-uiautomator2-driver',
  xcuitest: 'appium-xcuitest-driver',
};

/** The drivers the test suite needs. */
export const TEST_DRIVERS = ['fake', 'chromium'];

/** The drivers folder: APPIUM_HOME, else `<project>/.appium`. */
export function appiumHome() {
  return process.env.APPIUM_HOME || join(ROOT, '.appium');
}

function appiumEntry() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('appium/package.json')), 'index.js');
}

/** Whether Appium's manifest lists the driver and its package is on disk. */
export function isInstalled(home, name) {
  const manifest = join(home, 'node_modules', '.cache', 'appium', 'extensions.yaml');
  if (!existsSync(manifest)) return false;
  const text = readFileSync(manifest, 'utf8');
  const drivers = text.split(/^plugins:/m)[0];
  return new RegExp(`^  ${name}:\\s*$`, 'm').test(drivers) && existsSync(join(home, 'node_modules', ...KNOWN_DRIVERS[name].split('/'), 'package.json'));
}

function runAppium(home, args) {
  const result = spawnSync(process.execPath, [appiumEntry(), ...args], {
    env: { ...process.env, APPIUM_HOME: home },
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
}

/**
 * Makes sure `names` are installed in `home`. Returns the drivers it installed; throws one clear error when
 * one could not be installed.
 */
export function ensureAppiumDrivers(names = TEST_DRIVERS, home = appiumHome(), log = (line) => console.error(line)) {
  const installed = [];
  for (const name of names) {
    const pkg = KNOWN_DRIVERS[name];
    if (!pkg) throw new Error(`unknown Appium driver "${name}" (known: ${Object.keys(KNOWN_DRIVERS).join(', ')})`);
    if (isInstalled(home, name)) continue;
    log(`ecoscore: installing the Appium driver "${name}" (${pkg}) from npm into ${home}…`);
    let run = runAppium(home, ['driver', 'install', '--source=npm', pkg]);
    if (!run.ok && /already installed/i.test(run.output)) {
      // In the manifest but its package is gone: uninstall, then install again.
      runAppium(home, ['driver', 'uninstall', name]);
      run = runAppium(home, ['driver', 'install', '--source=npm', pkg]);
    }
    if (!run.ok || !isInstalled(home, name)) {
      const lines = run.output.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
      const telling = lines.filter((line) => /\b(code|errno|E[A-Z]{3,}|ECONN\w*|ENOTFOUND|ETIMEDOUT|404|403)\b/.test(line) && !/complete log/.test(line));
      const tail = (telling.length > 0 ? telling.slice(0, 3) : lines.slice(-3)).join(' | ');
      throw new Error(
        `could not install the Appium driver "${name}" (${pkg}) into ${home} with \`appium driver install --source=npm ${pkg}\`` +
          `${tail ? `: ${tail}` : ''}. Check that the npm registry is reachable, then run \`node scripts/install-appium-drivers.mjs\` again.`,
      );
    }
    installed.push(name);
  }
  return installed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const extra = process.argv.slice(2);
  try {
    const installed = ensureAppiumDrivers([...new Set([...TEST_DRIVERS, ...extra])]);
    console.error(installed.length ? `ecoscore: Appium drivers installed: ${installed.join(', ')}` : `ecoscore: Appium drivers already installed in ${appiumHome()}`);
  } catch (error) {
    console.error(`ecoscore: ${error.message}`);
    process.exit(1);
  }
}
