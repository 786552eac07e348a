/**
 * One iteration's WebDriver session on Appium: performs the journey's actions (gestures.ts for swipes and
 * scrolls, screenshot.ts for masked screenshots), and holds the Android probes of the iteration, the energy
 * sampler among them (probes/android-energy.ts). See docs/mobile.md.
 */
import type { Action, Locator } from '../../journey/schema.js';
import type { Run } from '../../model/result.js';
import { AndroidBatterystatsProbe } from '../../probes/android-batterystats.js';
import { AndroidCpuProbe } from '../../probes/android-cpu.js';
import { AndroidEnergy, type EnergyPlan } from '../../probes/android-energy.js';
import { AndroidGfxinfoProbe } from '../../probes/android-gfxinfo.js';
import { AndroidMemoryProbe } from '../../probes/android-memory.js';
import { AndroidNetstatsProbe } from '../../probes/android-netstats.js';
import type { AndroidShell } from '../../probes/android-shell.js';
import { parseUserId } from '../../probes/android-parsers/package.js';
import { ChromiumPerfLogProbe, type WebDriverLogEntry } from '../../probes/chromium-perf-log.js';
import type { Probe } from '../../probes/probe.js';
import type { Session } from '../driver.js';
import { logsPerformance, type AutomationDialect, type Capabilities, type MobileTarget } from './capabilities.js';
import { describeError, sensitiveText, sleep, withTimeout, type WebDriverClient } from './client.js';
import { scroll, swipe, swipeDelta, type GestureContext } from './gestures.js';
import { ANDROID_KEYCODES, describeLocator, elementIdOf, strategiesFor, WEBDRIVER_KEYS } from './locators.js';
import { takeMaskedScreenshot } from './screenshot.js';

const POLL_MS = 250;

/** Page script: is the page loaded, and how many resources has it loaded? */
const RESOURCE_COUNT_SCRIPT = 'return [document.readyState, performance.getEntriesByType("resource").length];';

/** What a session needs from its driver. */
export interface SessionOptions {
  target: MobileTarget;
  capabilities: Capabilities;
  dialect: AutomationDialect;
  /** URL that relative `goto` paths resolve against (mobile web). */
  baseUrl: string | null;
  /** The device shell the Android probes use, or null (iOS, the Chromium driver, `none`, a server denying adb_shell). */
  androidShell: AndroidShell | null;
  /** Shared by the run's sessions: which energy sampler works on the device (null: no energy sampler). */
  energyPlan: EnergyPlan | null;
  /** Called with what the iteration's energy measurement found (driver-level facts: battery, cross-check). */
  onIterationEnergy?: (run: Run, energy: Awaited<ReturnType<AndroidEnergy['finish']>>) => void;
  /** Applied to every error message (the server URL's credentials). */
  redact?: (text: string) => string;
}

/** One iteration's WebDriver session. */
export class AppiumSession implements Session {
  readonly probes: Probe[];
  /** The shell the Android probes use, or null (iOS, `none`, a server without adb_shell). */
  readonly androidShell: AndroidShell | null;
  /** The iteration's energy measurement (Android with a shell), or null. */
  readonly energy: AndroidEnergy | null;
  private url: string | null = null;
  private firstPartyHost: string | null = null;
  private packagePromise: Promise<string> | null = null;
  private uidPromise: Promise<number> | null = null;
  /** Locators of the fields that received a secret since the last navigation (masked in every screenshot). */
  /** Fields that received a secret since the last navigation, with the page's URL when they did (web). */
  private secretFields: Array<{ locator: Locator; url: string | null }> = [];

