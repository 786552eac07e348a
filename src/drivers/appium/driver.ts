/**
 * Mobile driver: Android and iOS apps, and mobile browsers, replayed through an Appium 3 server with
 * WebdriverIO. The server is the one the target names (`appiumUrl`: a running server, a device farm, a grid;
 * credentials in the URL go to the server as HTTP Basic auth and nowhere else) or one the toolkit starts on
 * 127.0.0.1 for the run (appium-server.ts). One WebDriver session per iteration.
 *
 * Before the first session's steps, Android devices are checked once: can the server run `adb shell` at all
 * (farms usually deny it: then one warning says which figures cannot be measured, and the run goes on without
 * the Android probes), the device's facts (getprop), its battery and screen (android-checks.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../shared/input-error.js';
import type { DeviceProfile, NetworkProfile } from '../../profiles/schema.js';
import type { CalibrationMeasure } from '../../probes/calibration.js';
import type { MobileDeviceRecord } from '../../probes/android-device.js';
import type { AndroidShell } from '../../probes/android-shell.js';
import { appiumStatus, startAppiumServer, type AppiumServer } from '../appium-server.js';
import type { Driver, Session } from '../driver.js';
import { capabilitiesFor, dialectOf, isLocalAppPath, type AutomationDialect, type Capabilities, type MobileTarget } from './capabilities.js';
import { connectWithWebdriverIO, describeError, type ConnectFunction, type WebDriverClient } from './client.js';
import { credentialsOf, redactUrl, scrubCredentials, splitCredentials } from './credentials.js';
import { DeviceChecks } from './device-checks.js';
import { AppiumSession } from './session.js';

/** Options of {@link openAppiumDriver}. */
export interface AppiumDriverOptions {
  target: MobileTarget;
  device: DeviceProfile;
  network: NetworkProfile;
  /** URL that relative `goto` paths resolve against (mobile web), default `target.url`. */
  baseUrl?: string | null;
  /** Merged last into the capabilities (after the target's). */
  capabilities?: Capabilities;
  /** A running server; default `target.appiumUrl`, else one started on 127.0.0.1. */
  appiumUrl?: string;
  /** Folder that receives `appium.log` when the toolkit starts the server (default: no log). */
  outDir?: string;
  /** Drivers folder of the started server (default: appium-server.ts `defaultAppiumHome`). */
  appiumHome?: string;
  /**
   * How Android probes reach the device: `appium` (Appium's `mobile: shell`, default), `adb` (the local adb,
   * serial from `appium:udid`), `none` (no Android probes), or a function (tests). Env
   * `ECOSCORE_ANDROID_SHELL=adb|appium|none` sets the default.
   */
  androidShell?: 'appium' | 'adb' | 'none' | AndroidShell;
  /**
   * How charging is cut while the phone is plugged (e.g. "USB power blocker between hub and phone"): lets a
   * plugged, non-charging device be measured. Default env `ECOSCORE_POWER_CUT`; none by default.
   */
  powerCut?: string | null;
  /** Opens sessions (tests); default WebdriverIO. */
  connect?: ConnectFunction;
}

/** The mobile driver, with what its device checks found. */
export interface AppiumDriver extends Driver {
  readonly capabilities: Capabilities;
  readonly dialect: AutomationDialect;
  /** One sentence per problem of the device checks and the energy sampler; filled by the first session. */
  readonly deviceWarnings: string[];
  /** The Android phone measured (facts and battery), once the first session has read it; null otherwise. */
  readonly mobileDevice: () => MobileDeviceRecord | null;
}

/** Whether a URL points at this machine. */
function isLoopback(serverUrl: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(new URL(serverUrl).hostname);
  } catch {
    return false;
  }
}

