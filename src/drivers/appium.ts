/**
 * Mobile driver: Android and iOS apps, and mobile browsers, replayed through an Appium 3 server with
 * WebdriverIO. The server is the one the target names (`appiumUrl`: a running server, a device farm, a grid)
 * or one the toolkit starts on 127.0.0.1 for the run (appium-server.ts). One WebDriver session per iteration:
 * a fresh app state (UiAutomator2/XCUITest reset the app unless `appium:noReset` says otherwise) or a fresh
 * browser profile.
 *
 * Locators are translated per automation: Android native (UiAutomator2: `new UiSelector().text("…")`,
 * resource-id, accessibility id), iOS native (XCUITest: predicate strings), mobile browsers and Appium's
 * Chromium driver (CSS and XPath on the page, like the web driver's text / role / label semantics), and any
 * other driver (XPath on `@text`, e.g. Appium's fake driver). See docs/mobile.md.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Action, Locator, Target } from '../journey/schema.js';
import { InputError } from '../shared/input-error.js';
import type { DeviceProfile, NetworkProfile } from '../profiles/schema.js';
import type { CalibrationMeasure } from '../probes/calibration.js';
import { AndroidBatteryProbe } from '../probes/android-battery.js';
import { AndroidBatterystatsProbe } from '../probes/android-batterystats.js';
import { checkAndroidDevice } from '../probes/android-checks.js';
import { AndroidCpuProbe } from '../probes/android-cpu.js';
import { AndroidGfxinfoProbe } from '../probes/android-gfxinfo.js';
import { AndroidMemoryProbe } from '../probes/android-memory.js';
import { AndroidNetstatsProbe } from '../probes/android-netstats.js';
import { adbShell, appiumShell, cleanWebDriverMessage, type AndroidShell } from '../probes/android-shell.js';
import { parseUserId } from '../probes/android/package.js';
import { ChromiumPerfLogProbe, type WebDriverLogEntry } from '../probes/chromium-perf-log.js';
import type { Probe } from '../probes/probe.js';
import { appiumStatus, startAppiumServer, type AppiumServer } from './appium-server.js';
import type { Driver, DriverInfo, Session } from './driver.js';
import { CHROMIUM_FLAGS } from './playwright.js';

/** A mobile target of the journey. */
export type MobileTarget = Extract<Target, { platform: 'android' | 'ios' }>;

/** W3C capabilities sent to Appium. */
export type Capabilities = Record<string, unknown>;

/** Which locator dialect and commands a session speaks. */
export type AutomationDialect = 'web' | 'uiautomator2' | 'xcuitest' | 'generic';

/** The WebDriver commands the driver uses (a subset of a WebdriverIO browser; tests inject a recorder). */
export interface WebDriverClient {
  readonly capabilities: Record<string, unknown>;
  findElements(using: string, value: string): Promise<Array<Record<string, string>>>;
  elementClick(elementId: string): Promise<unknown>;
  elementClear(elementId: string): Promise<unknown>;
  elementSendKeys(elementId: string, text: string): Promise<unknown>;
  isElementDisplayed(elementId: string): Promise<boolean>;
  executeScript(script: string, args: unknown[]): Promise<unknown>;
  performActions(actions: object[]): Promise<unknown>;
  releaseActions(): Promise<unknown>;
  navigateTo(url: string): Promise<unknown>;
  back(): Promise<unknown>;
  getUrl(): Promise<string>;
  getWindowRect(): Promise<{ width: number; height: number; x: number; y: number }>;
  getPageSource(): Promise<string>;
  takeScreenshot(): Promise<string>;
  getLogs(type: string): Promise<object[]>;
  deleteSession(): Promise<unknown>;
}

/** Opens a WebDriver session on `serverUrl` (default: WebdriverIO's `remote`). */
export type ConnectFunction = (serverUrl: string, capabilities: Capabilities) => Promise<WebDriverClient>;

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
  /** Opens sessions (tests); default WebdriverIO. */
  connect?: ConnectFunction;
}

/** The mobile driver, with what its device checks found (one sentence each, for the result's warnings). */
export interface AppiumDriver extends Driver {
  readonly capabilities: Capabilities;
  readonly dialect: AutomationDialect;
  /** Warnings of the pre-run device checks (charging, brightness, foreground app); filled by the first session. */
  readonly deviceWarnings: string[];
}