  constructor(
    private readonly client: WebDriverClient,
    private readonly options: SessionOptions,
  ) {
    const { dialect } = options;
    try {
      this.firstPartyHost = options.baseUrl ? new URL(options.baseUrl).host : null;
    } catch {
      this.firstPartyHost = null;
    }
    const shell = (this.androidShell = options.androidShell);
    this.energy = shell && options.energyPlan ? new AndroidEnergy(shell, options.energyPlan) : null;
    const probes: Probe[] = [];
    // The energy window closes first (before any other probe stops) and opens last (after all started).
    if (this.energy) probes.push(this.energy.closing);
    if (dialect === 'web' && logsPerformance(options.capabilities)) {
      probes.push(new ChromiumPerfLogProbe(() => this.client.getLogs('performance') as Promise<WebDriverLogEntry[]>, () => this.firstPartyHost));
    }
    if (shell) {
      const packageName = () => this.packageName();
      if (dialect !== 'web') probes.push(new AndroidNetstatsProbe(shell, () => this.uid()));
      probes.push(new AndroidCpuProbe(shell, packageName), new AndroidMemoryProbe(shell, packageName), new AndroidGfxinfoProbe(shell, packageName));
      probes.push(new AndroidBatterystatsProbe(shell, () => this.uid()));
    }
    if (this.energy) probes.push(this.energy.opening);
    this.probes = probes;
  }

  async finishIteration(run: Run): Promise<void> {
    if (!this.energy) return;
    const energy = await this.energy.finish(run.samples);
    run.chargeCounter = energy.chargeCounter;
    this.options.onIterationEnergy?.(run, energy);
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
    if (action.kind === 'goto' || action.kind === 'back' || action.kind === 'click') {
      const before = this.url;
      await this.refreshUrl();
      // A new page (web) or a deep link / back (native) leaves the fields that held secrets behind.
      if (action.kind === 'goto' || action.kind === 'back' || (this.isWeb && this.url !== before)) this.secretFields = [];
    }
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
          if (action.secret) {
            // Masked in WebdriverIO's log and in Appium's (X-Appium-Is-Sensitive), and masked in screenshots.
            this.secretFields.push({ locator: action.locator, url: this.url });
            await this.client.elementSendKeys(element, action.value, sensitiveText());
          } else await this.client.elementSendKeys(element, action.value);
          return;
        }
        case 'press':
          await this.press(action.key);
          return;
        case 'scroll':
          await scroll(this.gestureContext(), action, timeoutMs);
          return;
        case 'swipe': {
          if (this.isWeb) {
            const [dx, dy] = swipeDelta(action.direction);
            await this.client.executeScript(`window.scrollBy(${dx} * window.innerWidth * ${action.distance}, ${dy} * window.innerHeight * ${action.distance});`, []);
          } else await swipe(this.client, action.direction, action.distance);
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
      throw new Error(describeError(error, this.options.redact));
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
   * Saves a PNG of the screen with the step's `mask` entries and every field that received a secret since the
   * last navigation covered (screenshot.ts); when a secret field cannot be located, no screenshot is saved
   * (fail closed) and the reason is recorded.
   */
  async screenshot(file: string, options: { maskSelectors: string[]; maskActions: Action[] }): Promise<void> {
    // Every field typed into with `secret: true` since the last navigation (the step's own secret fills
    // included: they are recorded before the keys are sent); `maskActions` are the step's and add nothing.
    void options.maskActions;
    await takeMaskedScreenshot(this.gestureContext(), file, { maskEntries: options.maskSelectors, secretLocators: await this.secretFieldsShown() });
  }

  /**
   * The secret fields to mask. On the web, a click may navigate after the URL was read: a field that is gone while
   * the page's URL changed since its fill was left behind with its page and is dropped; a field that is still
   * there is masked, and one gone from the very page it was filled on stops the screenshot (screenshot.ts).
   */
  private async secretFieldsShown(): Promise<Locator[]> {
    if (!this.isWeb || this.secretFields.length === 0) return this.secretFields.map((field) => field.locator);
    await this.refreshUrl();
    const shown: Locator[] = [];
    for (const field of this.secretFields) {
      if (field.url !== this.url && (await this.findOnce(field.locator).catch(() => null)) === null) continue;
      shown.push(field.locator);
    }
    return shown;
  }

  private gestureContext(): GestureContext {
    return { client: this.client, dialect: this.options.dialect, findOnce: (locator) => this.findOnce(locator), find: (locator, timeoutMs) => this.find(locator, timeoutMs) };
  }

  async close(): Promise<void> {
    // Whatever the energy sampler left on the device (an iteration that ended without finishIteration).
    await this.energy?.cleanup();
    await this.client.deleteSession().catch(() => undefined);
  }
}
