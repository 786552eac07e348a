/**
 * The mobile driver's translation of journeys into WebDriver: capabilities per target, locators per
 * automation, and the commands each action sends (checked on a recording client, for the actions Appium's
 * fake driver cannot run: app lifecycle, background, back, keys, home screen, deep links).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { CommandRuntimeOptions } from 'webdriver';
import {
  AppiumSession,
  capabilitiesFor,
  connectionOptions,
  dialectOf,
  mergeCapabilities,
  strategiesFor,
  xpathLiteral,
  type MobileTarget,
  type WebDriverClient,
} from '../../src/drivers/appium.js';
import type { Action } from '../../src/journey/schema.js';
import { getDeviceProfile, getNetworkProfile } from '../../src/profiles/index.js';

const device = getDeviceProfile('mid-range-phone');
const network = getNetworkProfile('wifi');

describe('capabilities of a target', () => {
  it('Android native app: UiAutomator2 with package and activity, target capabilities merged over', () => {
    const target: MobileTarget = { platform: 'android', appPackage: 'org.example.health', appActivity: '.MainActivity', capabilities: { 'appium:udid': 'R58M123', 'appium:noReset': true } };
    expect(capabilitiesFor(target, device)).toEqual({
      platformName: 'Android',
      'appium:automationName': 'UiAutomator2',
      'appium:newCommandTimeout': 300,
      'appium:appPackage': 'org.example.health',
      'appium:appActivity': '.MainActivity',
      'appium:udid': 'R58M123',
      'appium:noReset': true,
    });
  });

  it('Chrome on Android: a browser session that records the performance log', () => {
    const caps = capabilitiesFor({ platform: 'android', browser: 'chrome', url: 'https://example.org' }, device);
    // UiAutomator2 hands `appium:chromeLoggingPrefs` to the Chromedriver it starts; `goog:loggingPrefs` is kept too.
    expect(caps).toMatchObject({
      platformName: 'Android',
      browserName: 'Chrome',
      'appium:automationName': 'UiAutomator2',
      'appium:chromeLoggingPrefs': { performance: 'ALL' },
      'goog:loggingPrefs': { performance: 'ALL' },
    });
    expect(dialectOf(caps)).toBe('web');
  });

  it('iOS app and Safari: XCUITest', () => {
    expect(capabilitiesFor({ platform: 'ios', bundleId: 'org.example.health' }, device)).toMatchObject({ platformName: 'iOS', 'appium:automationName': 'XCUITest', 'appium:bundleId': 'org.example.health' });
    expect(dialectOf(capabilitiesFor({ platform: 'ios', bundleId: 'x' }, device))).toBe('xcuitest');
    expect(capabilitiesFor({ platform: 'ios', browser: 'safari', url: 'https://example.org' }, device).browserName).toBe('Safari');
  });

  it('Appium’s Chromium driver: the device profile’s mobile emulation and the quiet-browser flags, user options kept', () => {
    const caps = capabilitiesFor(
      { platform: 'android', browser: 'chrome', url: 'http://127.0.0.1:1', capabilities: { platformName: 'linux', 'appium:automationName': 'Chromium', 'goog:chromeOptions': { binary: '/usr/bin/chromium' } } },
      device,
    );
    expect(caps.browserName).toBe('chrome');
    expect(caps['appium:newCommandTimeout']).toBeUndefined();
    const chrome = caps['goog:chromeOptions'] as { binary: string; args: string[]; mobileEmulation: { deviceMetrics: { width: number; pixelRatio: number }; userAgent: string } };
    expect(chrome.binary).toBe('/usr/bin/chromium');
    expect(chrome.args).toContain('--disable-background-networking');
    expect(chrome.mobileEmulation.deviceMetrics).toMatchObject({ width: device.viewport.width, pixelRatio: device.deviceScaleFactor });
    expect(chrome.mobileEmulation.userAgent).toBe(device.userAgent);
  });

  it('merges nested capability objects and replaces arrays', () => {
    expect(mergeCapabilities({ a: { b: 1, c: [1] } }, { a: { c: [2], d: 3 } })).toEqual({ a: { b: 1, c: [2], d: 3 } });
  });

  it('turns a farm URL with credentials into WebdriverIO connection options', () => {
    expect(connectionOptions('https://alice:s3cret@hub.example.com/wd/hub')).toEqual({ protocol: 'https', hostname: 'hub.example.com', port: 443, path: '/wd/hub', user: 'alice', key: 's3cret' });
    expect(connectionOptions('http://127.0.0.1:4723')).toEqual({ protocol: 'http', hostname: '127.0.0.1', port: 4723, path: '/' });
  });
});

describe('locators per automation', () => {
  it('Android native: UiSelector text (whole, then contains), resource-id, accessibility id', () => {
    expect(strategiesFor({ text: 'Mesures' }, 'uiautomator2')).toEqual([
      ['-android uiautomator', 'new UiSelector().text("Mesures")'],
      ['-android uiautomator', 'new UiSelector().textContains("Mesures")'],
    ]);
    expect(strategiesFor({ text: 'Mesures', exact: true }, 'uiautomator2')).toHaveLength(1);
    expect(strategiesFor({ id: 'org.example:id/add' }, 'uiautomator2')).toEqual([['id', 'org.example:id/add']]);
    expect(strategiesFor({ accessibilityId: 'Ajouter' }, 'uiautomator2')).toEqual([['accessibility id', 'Ajouter']]);
    expect(strategiesFor({ xpath: '//android.widget.Button' }, 'uiautomator2')).toEqual([['xpath', '//android.widget.Button']]);
  });

  it('iOS native: predicate strings', () => {
    expect(strategiesFor({ text: 'Mesures', exact: true }, 'xcuitest')).toEqual([['-ios predicate string', 'label == "Mesures" OR value == "Mesures" OR name == "Mesures"']]);
    expect(() => strategiesFor({ selector: '.x' }, 'xcuitest')).toThrow(/CSS `selector` locators do not exist on iOS/);
  });

  it('mobile browsers: text like the web driver, CSS, role and label through XPath', () => {
    expect(strategiesFor({ text: 'Connexion' }, 'web')[0]).toEqual(['xpath', '//body//*[normalize-space(.)="Connexion"][not(descendant::*[normalize-space(.)="Connexion"])]']);
    expect(strategiesFor({ id: 'username' }, 'web')).toEqual([['css selector', '[id="username"]']]);
    expect(strategiesFor({ role: 'button', name: 'Se connecter' }, 'web')[0][1]).toContain('//button[contains(normalize-space(.), "Se connecter")]');
    expect(strategiesFor({ label: 'Identifiant', exact: true }, 'web')[0][1]).toContain('[@id=//label[normalize-space(.)="Identifiant"]/@for]');
  });

  it('native apps refuse web-only locators with one sentence', () => {
    expect(() => strategiesFor({ role: 'button', name: 'OK' }, 'uiautomator2')).toThrow('`role` locators work in mobile browsers only; on native apps use text, id, accessibilityId or xpath');
    expect(() => strategiesFor({ label: 'Nom' }, 'generic')).toThrow(/`label` locators work in mobile browsers only/);
  });

  it('other drivers (the fake driver): XPath on the text attribute', () => {
    expect(strategiesFor({ text: 'Mesures' }, 'generic')).toEqual([
      ['xpath', '//*[@text="Mesures"]'],
      ['xpath', '//*[contains(@text, "Mesures")]'],
    ]);
  });

  it('quotes any text in XPath', () => {
    expect(xpathLiteral('l’"a"')).toBe(`'l’"a"'`);
    expect(xpathLiteral(`it's "x"`)).toBe(`concat("it's ", '"', "x", '"', "")`);
  });
});

/** A WebDriver client that records the commands and finds one displayed element for any locator. */
/** A 200 × 400 white PNG: the recording client's screen (half the 400 × 800 window: scale 0.5). */
const screen = (() => {
  const image = new PNG({ width: 200, height: 400 });
  image.data.fill(255);
  return PNG.sync.write(image);
})();