const ELEMENT_KEYS = ['element-6066-11e4-a52e-4f735466cecf', 'ELEMENT'];
const POLL_MS = 250;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep merge of plain objects; arrays and other values of `over` replace those of `base`. */
export function mergeCapabilities(base: Capabilities, over: Capabilities | undefined): Capabilities {
  const merged: Capabilities = { ...base };
  for (const [key, value] of Object.entries(over ?? {})) {
    merged[key] = isPlainObject(value) && isPlainObject(merged[key]) ? mergeCapabilities(merged[key] as Capabilities, value) : value;
  }
  return merged;
}

/** The automation named by the capabilities, lower case (`uiautomator2`, `xcuitest`, `chromium`, `fake`…). */
function automationOf(capabilities: Capabilities): string {
  return String(capabilities['appium:automationName'] ?? capabilities.automationName ?? '').toLowerCase();
}

/** How to find elements and act for these capabilities. */
export function dialectOf(capabilities: Capabilities): AutomationDialect {
  const automation = automationOf(capabilities);
  if (automation === 'chromium' || typeof capabilities.browserName === 'string' && capabilities.browserName !== '') return 'web';
  if (automation === 'uiautomator2') return 'uiautomator2';
  if (automation === 'xcuitest') return 'xcuitest';
  return 'generic';
}

/** Chrome's `mobileEmulation` for a device profile (viewport, pixel ratio, user agent). */
function mobileEmulationOf(device: DeviceProfile): Record<string, unknown> {
  return {
    deviceMetrics: { width: device.viewport.width, height: device.viewport.height, pixelRatio: device.deviceScaleFactor, touch: device.hasTouch, mobile: device.isMobile },
    userAgent: device.userAgent,
  };
}

/**
 * The W3C capabilities of a target: Android native (`appium:appPackage`/`appium:appActivity` or
 * `appium:app`, UiAutomator2), Chrome on Android (`browserName: Chrome`, UiAutomator2), iOS (`appium:bundleId`
 * or `appium:app`, XCUITest; Safari), then `target.capabilities` and `extra` merged over them. Chromium
 * sessions (`appium:automationName: Chromium`, Appium's Chromium driver) get the device's `mobileEmulation`
 * and the toolkit's quiet-browser flags. Browser sessions record Chromium's performance log (network bytes).
 */
export function capabilitiesFor(target: MobileTarget, device: DeviceProfile, extra?: Capabilities): Capabilities {
  let base: Capabilities;
  if (target.platform === 'android') {
    base = { platformName: 'Android', 'appium:automationName': 'UiAutomator2', 'appium:newCommandTimeout': 300 };
    if (target.browser) Object.assign(base, { browserName: 'Chrome', 'goog:loggingPrefs': { performance: 'ALL' } });
    if (target.appPackage) base['appium:appPackage'] = target.appPackage;
    if (target.appActivity) base['appium:appActivity'] = target.appActivity;
    if (target.app) base['appium:app'] = target.app;
  } else {
    base = { platformName: 'iOS', 'appium:automationName': 'XCUITest', 'appium:newCommandTimeout': 300 };
    if (target.browser) base.browserName = 'Safari';
    if (target.bundleId) base['appium:bundleId'] = target.bundleId;
    if (target.app) base['appium:app'] = target.app;
  }
  let merged = mergeCapabilities(mergeCapabilities(base, target.capabilities as Capabilities | undefined), extra);
  if (automationOf(merged) === 'chromium') {
    const chromeDefaults: Capabilities = {
      browserName: 'chrome',
      'goog:loggingPrefs': { performance: 'ALL' },
      'goog:chromeOptions': { args: [...CHROMIUM_FLAGS], mobileEmulation: mobileEmulationOf(device) },
    };
    merged = mergeCapabilities(chromeDefaults, merged);
    // Chromedriver matches `chrome` exactly (UiAutomator2 takes Appium's `Chrome`).
    if (typeof merged.browserName === 'string' && merged.browserName.toLowerCase() === 'chrome') merged.browserName = 'chrome';
    // Android-only keys mean nothing to a desktop Chromium.
    for (const key of ['appium:appPackage', 'appium:appActivity', 'appium:app', 'appium:newCommandTimeout']) delete merged[key];
  }
  return merged;
}

/** Splits a server URL into WebdriverIO's connection options (credentials in the URL become user/key). */
export function connectionOptions(serverUrl: string): { protocol: 'http' | 'https'; hostname: string; port: number; path: string; user?: string; key?: string } {
  const url = new URL(serverUrl);
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return {
    protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'https' ? 443 : 80,
    path: url.pathname || '/',
    ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { key: decodeURIComponent(url.password) } : {}),
  };
}

