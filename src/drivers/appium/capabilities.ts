/**
 * W3C capabilities of a mobile target, and which locator dialect a session speaks. Vendor capabilities
 * (`bstack:options`, `sauce:options`, `appium:…`) given in `target.capabilities` pass through untouched: only
 * the keys the toolkit sets itself are added, and the target's win.
 */
import type { Target } from '../../journey/schema.js';
import type { DeviceProfile } from '../../profiles/schema.js';
import { CHROMIUM_FLAGS } from '../playwright.js';

/** A mobile target of the journey. */
export type MobileTarget = Extract<Target, { platform: 'android' | 'ios' }>;

/** W3C capabilities sent to Appium. */
export type Capabilities = Record<string, unknown>;

/** Which locator dialect and commands a session speaks. */
export type AutomationDialect = 'web' | 'uiautomator2' | 'xcuitest' | 'generic';

/** True for a plain object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
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
export function automationOf(capabilities: Capabilities): string {
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

/** Chromium's performance log, which the network probe of browser sessions reads. */
const PERFORMANCE_LOG = { performance: 'ALL' };

/**
 * The W3C capabilities of a target: Android native (`appium:appPackage`/`appium:appActivity` or
 * `appium:app`, UiAutomator2), Chrome on Android (`browserName: Chrome`, UiAutomator2, with
 * `appium:chromeLoggingPrefs` — what UiAutomator2 hands to the Chromedriver it starts — and `goog:loggingPrefs`),
 * iOS (`appium:bundleId` or `appium:app`, XCUITest; Safari), then `target.capabilities` and `extra` merged over
 * them. Chromium sessions (`appium:automationName: Chromium`, Appium's Chromium driver) get the device's
 * `mobileEmulation` and the toolkit's quiet-browser flags.
 */
export function capabilitiesFor(target: MobileTarget, device: DeviceProfile, extra?: Capabilities): Capabilities {
  let base: Capabilities;
  if (target.platform === 'android') {
    base = { platformName: 'Android', 'appium:automationName': 'UiAutomator2', 'appium:newCommandTimeout': 300 };
    if (target.browser) {
      Object.assign(base, { browserName: 'Chrome', 'appium:chromeLoggingPrefs': { ...PERFORMANCE_LOG }, 'goog:loggingPrefs': { ...PERFORMANCE_LOG } });
    }
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
      'goog:loggingPrefs': { ...PERFORMANCE_LOG },
      'goog:chromeOptions': { args: [...CHROMIUM_FLAGS], mobileEmulation: mobileEmulationOf(device) },
    };
    merged = mergeCapabilities(chromeDefaults, merged);
    // Chromedriver matches `chrome` exactly (UiAutomator2 takes Appium's `Chrome`).
    if (typeof merged.browserName === 'string' && merged.browserName.toLowerCase() === 'chrome') merged.browserName = 'chrome';
    // Android-only keys mean nothing to a desktop Chromium.
    for (const key of ['appium:appPackage', 'appium:appActivity', 'appium:app', 'appium:newCommandTimeout', 'appium:chromeLoggingPrefs']) delete merged[key];
  }
  return merged;
}

/** Whether a browser session records Chromium's performance log (either logging-preferences capability). */
export function logsPerformance(capabilities: Capabilities): boolean {
  return ['appium:chromeLoggingPrefs', 'goog:loggingPrefs'].some((key) => {
    const prefs = capabilities[key];
    return isPlainObject(prefs) && typeof prefs.performance === 'string' && prefs.performance !== 'OFF';
  });
}

/**
 * Whether an app reference names a file on this machine. Anything with a URL scheme is the server's or the
 * farm's business and is left as it is: `http(s)://…`, BrowserStack's `bs://…`, Sauce Labs' `storage:…` and
 * `sauce-storage:…`, LambdaTest's `lt://…` (a one-letter "scheme" is a Windows drive, i.e. a file).
 */
export function isLocalAppPath(app: string): boolean {
  return !/^[a-z][a-z0-9+.-]+:/i.test(app);
}