/** The server a driver talks to: the target's (checked with `GET /status`), or one started for the run. */
async function resolveServer(options: AppiumDriverOptions, serverUrlGiven: string | undefined): Promise<{ server: AppiumServer | null; serverUrl: string; version: string; problem: string | null }> {
  if (serverUrlGiven) {
    const { url, authorization } = splitCredentials(serverUrlGiven);
    const status = await appiumStatus(url, 5000, authorization);
    if (status.version !== null) return { server: null, serverUrl: serverUrlGiven, version: status.version, problem: null };
    const problem = `no Appium server answers at ${redactUrl(serverUrlGiven)} (GET /status ${status.problem}): start it, or fix target.appiumUrl`;
    return { server: null, serverUrl: serverUrlGiven, version: 'unknown', problem };
  }
  const server = await startAppiumServer({
    appiumHome: options.appiumHome,
    logFile: options.outDir ? join(options.outDir, 'appium.log') : undefined,
    // `mobile: shell` for the Android probes, and a Chromedriver matching the phone's Chrome (Appium 3 scopes
    // insecure features per driver). The server listens on 127.0.0.1 only.
    args: options.target.platform === 'android' ? ['--allow-insecure=uiautomator2:adb_shell,uiautomator2:chromedriver_autodownload'] : [],
  });
  return { server, serverUrl: server.url, version: server.version, problem: null };
}

/**
 * Opens the mobile driver: uses the target's server or starts one, and returns a driver whose sessions
 * replay actions through WebdriverIO. A server that does not answer does not throw here: every session then
 * fails with one sentence saying so, and the run writes what it has (a failed result), as for a browser crash.
 */
export async function openAppiumDriver(options: AppiumDriverOptions): Promise<AppiumDriver> {
  const { target, device } = options;
  const capabilities = capabilitiesFor(target, device, options.capabilities);
  const dialect = dialectOf(capabilities);
  const automation = String(capabilities['appium:automationName'] ?? 'unknown');
  const app = capabilities['appium:app'];
  const serverUrlGiven = options.appiumUrl ?? target.appiumUrl;
  const secrets = credentialsOf({ appiumUrl: serverUrlGiven, capabilities });
  const redact = (text: string) => scrubCredentials(text, secrets);
  if (typeof app === 'string' && isLocalAppPath(app) && (!serverUrlGiven || isLoopback(serverUrlGiven)) && !existsSync(app)) {
    throw new InputError(`target.app: the app file ${app} does not exist`);
  }
  const { server, serverUrl, version, problem } = await resolveServer(options, serverUrlGiven);
  const connect = options.connect ?? connectWithWebdriverIO;
  const powerCut = options.powerCut !== undefined ? options.powerCut : process.env.ECOSCORE_POWER_CUT?.trim() || null;
  const checks = new DeviceChecks(target, capabilities, dialect, { shell: options.androidShell, powerCut, redact });

  const openSession = async (): Promise<Session> => {
    if (problem) throw new Error(problem);
    let client: WebDriverClient;
    try {
      client = await connect(serverUrl, capabilities);
    } catch (error) {
      const message = describeError(error, redact);
      const driverName = automation.toLowerCase();
      const hint = /could not find a driver/i.test(message) && ['uiautomator2', 'xcuitest', 'chromium'].includes(driverName)
        ? ` (install it: node scripts/install-appium-drivers.mjs ${driverName})`
        : '';
      throw new Error(`Appium could not start a session (${automation}): ${message}${hint}`);
    }
    const shell = await checks.shellFor(client);
    return new AppiumSession(client, {
      target,
      capabilities,
      dialect,
      baseUrl: options.baseUrl ?? target.url ?? null,
      androidShell: shell,
      energyPlan: shell ? checks.energyPlan : null,
      redact,
      onIterationEnergy: (_run, energy) => checks.iterationDone(energy),
    });
  };

  return {
    info: { name: `appium ${automation}`, version },
    capabilities,
    dialect,
    deviceWarnings: checks.warnings,
    mobileDevice: () => checks.mobileDevice,
    calibrate: async (): Promise<CalibrationMeasure> => {
      throw new Error('not applicable to a mobile target: device CPU time is measured on the device, not on a throttled host');
    },
    openSession,
    // A lost local server is a crash (the runner restarts the driver); a remote one is not watched.
    isConnected: () => server === null || server.isRunning(),
    close: async () => {
      await server?.stop();
    },
  };
}