/** WebdriverIO's `remote`, quiet and without retries (a failed command fails the action, once). */
export const connectWithWebdriverIO: ConnectFunction = async (serverUrl, capabilities) => {
  const { remote } = await import('webdriverio');
  const browser = await remote({
    ...connectionOptions(serverUrl),
    logLevel: 'silent',
    connectionRetryCount: 0,
    connectionRetryTimeout: 180_000,
    capabilities: { ...capabilities, 'wdio:enforceWebDriverClassic': true } as WebdriverIO.Capabilities,
  });
  return browser as unknown as WebDriverClient;
};

/** One sentence for a WebDriver or connection error. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return cleanWebDriverMessage(message);
}

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
  if (typeof app === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(app) && (!serverUrlGiven || isLoopback(serverUrlGiven)) && !existsSync(app)) {
    throw new InputError(`target.app: the app file ${app} does not exist`);
  }

  let server: AppiumServer | null = null;
  let serverUrl: string;
  let version = 'unknown';
  let serverProblem: string | null = null;
  if (serverUrlGiven) {
    serverUrl = serverUrlGiven;
    const status = await appiumStatus(serverUrl, 5000);
    if (status === null) serverProblem = `no Appium server answers at ${serverUrl} (GET /status failed): start it, or fix target.appiumUrl`;
    else version = status;
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
  let checked = false;
  const info: DriverInfo = { name: `appium ${automation}`, version };

  const openSession = async (): Promise<Session> => {
    if (serverProblem) throw new Error(serverProblem);
    let client: WebDriverClient;
    try {
      client = await connect(serverUrl, capabilities);
    } catch (error) {
      const message = describeError(error);
      const driverName = automation.toLowerCase();
      const hint = /could not find a driver/i.test(message) && ['uiautomator2', 'xcuitest', 'chromium'].includes(driverName)
        ? ` (install it: node scripts/install-appium-drivers.mjs ${driverName})`
        : '';
      throw new Error(`Appium could not start a session (${automation}): ${message}${hint}`);
    }
    const session = new AppiumSession(client, { ...options, capabilities, dialect, baseUrl: options.baseUrl ?? target.url ?? null });
    const shell = session.androidShell;
    if (!checked && shell !== null) {
      checked = true;
      const checks = await checkAndroidDevice(shell, dialect === 'web' ? null : await session.packageName().catch(() => null));
      deviceWarnings.push(...checks.warnings);
    }
    return session;
  };

  return {
    info,
    capabilities,
    dialect,
    deviceWarnings,
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

type SessionOptions = AppiumDriverOptions & { capabilities: Capabilities; dialect: AutomationDialect; baseUrl: string | null };

/** XPath string literal for any text (concat() when it holds both quote kinds). */
export function xpathLiteral(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text.split('"').map((part) => `"${part}"`).join(`, '"', `)})`;
}

/** Java string literal for UiSelector expressions. */
function javaLiteral(text: string): string {
  return JSON.stringify(text);
}

/** A locator as WebDriver find strategies, tried in order (the first with a displayed match wins). */
export function strategiesFor(locator: Locator, dialect: AutomationDialect): Array<[string, string]> {
  const exact = locator.exact ?? false;
  if (locator.xpath !== undefined) return [['xpath', locator.xpath]];
  if (dialect === 'web') {
    if (locator.text !== undefined) {
      const text = xpathLiteral(locator.text);
      const whole = `//body//*[normalize-space(.)=${text}][not(descendant::*[normalize-space(.)=${text}])]`;
      const part = `//body//*[contains(normalize-space(.), ${text})][not(descendant::*[contains(normalize-space(.), ${text})])]`;
      return exact ? [['xpath', whole]] : [['xpath', whole], ['xpath', part]];
    }
    if (locator.selector !== undefined) return [['css selector', locator.selector]];
    if (locator.id !== undefined) return [['css selector', `[id=${JSON.stringify(locator.id)}]`]];
    if (locator.accessibilityId !== undefined) return [['css selector', `[aria-label=${JSON.stringify(locator.accessibilityId)}]`]];
    if (locator.role !== undefined) {
      const name = locator.name === undefined ? null : xpathLiteral(locator.name);
      const named = (accessibleText: string) => (name === null ? '' : exact ? `[${accessibleText}=${name}]` : `[contains(${accessibleText}, ${name})]`);
      const byText = named('normalize-space(.)');
      const byLabel = named('@aria-label');
      const native: Record<string, string[]> = {
        button: ['button', 'input[@type="submit" or @type="button" or @type="reset"]'],
        link: ['a[@href]'],
        heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        textbox: ['input[not(@type) or @type="text" or @type="email" or @type="password" or @type="search" or @type="tel" or @type="url" or @type="number"]', 'textarea'],
        checkbox: ['input[@type="checkbox"]'],
        radio: ['input[@type="radio"]'],
      };
      const tags = native[locator.role] ?? [];
      const paths = [...tags.flatMap((tag) => [`//${tag}${byText}`, `//${tag}${byLabel}`]), `//*[@role=${xpathLiteral(locator.role)}]${byText}`, `//*[@role=${xpathLiteral(locator.role)}]${byLabel}`];
      if (locator.role === 'button' && name !== null) paths.push(`//input[@type="submit" or @type="button"][@value=${name}]`);
      return [['xpath', paths.join(' | ')]];
    }
    if (locator.label !== undefined) {
      const label = xpathLiteral(locator.label);
      const match = exact ? `normalize-space(.)=${label}` : `contains(normalize-space(.), ${label})`;
      const field = '*[self::input or self::textarea or self::select]';
      return [['xpath', `//${field}[@id=//label[${match}]/@for] | //label[${match}]//${field} | //${field}[@aria-label=${label}]`]];
    }
  }
  if (locator.role !== undefined || locator.label !== undefined) {
    throw new Error(`${locator.role !== undefined ? '`role`' : '`label`'} locators work in mobile browsers only; on native apps use text, id, accessibilityId or xpath`);
  }
  if (dialect === 'uiautomator2') {
    if (locator.text !== undefined) {
      const whole: [string, string] = ['-android uiautomator', `new UiSelector().text(${javaLiteral(locator.text)})`];
      return exact ? [whole] : [whole, ['-android uiautomator', `new UiSelector().textContains(${javaLiteral(locator.text)})`]];
    }
    if (locator.id !== undefined) return [['id', locator.id]];
    if (locator.accessibilityId !== undefined) return [['accessibility id', locator.accessibilityId]];
    return [['css selector', locator.selector!]];
  }
  if (dialect === 'xcuitest') {
    if (locator.text !== undefined) {
      const text = JSON.stringify(locator.text);
      const whole: [string, string] = ['-ios predicate string', `label == ${text} OR value == ${text} OR name == ${text}`];
      return exact ? [whole] : [whole, ['-ios predicate string', `label CONTAINS ${text} OR value CONTAINS ${text}`]];
    }
    if (locator.id !== undefined) return [['id', locator.id]];
    if (locator.accessibilityId !== undefined) return [['accessibility id', locator.accessibilityId]];
    throw new Error('CSS `selector` locators do not exist on iOS native apps; use text, id, accessibilityId or xpath');
  }
  // Other drivers (Appium's fake driver, custom drivers): XPath on the source's `text` attribute.
  if (locator.text !== undefined) {
    const text = xpathLiteral(locator.text);
    const whole: [string, string] = ['xpath', `//*[@text=${text}]`];
    return exact ? [whole] : [whole, ['xpath', `//*[contains(@text, ${text})]`]];
  }
  if (locator.id !== undefined) return [['id', locator.id]];
  if (locator.accessibilityId !== undefined) return [['accessibility id', locator.accessibilityId]];
  return [['css selector', locator.selector!]];
}

