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
import { checkAndroidDevice } from '../../probes/android-checks.js';
import { batterySnapshot, readDeviceFacts, type MobileDeviceRecord } from '../../probes/android-device.js';
import type { EnergyPlan } from '../../probes/android-energy.js';
import { adbShell, appiumShell, type AndroidShell } from '../../probes/android-shell.js';
import { appiumStatus, startAppiumServer, type AppiumServer } from '../appium-server.js';
import type { Driver, DriverInfo, Session } from '../driver.js';
import { automationOf, capabilitiesFor, dialectOf, isLocalAppPath, type AutomationDialect, type Capabilities, type MobileTarget } from './capabilities.js';
import { connectWithWebdriverIO, describeError, type ConnectFunction, type WebDriverClient } from './client.js';
import { credentialsOf, redactUrl, scrubCredentials, splitCredentials } from './credentials.js';
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

/** Figures lost when the device shell is denied (the one warning a farm run gets). */
const SHELL_FIGURES = 'measured energy (battery current), device CPU time, memory, frames, app network bytes (native apps) and batterystats';

/** Whether a URL points at this machine. */
function isLoopback(serverUrl: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(new URL(serverUrl).hostname);
  } catch {
    return false;
  }
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

  let server: AppiumServer | null = null;
  let serverUrl: string;
  let version = 'unknown';
  let serverProblem: string | null = null;
  if (serverUrlGiven) {
    serverUrl = serverUrlGiven;
    const { url, authorization } = splitCredentials(serverUrl);
    const status = await appiumStatus(url, 5000, authorization);
    if (status.version === null) {
      serverProblem = `no Appium server answers at ${redactUrl(serverUrl)} (GET /status ${status.problem}): start it, or fix target.appiumUrl`;
    } else version = status.version;
  } else {
    server = await startAppiumServer({
      appiumHome: options.appiumHome,
      logFile: options.outDir ? join(options.outDir, 'appium.log') : undefined,
      // `mobile: shell` for the Android probes, and a Chromedriver matching the phone's Chrome (Appium 3 scopes
      // insecure features per driver). The server listens on 127.0.0.1 only.
      args: target.platform === 'android' ? ['--allow-insecure=uiautomator2:adb_shell,uiautomator2:chromedriver_autodownload'] : [],
    });
    serverUrl = server.url;
    version = server.version;
  }

  const connect = options.connect ?? connectWithWebdriverIO;
  const deviceWarnings: string[] = [];
  const warnOnce = (warning: string) => {
    if (!deviceWarnings.includes(warning)) deviceWarnings.push(warning);
  };
  if (target.platform === 'ios') {
    warnOnce('iOS: energy is not measured on iOS devices (no probe reads an iPhone battery); steps get durations and screenshots, and energy is modelled where its inputs are measured, else null');
  }
  const powerCut = options.powerCut !== undefined ? options.powerCut : process.env.ECOSCORE_POWER_CUT?.trim() || null;
  let checked = false;
  let shellDenied = false;
  let energyPlan: EnergyPlan | null = null;
  let mobileDevice: MobileDeviceRecord | null = null;
  const info: DriverInfo = { name: `appium ${automation}`, version };

  const pickShell = (client: WebDriverClient): AndroidShell | null => {
    if (target.platform !== 'android' || shellDenied) return null;
    const choice = options.androidShell ?? (process.env.ECOSCORE_ANDROID_SHELL as AppiumDriverOptions['androidShell']) ?? 'appium';
    if (typeof choice === 'function') return choice;
    // A desktop Chromium (Appium's Chromium driver) has no Android device behind it.
    if (choice === 'none' || automationOf(capabilities) === 'chromium') return null;
    if (choice === 'adb') {
      const udid = capabilities['appium:udid'];
      return adbShell(typeof udid === 'string' ? udid : undefined);
    }
    return appiumShell((script, args) => client.executeScript(script, args));
  };

  /** The once-per-run checks on the first session's device; returns the shell to use (null when denied). */
  const checkDevice = async (shell: AndroidShell, expectedPackage: string | null): Promise<AndroidShell | null> => {
    checked = true;
    try {
      await shell('echo', ['ecoscore']);
    } catch (error) {
      shellDenied = true;
      warnOnce(`the device shell is not available (${redact((error as Error).message)}): ${SHELL_FIGURES} cannot be measured on this server, and energy is modelled; durations, screenshots${dialect === 'web' ? ' and browser bytes' : ''} are measured`);
      return null;
    }
    const facts = await readDeviceFacts(shell).catch(() => null);
    const checks = await checkAndroidDevice(shell, dialect === 'web' ? null : expectedPackage);
    for (const warning of checks.warnings) warnOnce(warning);
    mobileDevice = {
      platform: 'android',
      model: facts?.model ?? null,
      manufacturer: facts?.manufacturer ?? null,
      androidVersion: facts?.androidVersion ?? null,
      sdk: facts?.sdk ?? null,
      fingerprint: facts?.fingerprint ?? null,
      batteryStart: checks.battery ? batterySnapshot(checks.battery) : null,
      batteryEnd: null,
      powerCut,
    };
    // Perfetto's battery counters exist from Android 10 (API 29).
    energyPlan = { perfetto: (facts?.sdk ?? 0) >= 29, perfettoProblem: (facts?.sdk ?? 0) >= 29 ? null : 'Perfetto battery counters need Android 10 or later', powerCut };
    return shell;
  };

  const openSession = async (): Promise<Session> => {
    if (serverProblem) throw new Error(serverProblem);
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
    let shell = pickShell(client);
    if (shell && !checked) {
      const appPackage = capabilities['appium:appPackage'] ?? client.capabilities['appium:appPackage'] ?? client.capabilities.appPackage;
      shell = await checkDevice(shell, typeof appPackage === 'string' && appPackage ? appPackage : null);
    }
    return new AppiumSession(client, {
      target,
      capabilities,
      dialect,
      baseUrl: options.baseUrl ?? target.url ?? null,
      androidShell: shell,
      energyPlan: shell ? energyPlan : null,
      redact,
      onIterationEnergy: (_run, energy) => {
        if (energy.note) warnOnce(`energy sampler: ${energy.note}`);
        if (mobileDevice && energy.batteryEnd) mobileDevice.batteryEnd = batterySnapshot(energy.batteryEnd);
      },
    });
  };

  return {
    info,
    capabilities,
    dialect,
    deviceWarnings,
    mobileDevice: () => mobileDevice,
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