function recordingClient(capabilities: Record<string, unknown> = {}): WebDriverClient & { commands: unknown[][] } {
  const commands: unknown[][] = [];
  const record = (name: string) => async (...args: unknown[]) => {
    commands.push([name, ...args]);
    return undefined;
  };
  return {
    commands,
    capabilities,
    findElements: async (using, value) => {
      commands.push(['findElements', using, value]);
      return [{ 'element-6066-11e4-a52e-4f735466cecf': 'el-1' }];
    },
    isElementDisplayed: async () => true,
    elementClick: record('elementClick'),
    elementClear: record('elementClear'),
    elementSendKeys: record('elementSendKeys'),
    getElementRect: async (id) => {
      commands.push(['getElementRect', id]);
      return { x: 10, y: 20, width: 100, height: 40 };
    },
    executeScript: async (script, args) => {
      commands.push(['executeScript', script, ...args]);
      return null;
    },
    performActions: record('performActions'),
    releaseActions: record('releaseActions'),
    navigateTo: record('navigateTo'),
    back: record('back'),
    getUrl: async () => 'about:blank',
    getWindowRect: async () => ({ width: 400, height: 800, x: 0, y: 0 }),
    getPageSource: async () => '<hierarchy/>',
    takeScreenshot: async () => screen.toString('base64'),
    getLogs: async () => [],
    deleteSession: record('deleteSession'),
  };
}