/** `text "Mesures"`, `id "systolic"`… for error messages. */
function describeLocator(locator: Locator): string {
  return Object.entries(locator)
    .filter(([key]) => key !== 'exact')
    .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
    .join(' ');
}

function elementIdOf(reference: Record<string, string>): string {
  for (const key of ELEMENT_KEYS) if (typeof reference[key] === 'string') return reference[key];
  const first = Object.values(reference)[0];
  if (typeof first !== 'string') throw new Error('the server returned an element without an id');
  return first;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Rejects after `ms` with `message`, whatever `promise` does. */
async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** WebDriver key values (W3C WebDriver §17.4.2) of the keys journeys name. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Enter: '\uE007',
  Return: '\uE006',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: '\uE00D',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Home: '\uE011',
  End: '\uE010',
};

/** Android KeyEvent codes (android.view.KeyEvent) for `mobile: pressKey`. */
const ANDROID_KEYCODES: Record<string, number> = {
  Enter: 66,
  Return: 66,
  Tab: 61,
  Escape: 111,
  Backspace: 67,
  Delete: 112,
  Space: 62,
  ArrowUp: 19,
  ArrowDown: 20,
  ArrowLeft: 21,
  ArrowRight: 22,
  Back: 4,
  Home: 3,
  Search: 84,
  Menu: 82,
};

/** Page script: is the page loaded and has its resource count stayed the same for `quietMs`? */
const RESOURCE_COUNT_SCRIPT = 'return [document.readyState, performance.getEntriesByType("resource").length];';

/** One iteration's WebDriver session. */
export class AppiumSession implements Session {
  readonly probes: Probe[];
  /** The shell the Android probes use, or null (iOS, `none`). */
  readonly androidShell: AndroidShell | null;
  private url: string | null = null;
  private firstPartyHost: string | null = null;
  private packagePromise: Promise<string> | null = null;
  private uidPromise: Promise<number> | null = null;

  constructor(
    private readonly client: WebDriverClient,
    private readonly options: SessionOptions,
  ) {
    const { target, dialect } = options;
    try {
      this.firstPartyHost = options.baseUrl ? new URL(options.baseUrl).host : null;
    } catch {
      this.firstPartyHost = null;
    }
    this.androidShell = target.platform === 'android' ? this.pickShell() : null;
    const probes: Probe[] = [];
    const shell = this.androidShell;
    // Battery first: its window opens before the other probes start and closes before they stop.
    if (shell) probes.push(new AndroidBatteryProbe(shell));
    if (dialect === 'web' && this.capabilityLogsPerformance()) {
      probes.push(new ChromiumPerfLogProbe(() => this.client.getLogs('performance') as Promise<WebDriverLogEntry[]>, () => this.firstPartyHost));
    }
    if (shell) {
      const packageName = () => this.packageName();
      if (dialect !== 'web') probes.push(new AndroidNetstatsProbe(shell, () => this.uid()));
      probes.push(new AndroidCpuProbe(shell, packageName), new AndroidMemoryProbe(shell, packageName), new AndroidGfxinfoProbe(shell, packageName));
      probes.push(new AndroidBatterystatsProbe(shell, () => this.uid()));
    }
    this.probes = probes;
  }

  private capabilityLogsPerformance(): boolean {
    const prefs = this.options.capabilities['goog:loggingPrefs'];
    return isPlainObject(prefs) && typeof prefs.performance === 'string' && prefs.performance !== 'OFF';
  }

  private pickShell(): AndroidShell | null {
    const choice = this.options.androidShell ?? (process.env.ECOSCORE_ANDROID_SHELL as AppiumDriverOptions['androidShell']) ?? 'appium';
    if (typeof choice === 'function') return choice;
    // A desktop Chromium (Appium's Chromium driver) has no Android device behind it.
    if (choice === 'none' || automationOf(this.options.capabilities) === 'chromium') return null;
    if (choice === 'adb') {
      const udid = this.options.capabilities['appium:udid'];
      return adbShell(typeof udid === 'string' ? udid : undefined);
    }
    return appiumShell((script, args) => this.client.executeScript(script, args));
  }

  /** The Android package measured: the app's (from the session when Appium resolved it), or Chrome's. */
  packageName(): Promise<string> {
    this.packagePromise ??= (async () => {
      const caps = { ...this.options.capabilities, ...this.client.capabilities };
      const fromSession = caps['appium:appPackage'] ?? caps.appPackage;
      if (typeof fromSession === 'string' && fromSession) return fromSession;
      if (this.options.dialect === 'web' && this.options.target.platform === 'android') return 'com.android.chrome';
      throw new Error('the app package is unknown (give target.appPackage)');
    })();
    this.packagePromise.catch(() => {
      this.packagePromise = null;
    });
    return this.packagePromise;
  }

  private uid(): Promise<number> {
    this.uidPromise ??= (async () => {
      if (!this.androidShell) throw new Error('no Android shell');
      return parseUserId(await this.androidShell('dumpsys', ['package', await this.packageName()]));
    })();
    this.uidPromise.catch(() => {
      this.uidPromise = null;
    });
    return this.uidPromise;
  }

  private get isWeb(): boolean {
    return this.options.dialect === 'web';
  }

  private async mobile(command: string, args: Record<string, unknown>): Promise<unknown> {
    return this.client.executeScript(`mobile: ${command}`, [args]);
  }

  /** `{ appId }` (Android) or `{ bundleId }` (iOS) of the target app, for activate/terminate. */
  private appArguments(action: string): Record<string, unknown> {
    const { target } = this.options;
    const caps = { ...this.options.capabilities, ...this.client.capabilities };
    if (target.platform === 'android') {
      const appId = target.appPackage ?? caps['appium:appPackage'] ?? caps.appPackage;
      if (typeof appId !== 'string' || !appId) throw new Error(`${action} needs the app's package (target.appPackage)`);
      return { appId };
    }
    const bundleId = target.bundleId ?? caps['appium:bundleId'] ?? caps.bundleId;
    if (typeof bundleId !== 'string' || !bundleId) throw new Error(`${action} needs the app's bundle id (target.bundleId)`);
    return { bundleId };
  }