function androidSession(client: WebDriverClient): AppiumSession {
  const target: MobileTarget = { platform: 'android', appPackage: 'org.example.health', appActivity: '.Main' };
  const capabilities = capabilitiesFor(target, device);
  return new AppiumSession(client, { target, capabilities, dialect: 'uiautomator2', baseUrl: null, androidShell: null, energyPlan: null });
}

const run = (session: AppiumSession, action: Action) => session.perform(action, 2000);

describe('actions on Android native (UiAutomator2)', () => {
  it('launches, backgrounds and closes the app with Appium’s mobile commands', async () => {
    const client = recordingClient();
    const session = androidSession(client);
    await run(session, { kind: 'launchApp' });
    await run(session, { kind: 'background', durationMs: 3000 });
    await run(session, { kind: 'closeApp' });
    expect(client.commands).toEqual([
      ['executeScript', 'mobile: activateApp', { appId: 'org.example.health' }],
      ['executeScript', 'mobile: backgroundApp', { seconds: 3 }],
      ['executeScript', 'mobile: terminateApp', { appId: 'org.example.health' }],
    ]);
  });

  it('presses keys with Android key codes, goes back, opens deep links and shows the home screen', async () => {
    const client = recordingClient();
    const session = androidSession(client);
    await run(session, { kind: 'press', key: 'Enter' });
    await run(session, { kind: 'back' });
    await run(session, { kind: 'goto', url: 'tensio://measures' });
    await session.showBlank();
    expect(client.commands).toEqual([
      ['executeScript', 'mobile: pressKey', { keycode: 66 }],
      ['back'],
      ['executeScript', 'mobile: deepLink', { url: 'tensio://measures', package: 'org.example.health' }],
      ['executeScript', 'mobile: pressKey', { keycode: 3 }],
    ]);
    expect(session.currentUrl()).toBeNull();
  });

  it('clicks, fills and swipes through the found element and touch actions', async () => {
    const client = recordingClient();
    const session = androidSession(client);
    await run(session, { kind: 'fill', locator: { id: 'systolic' }, value: '120', secret: false });
    await run(session, { kind: 'swipe', direction: 'up', distance: 0.5 });
    expect(client.commands.slice(0, 3)).toEqual([
      ['findElements', 'id', 'systolic'],
      ['elementClear', 'el-1'],
      ['elementSendKeys', 'el-1', '120'],
    ]);
    const [name, actions] = client.commands[3] as [string, Array<{ actions: Array<{ type: string; x?: number; y?: number }> }>];
    expect(name).toBe('performActions');
    const moves = actions[0].actions.filter((step) => step.type === 'pointerMove');
    expect(moves.map((move) => [move.x, move.y])).toEqual([[200, 600], [200, 200]]); // finger moves up half the screen
  });

  it('sends a secret fill with WebdriverIO’s mask (Appium then logs it masked) and a plain one without', async () => {
    const client = recordingClient();
    const session = androidSession(client);
    await run(session, { kind: 'fill', locator: { id: 'password' }, value: 's3cr3t', secret: true });
    const sent = client.commands.find((command) => command[0] === 'elementSendKeys')!;
    expect(sent.slice(0, 3)).toEqual(['elementSendKeys', 'el-1', 's3cr3t']);
    expect(sent[3]).toBeInstanceOf(CommandRuntimeOptions);
    expect((sent[3] as { mask: boolean }).mask).toBe(true);
  });

  it('masks the secret field and the step’s mask entries on a native screenshot (rectangles scaled to the picture)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-shot-'));
    try {
      const client = recordingClient();
      const session = androidSession(client);
      await run(session, { kind: 'fill', locator: { id: 'password' }, value: 'x', secret: true });
      await session.screenshot(join(dir, 'a.png'), { maskSelectors: ['card-number'], maskActions: [] });
      const image = PNG.sync.read(await readFile(join(dir, 'a.png')));
      const pixel = (x: number, y: number) => [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
      // Window rect (10, 20, 100 × 40) at scale 0.5 → pixels (5..55, 10..30).
      expect(pixel(6, 11)).toEqual([0, 0, 0]);
      expect(pixel(54, 29)).toEqual([0, 0, 0]);
      expect(pixel(60, 35)).toEqual([255, 255, 255]);
      expect(client.commands.filter((command) => command[0] === 'getElementRect')).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes no native screenshot when a secret field or a mask entry cannot be located (fail closed)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-shot-'));
    try {
      const client = recordingClient();
      const session = androidSession(client);
      await run(session, { kind: 'fill', locator: { id: 'password' }, value: 'x', secret: true });
      client.findElements = async () => [];
      await expect(session.screenshot(join(dir, 'a.png'), { maskSelectors: [], maskActions: [] })).rejects.toThrow('not taken: the secret field id "password" cannot be located, so it cannot be masked');
      const plain = androidSession(client);
      await expect(plain.screenshot(join(dir, 'b.png'), { maskSelectors: ['card-number'], maskActions: [] })).rejects.toThrow(/mask entry "card-number" matches no element/);
      await expect(readFile(join(dir, 'a.png'))).rejects.toThrow();
      await expect(readFile(join(dir, 'b.png'))).rejects.toThrow();
      await plain.screenshot(join(dir, 'c.png'), { maskSelectors: [], maskActions: [] });
      expect((await readFile(join(dir, 'c.png'))).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('forgets the secret fields after a navigation (back, deep link)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-shot-'));
    try {
      const client = recordingClient();
      const session = androidSession(client);
      await run(session, { kind: 'fill', locator: { id: 'password' }, value: 'x', secret: true });
      await run(session, { kind: 'back' });
      client.findElements = async () => [];
      await session.screenshot(join(dir, 'a.png'), { maskSelectors: [], maskActions: [] });
      expect((await readFile(join(dir, 'a.png'))).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('attaches every Android probe when a shell is available, the energy window closing first and opening last', () => {
    const target: MobileTarget = { platform: 'android', appPackage: 'org.example.health' };
    const session = new AppiumSession(recordingClient(), {
      target,
      capabilities: capabilitiesFor(target, device),
      dialect: 'uiautomator2',
      baseUrl: null,
      androidShell: async () => '',
      energyPlan: { perfetto: true, perfettoProblem: null, powerCut: null },
    });
    expect(session.probes.map((probe) => probe.name)).toEqual(['energy', 'android-netstats', 'android-cpu', 'android-memory', 'android-gfxinfo', 'android-batterystats', 'energy']);
    expect(session.probes[0]).toBe(session.energy!.closing);
    expect(session.probes.at(-1)).toBe(session.energy!.opening);
  });
});

describe('actions in a mobile browser', () => {
  it('refuses app lifecycle actions with one sentence', async () => {
    const target: MobileTarget = { platform: 'android', browser: 'chrome', url: 'https://example.org' };
    const session = new AppiumSession(recordingClient(), { target, capabilities: capabilitiesFor(target, device), dialect: 'web', baseUrl: target.url!, androidShell: null, energyPlan: null });
    await expect(run(session, { kind: 'launchApp' })).rejects.toThrow('launchApp needs a native app target (appPackage or bundleId), not a browser');
    expect(session.probes.map((probe) => probe.name)).toEqual(['chromium-perf-log']);
  });

  it('resolves relative URLs against the target and shows about:blank for the reference', async () => {
    const client = recordingClient();
    const target: MobileTarget = { platform: 'android', browser: 'chrome', url: 'https://example.org/app/' };
    const session = new AppiumSession(client, { target, capabilities: capabilitiesFor(target, device), dialect: 'web', baseUrl: target.url!, androidShell: null, energyPlan: null });
    await run(session, { kind: 'goto', url: 'measures' });
    await session.showBlank();
    expect(client.commands).toEqual([['navigateTo', 'https://example.org/app/measures'], ['navigateTo', 'about:blank']]);
  });
  it('masks a secret field still shown, drops one left behind by a late navigation, and fails closed when it is gone from its own page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ecoscore-appium-web-shot-'));
    try {
      const client = recordingClient();
      let url = 'https://example.org/login';
      client.getUrl = async () => url;
      const target: MobileTarget = { platform: 'android', browser: 'chrome', url: 'https://example.org/' };
      const options = { target, capabilities: capabilitiesFor(target, device), dialect: 'web' as const, baseUrl: target.url!, androidShell: null, energyPlan: null };
      const fillAndSubmit = async (session: AppiumSession) => {
        await run(session, { kind: 'goto', url: 'login' });
        await run(session, { kind: 'fill', locator: { label: 'Mot de passe' }, value: 'x', secret: true });
        // The click's navigation has not committed when the session reads the URL after it.
        await run(session, { kind: 'click', locator: { role: 'button', name: 'Se connecter' } });
      };
      const drawn = () => client.commands.filter((command) => command[0] === 'executeScript' && String(command[1]).includes('data-ecoscore-mask'));

      // Still shown (same page): masked.
      const shown = new AppiumSession(client, options);
      await fillAndSubmit(shown);
      await shown.screenshot(join(dir, 'a.png'), { maskSelectors: [], maskActions: [] });
      expect(drawn().length).toBeGreaterThan(0);

      // The page moved on after the click and the field is gone: left behind with its page, the screenshot is taken.
      client.commands.length = 0;
      const left = new AppiumSession(client, options);
      await fillAndSubmit(left);
      url = 'https://example.org/dashboard';
      client.findElements = async () => [];
      await left.screenshot(join(dir, 'b.png'), { maskSelectors: [], maskActions: [] });
      expect((await readFile(join(dir, 'b.png'))).subarray(1, 4).toString()).toBe('PNG');

      // Gone from the very page it was filled on: no screenshot (fail closed).
      const gone = new AppiumSession(client, options);
      url = 'https://example.org/login';
      const nothing = client.findElements;
      client.findElements = recordingClient().findElements;
      await fillAndSubmit(gone);
      client.findElements = nothing;
      await expect(gone.screenshot(join(dir, 'c.png'), { maskSelectors: [], maskActions: [] })).rejects.toThrow(/secret field .* cannot be located, so it cannot be masked/);
      await expect(readFile(join(dir, 'c.png'))).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