  async showBlank(): Promise<void> {
    if (this.isWeb) {
      await this.client.navigateTo('about:blank');
      this.url = 'about:blank';
    } else if (this.options.dialect === 'uiautomator2') {
      await this.mobile('pressKey', { keycode: ANDROID_KEYCODES.Home });
    } else if (this.options.dialect === 'xcuitest') {
      await this.mobile('pressButton', { name: 'home' });
    }
    // Other drivers have no home screen: the reference step measures the app's screen left idle.
  }

  async idle(durationMs: number): Promise<void> {
    await sleep(durationMs);
  }

  /**
   * Mobile web: the page's load event, then no new resource for 500 ms (Resource Timing count), at most
   * `maxWaitMs`. Native apps give no such signal: a short 300 ms idle (use `waitFor` for what matters).
   */
  async settle(maxWaitMs: number): Promise<void> {
    if (!this.isWeb) {
      await sleep(Math.min(300, maxWaitMs));
      return;
    }
    await this.waitForQuietPage(maxWaitMs).catch(() => undefined);
    await this.refreshUrl();
  }

  private async waitForQuietPage(maxWaitMs: number, quietMs = 500): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    let last = -1;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const [state, count] = (await this.client.executeScript(RESOURCE_COUNT_SCRIPT, [])) as [string, number];
      if (count !== last) {
        last = count;
        quietSince = Date.now();
      } else if (state === 'complete' && Date.now() - quietSince >= quietMs) return;
      await sleep(100);
    }
    throw new Error(`the page did not become idle within ${maxWaitMs} ms`);
  }

  private async refreshUrl(): Promise<void> {
    if (!this.isWeb) return;
    try {
      this.url = (await this.client.getUrl()) || null;
      if (this.url && !this.firstPartyHost && /^https?:/.test(this.url)) this.firstPartyHost = new URL(this.url).host;
    } catch {
      // keep the last known URL
    }
  }

  currentUrl(): string | null {
    return this.isWeb ? this.url : null;
  }

  async perform(action: Action, timeoutMs: number): Promise<void> {
    if (action.kind === 'pause') {
      await sleep(action.durationMs);
      return;
    }
    const budget = action.kind === 'background' ? action.durationMs + timeoutMs : timeoutMs;
    await withTimeout(this.performAction(action, timeoutMs), budget + 1000, `Timeout ${timeoutMs}ms exceeded during ${action.kind}`);
    if (action.kind === 'goto' || action.kind === 'back' || action.kind === 'click') await this.refreshUrl();
  }

  private async performAction(action: Action, timeoutMs: number): Promise<void> {
    const { dialect } = this.options;
    try {
      switch (action.kind) {
        case 'goto':
          await this.goto(action.url);
          return;
        case 'click':
          await this.client.elementClick(await this.find(action.locator, timeoutMs));
          return;
        case 'fill': {
          const element = await this.find(action.locator, timeoutMs);
          await this.client.elementClear(element).catch(() => undefined);
          await this.client.elementSendKeys(element, action.value);
          return;
        }
        case 'press':
          await this.press(action.key);
          return;
        case 'scroll':
          await this.scroll(action, timeoutMs);
          return;
        case 'swipe': {
          if (this.isWeb) {
            const [dx, dy] = this.swipeDelta(action.direction);
            await this.client.executeScript(`window.scrollBy(${dx} * window.innerWidth * ${action.distance}, ${dy} * window.innerHeight * ${action.distance});`, []);
          } else await this.swipe(action.direction, action.distance);
          return;
        }
        case 'waitFor':
          if (action.networkIdle) {
            if (!this.isWeb) throw new Error('`waitFor: { networkIdle }` works in mobile browsers only');
            await this.waitForQuietPage(timeoutMs);
          } else if (action.gone) await this.waitGone(action.locator!, timeoutMs);
          else await this.find(action.locator!, timeoutMs);
          return;
        case 'back':
          await this.client.back();
          return;
        case 'launchApp':
          if (this.isWeb) throw new Error('launchApp needs a native app target (appPackage or bundleId), not a browser');
          await this.mobile('activateApp', this.appArguments('launchApp'));
          return;
        case 'closeApp':
          if (this.isWeb) throw new Error('closeApp needs a native app target (appPackage or bundleId), not a browser');
          await this.mobile('terminateApp', this.appArguments('closeApp'));
          return;
        case 'background':
          await this.mobile('backgroundApp', { seconds: action.durationMs / 1000 });
          return;
        default:
          throw new Error(`unknown action ${(action as Action).kind} for ${dialect}`);
      }
    } catch (error) {
      throw new Error(describeError(error));
    }
  }

  private async goto(url: string): Promise<void> {
    const { target, dialect } = this.options;
    if (this.isWeb) {
      const base = this.options.baseUrl ?? undefined;
      let absolute: string;
      try {
        absolute = new URL(url, base).toString();
      } catch {
        throw new Error(`goto ${url}: not a URL, and the target has no url to resolve it against`);
      }
      await this.client.navigateTo(absolute);
      return;
    }
    if (dialect === 'uiautomator2' || dialect === 'xcuitest') {
      // A deep link into the app (Android intent VIEW / iOS openURL).
      const appArgs = this.appArguments('goto');
      await this.mobile('deepLink', target.platform === 'android' ? { url, package: appArgs.appId } : { url, bundleId: appArgs.bundleId });
      return;
    }
    throw new Error('goto needs a mobile browser target (browser: chrome / safari) or a deep-link capable app driver');
  }

  private async press(key: string): Promise<void> {
    if (this.options.dialect === 'uiautomator2' && ANDROID_KEYCODES[key] !== undefined) {
      await this.mobile('pressKey', { keycode: ANDROID_KEYCODES[key] });
      return;
    }
    const value = WEBDRIVER_KEYS[key] ?? (key.length === 1 ? key : undefined);
    if (value === undefined) throw new Error(`press: unknown key "${key}" (known: ${Object.keys(WEBDRIVER_KEYS).join(', ')}, or one character)`);
    await this.client.performActions([{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }]);
    await this.client.releaseActions().catch(() => undefined);
  }

  /** Direction of the content's movement for a finger moving `direction`: up → content scrolls down. */
  private swipeDelta(direction: 'up' | 'down' | 'left' | 'right'): [number, number] {
    return [direction === 'left' ? 1 : direction === 'right' ? -1 : 0, direction === 'up' ? 1 : direction === 'down' ? -1 : 0];
  }

  /** A one-finger swipe of `distance` (fraction of the screen) through the centre, 300 ms long. */
  private async swipe(direction: 'up' | 'down' | 'left' | 'right', distance: number): Promise<void> {
    const { width, height } = await this.client.getWindowRect();
    const [dx, dy] = this.swipeDelta(direction);
    const cx = Math.round(width / 2);
    const cy = Math.round(height / 2);
    const half = (size: number) => Math.round((size * Math.min(distance, 0.9)) / 2);
    const from = { x: cx + dx * half(width), y: cy + dy * half(height) };
    const to = { x: cx - dx * half(width), y: cy - dy * half(height) };
    await this.client.performActions([
      {
        type: 'pointer',
        id: 'finger',
        parameters: { pointerType: 'touch' },
        actions: [
          { type: 'pointerMove', duration: 0, x: from.x, y: from.y },
          { type: 'pointerDown', button: 0 },
          { type: 'pause', duration: 100 },
          { type: 'pointerMove', duration: 300, x: to.x, y: to.y },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
    await this.client.releaseActions().catch(() => undefined);
  }

  private async scroll(action: Extract<Action, { kind: 'scroll' }>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (this.isWeb) {
      if (action.locator) {
        const element = await this.find(action.locator, timeoutMs);
        await this.client.executeScript('arguments[0].scrollIntoView({ block: "center" });', [{ [ELEMENT_KEYS[0]]: element, ELEMENT: element }]);
      } else if (action.byPx !== undefined) {
        await this.client.executeScript(`window.scrollBy(0, ${action.byPx});`, []);
      } else {
        // Like a reader: 80 % of the viewport at a time, 100 ms apart, until the edge.
        const bottom = (action.to ?? 'bottom') === 'bottom';
        for (let i = 0; i < 200; i++) {
          const atEdge = await this.client.executeScript(
            bottom ? 'return Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1;' : 'return window.scrollY <= 0;',
            [],
          );
          if (atEdge) return;
          if (Date.now() > deadline) throw new Error(`Timeout ${timeoutMs}ms exceeded while scrolling to the ${bottom ? 'bottom' : 'top'}`);
          await this.client.executeScript(`window.scrollBy(0, ${bottom ? '' : '-'}Math.round(window.innerHeight * 0.8));`, []);
          await sleep(100);
        }
      }
      return;
    }
    if (action.locator) {
      for (let i = 0; i < 20 && Date.now() < deadline; i++) {
        const found = await this.findOnce(action.locator);
        if (found) return;
        await this.swipe('up', 0.6);
      }
      throw new Error(`no element matches ${describeLocator(action.locator)} after scrolling for ${timeoutMs} ms`);
    }
    if (action.byPx !== undefined) {
      const { height } = await this.client.getWindowRect();
      await this.swipe(action.byPx >= 0 ? 'up' : 'down', Math.min(0.9, Math.abs(action.byPx) / height));
      return;
    }
    // To an edge: swipe until the screen's source stops changing (at most 20 swipes).
    let previous = await this.client.getPageSource();
    for (let i = 0; i < 20 && Date.now() < deadline; i++) {
      await this.swipe((action.to ?? 'bottom') === 'bottom' ? 'up' : 'down', 0.6);
      const source = await this.client.getPageSource();
      if (source === previous) return;
      previous = source;
    }
  }

  /** The first displayed element matching `locator` now, or null. */
  private async findOnce(locator: Locator): Promise<string | null> {
    for (const [using, value] of strategiesFor(locator, this.options.dialect)) {
      const references = await this.client.findElements(using, value);
      for (const reference of references) {
        const id = elementIdOf(reference);
        if (await this.client.isElementDisplayed(id).catch(() => false)) return id;
      }
    }
    return null;
  }

  /** Waits for a displayed element matching `locator`; one sentence when there is none in time. */
  private async find(locator: Locator, timeoutMs: number): Promise<string> {
    strategiesFor(locator, this.options.dialect); // unsupported locators fail at once
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.findOnce(locator);
      if (found) return found;
      if (Date.now() + POLL_MS > deadline) break;
      await sleep(POLL_MS);
    }
    throw new Error(`no visible element matches ${describeLocator(locator)} after ${timeoutMs} ms`);
  }

  private async waitGone(locator: Locator, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if ((await this.findOnce(locator)) === null) return;
      if (Date.now() + POLL_MS > deadline) break;
      await sleep(POLL_MS);
    }
    throw new Error(`an element matching ${describeLocator(locator)} is still visible after ${timeoutMs} ms`);
  }

  /**
   * Saves a PNG of the screen. In browsers the `mask` selectors and secret fields are covered by black boxes
   * drawn in the page for the shot; on native screens nothing can be drawn over, so a step that typed a
   * secret gets no screenshot (the reason is recorded) and CSS masks do not apply.
   */
  async screenshot(file: string, options: { maskSelectors: string[]; maskActions: Action[] }): Promise<void> {
    const secretFields = options.maskActions.filter((action): action is Extract<Action, { kind: 'fill' }> => action.kind === 'fill');
    if (!this.isWeb && secretFields.length > 0) {
      throw new Error('not taken: the step typed a secret value on a native screen, which cannot be masked');
    }
    const maskId = `ecoscore-mask-${randomUUID()}`;
    let masked = false;
    if (this.isWeb && (options.maskSelectors.length > 0 || secretFields.length > 0)) {
      const elements: Record<string, string>[] = [];
      for (const action of secretFields) {
        const id = await this.findOnce(action.locator).catch(() => null);
        if (id) elements.push({ [ELEMENT_KEYS[0]]: id, ELEMENT: id });
      }
      await this.client.executeScript(
        `const [maskId, selectors, ...elements] = arguments;
         const targets = [...elements];
         for (const selector of selectors) targets.push(...document.querySelectorAll(selector));
         for (const element of targets) {
           const r = element.getBoundingClientRect();
           const box = document.createElement('div');
           box.setAttribute('data-ecoscore-mask', maskId);
           box.style.cssText = 'position:fixed;z-index:2147483647;background:#ff00ff;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
           document.documentElement.appendChild(box);
         }`,
        [maskId, options.maskSelectors, ...elements],
      );
      masked = true;
    }
    try {
      const png = await this.client.takeScreenshot();
      await writeFile(file, Buffer.from(png, 'base64'));
    } finally {
      if (masked) {
        await this.client
          .executeScript('for (const box of document.querySelectorAll(`[data-ecoscore-mask="${arguments[0]}"]`)) box.remove();', [maskId])
          .catch(() => undefined);
      }
    }
  }

  async close(): Promise<void> {
    await this.client.deleteSession().catch(() => undefined);
  }
}
